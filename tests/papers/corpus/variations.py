"""The importer's test corpus: each seed paper rewritten in the layouts other KCP officers
used, one variation at a time and several together, plus the hand-written papers.

A variation is a function from a paper's text to the same paper laid out differently: the
words of the paper stay, only where and how they are printed changes (a variation that adds
a part, such as a sign-off, adds whole sentences). A variation that does not apply to a paper
(no contact block to put on one line) leaves it unchanged, and that rewrite is left out.
"""

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from papers.importer.dates import find_printed_date
from papers.seed_papers import SEED_PAPERS_DIR

CORPUS_DIR = Path(__file__).resolve().parent
HANDWRITTEN_DIR = CORPUS_DIR / "handwritten"
PARTNERSHIP = "KENSINGTON AND CHELSEA PARTNERSHIP"
_PARAGRAPH_NUMBER = re.compile(r"^(?P<lead>- )?(?P<number>\d{1,2}(?:\.\d{1,2})+) (?P<text>\S)")
_SECTION_NUMBER = re.compile(r"^(?P<number>\d{1,2})\. ?(?P<text>[A-Z][^.]*)$")
_STATUS = re.compile(r"^for (?:information|approval|decision|discussion|noting)$", re.I)


@dataclass(frozen=True)
class CorpusPaper:
    """One file of the corpus and what importing it must give."""

    name: str
    text: str
    title: str
    meeting_date: datetime.date | None
    status: str
    kind: str
    expected: dict = field(default_factory=dict, compare=False)

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _index(lines: list[str], test: Callable[[str], bool]) -> int | None:
    return next((i for i, line in enumerate(lines) if test(line.strip())), None)


def _date_line(lines: list[str]) -> int | None:
    return _index(lines, lambda line: bool(line) and _is_only_a_date(line))


def _is_only_a_date(line: str) -> bool:
    found = find_printed_date(line)
    return found is not None and found.start == 0 and found.end >= len(line.rstrip(". "))


def _title_line(lines: list[str], title: str) -> int | None:
    return _index(lines, lambda line: line.lower() == title.lower())


def _contact_label(lines: list[str]) -> int | None:
    return _index(lines, lambda line: line.lower().startswith("contact officer"))


def _rewrite_date(style: Callable[[datetime.date], str]):
    def rewrite(text: str, paper: CorpusPaper) -> str:
        lines = _lines(text)
        index = _date_line(lines)
        if index is None or paper.meeting_date is None:
            return text
        lines[index] = style(paper.meeting_date)
        return "\n".join(lines)

    return rewrite


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


date_with_weekday_and_ordinal = _rewrite_date(
    lambda d: f"{d:%A} {_ordinal(d.day)} {d:%B %Y}".upper()
)
date_month_first = _rewrite_date(lambda d: f"{d:%B} {d.day}, {d.year}")
date_numeric = _rewrite_date(lambda d: f"{d:%d/%m/%Y}")


def combined_heading_line(text: str, paper: CorpusPaper) -> str:
    """Partnership, group and date on one line: "KCP – STEERING GROUP – 13 MAY 2009"."""
    lines = _lines(text)
    partnership = _index(lines, lambda line: line.upper() == PARTNERSHIP)
    date_index = _date_line(lines)
    if partnership is None or date_index is None:
        return text
    date = lines[date_index].strip()
    lines[partnership] = f"{PARTNERSHIP} – STEERING GROUP – {date}"
    del lines[date_index]
    return "\n".join(lines)


def heading_with_commas(text: str, paper: CorpusPaper) -> str:
    """ "Kensington and Chelsea Partnership, Steering Group meeting, 13 May 2009"."""
    lines = _lines(text)
    partnership = _index(lines, lambda line: line.upper() == PARTNERSHIP)
    date_index = _date_line(lines)
    if partnership is None or date_index is None or paper.meeting_date is None:
        return text
    day = paper.meeting_date
    lines[partnership] = (
        f"Kensington and Chelsea Partnership, Steering Group meeting, {day.day} {day:%B %Y}"
    )
    del lines[date_index]
    return "\n".join(lines)


