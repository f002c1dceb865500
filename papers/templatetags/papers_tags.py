"""Template tags for papers' templates: a meeting's calendar link, and how a paper's numbers,
status and action plan cells are shown."""

import re

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from papers import archive, meeting_calendar
from papers.models import PaperPage

register = template.Library()

BULLET = re.compile(r"^\s*[•·▪]\s*")


@register.simple_tag(takes_context=True)
def meeting_ics_url(context, meeting) -> str:
    return meeting_calendar.meeting_ics_url(meeting, context.get("request"))


@register.filter
def paper_status_label(status: str) -> str:
    return dict(PaperPage.Status.choices).get(status, status)


@register.filter
def mark_words(text: str, words: str) -> SafeString:
    """The passage with each word the search matched wrapped in <mark>; all else escaped."""
    stems = [archive.word_stem(word) for word in re.findall(r"\w+", words or "") if len(word) > 1]
    if not text or not stems:
        return escape(text or "")
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*", re.IGNORECASE)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group(0)))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece was escaped above


@register.filter
def printed_number(number: str) -> str:
    """A section number as printed: "1" -> "1.", "2a" -> "2a.", "(iv)" stays."""
    number = (number or "").strip()
    return number if not number or number[-1] in ".):" else f"{number}."


@register.filter
def printed_plan_rows(section, today) -> list[dict]:
    """The rows of an action plan section kept as printed (papers.printed_blocks)."""
    return section.table_rows(today)


@register.filter
def links_for(paragraph_links, anchor: str) -> list:
    """The links other apps show under the paragraph with this anchor."""
    return (paragraph_links or {}).get(anchor, []) if anchor else []


@register.filter
def is_overdue(row, today) -> bool:
    return bool(today and hasattr(row, "is_overdue") and row.is_overdue(today))


def _expand_first_uses(text: str, glossary: dict, seen: set) -> SafeString:
    """The text escaped, with the first use on the page of each glossary acronym wrapped in
    <abbr>. Acronyms are found in the raw text in one pass and the markup is built from
    escaped pieces, so no entry's text is ever searched again once it has become markup."""
    acronyms = sorted((a for a in glossary if a not in seen), key=len, reverse=True)
    if not acronyms:
        return escape(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, acronyms)) + r")(?!\w)")
    pieces, position = [], 0
    for match in pattern.finditer(text):
        acronym = match.group(0)
        if acronym in seen:
            continue
        seen.add(acronym)
        pieces.append(escape(text[position : match.start()]))
        pieces.append(format_html('<abbr title="{}">{}</abbr>', glossary[acronym], acronym))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece was escaped or built by format_html


@register.simple_tag(takes_context=True)
def plan_cell(context, text: str) -> SafeString:
    """A table cell as written: lines starting "• " become a bulleted list, other lines
    paragraphs; the first use of each acronym on the page is expanded for screen readers."""
    if not text:
        return SafeString("")
    glossary = context.get("glossary_terms") or {}
    seen = context.get("acronyms_seen")
    if seen is None:
        seen = set()
    parts: list[str] = []
    bullets: list[str] = []

    def flush_bullets():
        if bullets:
            items = format_html_join("", "<li>{}</li>", ((item,) for item in bullets))
            parts.append(format_html("<ul>{}</ul>", items))
            bullets.clear()

    for line in text.splitlines():
        if not line.strip():
            flush_bullets()
            continue
        if BULLET.match(line):
            bullets.append(_expand_first_uses(BULLET.sub("", line), glossary, seen))
        else:
            flush_bullets()
            parts.append(format_html("<p>{}</p>", _expand_first_uses(line.strip(), glossary, seen)))
    flush_bullets()
    return format_html_join("", "{}", ((part,) for part in parts))