def _insert_author(offset: int):
    def rewrite(text: str, paper: CorpusPaper) -> str:
        lines = _lines(text)
        index = _title_line(lines, paper.title)
        if index is None:
            return text
        position = index + offset
        lines[position:position] = ["", "Report of the Partnership Support Manager", ""]
        return "\n".join(lines)

    return rewrite


author_before_title = _insert_author(0)
author_after_title = _insert_author(1)


def title_in_capitals(text: str, paper: CorpusPaper) -> str:
    lines = _lines(text)
    index = _title_line(lines, paper.title)
    if index is None or paper.title.isupper():
        return text
    lines[index] = lines[index].upper()
    return "\n".join(lines)


def status_in_lower_case(text: str, paper: CorpusPaper) -> str:
    lines = [line.lower() if _STATUS.match(line.strip()) else line for line in _lines(text)]
    return "\n".join(lines)


def status_in_capitals_at_top_and_end(text: str, paper: CorpusPaper) -> str:
    lines = _lines(text)
    found = [i for i, line in enumerate(lines) if _STATUS.match(line.strip())]
    if not found:
        return text
    for index in found:
        lines[index] = lines[index].strip().upper()
    return "\n".join(lines)


def numbers_as_list_items(text: str, paper: CorpusPaper) -> str:
    return "\n".join(_PARAGRAPH_NUMBER.sub(r"- \g<number> \g<text>", line) for line in _lines(text))


def numbers_run_into_the_text(text: str, paper: CorpusPaper) -> str:
    """ "1.1The…" and "1.Introduction": no space after the number."""
    rewritten = []
    for line in _lines(text):
        line = _PARAGRAPH_NUMBER.sub(r"\g<lead>\g<number>\g<text>", line)
        rewritten.append(_SECTION_NUMBER.sub(r"\g<number>.\g<text>", line))
    return "\n".join(rewritten)


def bold_numbers(text: str, paper: CorpusPaper) -> str:
    rewritten = []
    for line in _lines(text):
        line = _PARAGRAPH_NUMBER.sub(r"\g<lead>**\g<number>** \g<text>", line)
        rewritten.append(_SECTION_NUMBER.sub(r"**\g<number>. \g<text>**", line))
    return "\n".join(rewritten)


def word_conversion_remnants(text: str, paper: CorpusPaper) -> str:
    """What Word and e-mail leave in a pasted paper: curly quotes, non-breaking spaces after
    short words, soft hyphens in long words, bold and italic markers around phrases."""
    text = re.sub(r"'(\w[^'\n]*?)'", "‘\\1’", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r"\b(the|of|to|and) ", "\\1\u00a0", text)
    text = re.sub(r"\b(Partner)(ship)\b", "\\1\u00ad\\2", text)
    text = re.sub(r"\b(Community Strategy)\b", "**\\1**", text, count=3)
    return re.sub(r"\b(Steering Group)\b", "_\\1_", text, count=2)


def contact_on_one_line(text: str, paper: CorpusPaper) -> str:
    lines = _lines(text)
    index = _contact_label(lines)
    if index is None:
        return text
    parts = [line.strip() for line in lines[index + 1 :] if line.strip()]
    return "\n".join([*lines[:index], f"Contact officer: {', '.join(parts)}", ""])


def contact_labelled_on_several_lines(text: str, paper: CorpusPaper) -> str:
    lines = _lines(text)
    index = _contact_label(lines)
    if index is None:
        return text
    labelled = []
    for line in lines[index + 1 :]:
        part = line.strip()
        if "@" in part:
            labelled.append(f"E-mail: {part}")
        elif re.fullmatch(r"[\d ]{8,}", part):
            labelled.append(f"Telephone: {part}")
        elif part:
            labelled.append(part)
    return "\n".join([*lines[:index], "Contact officer:", *labelled, ""])


def sign_off_and_background_papers(text: str, paper: CorpusPaper) -> str:
    """The chief officer's name and post above the contact block, then the statutory
    background papers section saying there are none."""
    lines = _lines(text)
    index = _contact_label(lines)
    if index is None:
        return text
    lines[index:index] = [
        "Derek Myers",
        "Town Clerk and Chief Executive",
        "",
        "Background papers used in the preparation of this report: None",
        "",
    ]
    return "\n".join(lines)


def recommendations_section(text: str, paper: CorpusPaper) -> str:
    """A capitalised, numbered RECOMMENDATIONS section with lettered items and a sub-list,
    at the end of the body."""
    lines = _lines(text)
    sections = [int(m.group("number")) for line in lines if (m := _SECTION_NUMBER.match(line))]
    end_status = [i for i, line in enumerate(lines) if _STATUS.match(line.strip())]
    if not sections or len(end_status) < 2:
        return text
    number = max(sections) + 1
    lines[end_status[-1] : end_status[-1]] = [
        f"{number}. RECOMMENDATIONS",
        "",
        f"{number}.1 The Steering Group is asked to:",
        "",
        "(a) note the report;",
        "(b) agree the next steps set out above, in particular:",
        "    • the forward plan",
        "    • the review in the autumn.",
        "",
    ]
    return "\n".join(lines)


def as_markdown(text: str, paper: CorpusPaper) -> str:
    """The paper as an officer writes it in Markdown: headings marked with #."""
    lines = _lines(text)
    title = _title_line(lines, paper.title)
    if title is None:
        return text
    lines[title] = f"# {lines[title].strip()}"
    rewritten = []
    for line in lines:
        section = _SECTION_NUMBER.match(line)
        rewritten.append(f"## {line}" if section else line)
    return "\n".join(rewritten)


VARIATIONS: dict[str, Callable[[str, CorpusPaper], str]] = {
    "combined-heading": combined_heading_line,
    "heading-with-commas": heading_with_commas,
    "date-weekday-ordinal": date_with_weekday_and_ordinal,
    "date-month-first": date_month_first,
    "date-numeric": date_numeric,
    "author-before-title": author_before_title,
    "author-after-title": author_after_title,
    "title-in-capitals": title_in_capitals,
    "status-lower-case": status_in_lower_case,
    "status-capitals": status_in_capitals_at_top_and_end,
    "numbers-as-list-items": numbers_as_list_items,
    "numbers-run-in": numbers_run_into_the_text,
    "bold-numbers": bold_numbers,
    "word-remnants": word_conversion_remnants,
    "contact-one-line": contact_on_one_line,
    "contact-labelled": contact_labelled_on_several_lines,
    "sign-off-background-none": sign_off_and_background_papers,
    "recommendations": recommendations_section,
    "markdown": as_markdown,
}
MARKDOWN_VARIATIONS = {"bold-numbers", "word-remnants", "markdown"}
COMBINATIONS = {
    "combined-1": (
        "combined-heading",
        "date-weekday-ordinal",
        "author-before-title",
        "title-in-capitals",
        "numbers-run-in",
        "contact-one-line",
        "sign-off-background-none",
    ),
    "combined-2": (
        "heading-with-commas",
        "author-after-title",
        "status-lower-case",
        "bold-numbers",
        "word-remnants",
        "recommendations",
        "contact-labelled",
    ),
    "combined-3": (
        "date-numeric",
        "status-capitals",
        "numbers-as-list-items",
        "recommendations",
        "markdown",
        "word-remnants",
        "sign-off-background-none",
    ),
}
SEEDS = {
    "2009-05-13-kcp-review-priorities-2009-10.txt": (
        "KCP Review – taking forward priorities for 2009/10",
        datetime.date(2009, 5, 13),
        "for_information",
        "report",
    ),
    "2007-11-14-community-strategy-mid-term-review.txt": (
        "COMMUNITY STRATEGY MID-TERM REVIEW",
        datetime.date(2007, 11, 14),
        "for_approval",
        "report",
    ),
    "2004-partnership-plan-2004-05.txt": ("PARTNERSHIP PLAN 2004/05", None, "", "action_plan"),
}


def seed_papers() -> list[CorpusPaper]:
    return [
        CorpusPaper(name, (SEED_PAPERS_DIR / name).read_text(encoding="utf-8"), *facts)
        for name, facts in SEEDS.items()
    ]


def rewritten_seed_papers() -> list[CorpusPaper]:
    """Each seed in each variation that changes it, alone and in each combination."""
    papers = []
    for seed in seed_papers():
        stem = Path(seed.name).stem
        plans = {name: (name,) for name in VARIATIONS} | COMBINATIONS
        for label, names in plans.items():
            text, paper = seed.text, seed
            for name in names:
                text = VARIATIONS[name](text, paper)
            if text == seed.text:
                continue
            title = paper.title.upper() if "title-in-capitals" in names else paper.title
            suffix = ".md" if MARKDOWN_VARIATIONS & set(names) else ".txt"
            papers.append(
                CorpusPaper(
                    f"{stem}--{label}{suffix}",
                    text,
                    title,
                    seed.meeting_date,
                    seed.status,
                    seed.kind,
                )
            )
    return papers


def handwritten_papers() -> list[CorpusPaper]:
    expected = json.loads((HANDWRITTEN_DIR / "expected.json").read_text(encoding="utf-8"))
    return [
        CorpusPaper(
            name,
            (HANDWRITTEN_DIR / name).read_text(encoding="utf-8"),
            facts["title"],
            datetime.date.fromisoformat(facts["meeting_date"]),
            facts["status"],
            facts["kind"],
            facts,
        )
        for name, facts in expected.items()
    ]


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _revised_paragraph_xml(line: str, position: int) -> str:
    """One line as a Word paragraph an officer revised: its words spread over a plain run, a
    tracked insertion, a smart tag, a hyperlink and a content control, with a deleted word
    and a field code that Word does not show."""
    words = line.split(" ")
    if len(words) < 5:
        return _run(line)
    first, inserted, tagged, linked, rest = (
        " ".join(words[:1]) + " ",
        words[1] + " ",
        words[2] + " ",
        words[3] + " ",
        " ".join(words[4:]),
    )
    return (
        _run(first)
        + f'<w:ins w:id="{position}" w:author="KCP">{_run(inserted)}</w:ins>'
        + f'<w:del w:id="{position + 1}" w:author="KCP"><w:r><w:delText>struck </w:delText>'
        "</w:r></w:del>"
        + f'<w:smartTag w:uri="urn:kcp" w:element="place">{_run(tagged)}</w:smartTag>'
        + f'<w:hyperlink w:anchor="p{position}">{_run(linked)}</w:hyperlink>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> MERGEFIELD x </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + f"<w:sdt><w:sdtPr/><w:sdtContent>{_run(rest)}</w:sdtContent></w:sdt>"
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def write_word_file(text: str, path: Path) -> Path:
    """The paper as a Word file, one paragraph per printed line, every line with revisions."""
    document = Document()
    for position, line in enumerate(line.strip() for line in text.split("\n")):
        if not line:
            continue
        paragraph = document.add_paragraph()
        xml = f"<w:p {nsdecls('w')}>{_revised_paragraph_xml(line, position * 2)}</w:p>"
        for child in parse_xml(xml):
            paragraph._p.append(child)
    document.save(str(path))
    return path


def word_papers() -> list[CorpusPaper]:
    """The seed and hand-written reports and progress reports in plain text, as Word files."""
    chosen = [
        paper
        for paper in [*seed_papers(), *rewritten_seed_papers(), *handwritten_papers()]
        if paper.suffix == ".txt"
        and paper.kind != "action_plan"
        and ("--" not in paper.name or paper.name.endswith("--combined-1.txt"))
    ]
    return [
        CorpusPaper(
            f"{Path(paper.name).stem}--word.docx",
            paper.text,
            paper.title,
            paper.meeting_date,
            paper.status,
            paper.kind,
            paper.expected,
        )
        for paper in chosen
    ]


def corpus() -> list[CorpusPaper]:
    return [*seed_papers(), *rewritten_seed_papers(), *handwritten_papers(), *word_papers()]


def write_paper(paper: CorpusPaper, path: Path) -> Path:
    if paper.suffix == ".docx":
        return write_word_file(paper.text, path)
    path.write_text(paper.text, encoding="utf-8")
    return path


def write_corpus(folder: Path) -> list[Path]:
    """Write every corpus paper into `folder` (for bench/ and by hand): their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_paper(paper, folder / paper.name) for paper in corpus()]
