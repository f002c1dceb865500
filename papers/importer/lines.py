"""The printed lines of a paper, with Markdown and emphasis removed but line numbers kept."""

import re
from dataclasses import dataclass

TAB_WIDTH = 4

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s*(?:[-=_*]\s*){3,}$")
_PIPE_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
_EMPHASIS = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"),
)
TERMINAL_PUNCTUATION = ".!?:;"
# Characters Word and web editors leave behind that a reader never sees.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_WIDE_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2002\u2003\u2009\f\v"), " ")
_MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<url>[^)\s]+)\)")
_MARKDOWN_ESCAPE = re.compile(r"\\(?P<character>[\\`*_{}\[\]()#+.!|-])")
_LIST_MARKER_BEFORE_NUMBER = re.compile(r"^(?:\d{1,2}[.)]|[-*+])\s+(?=\d{1,2}(?:\.\d{1,3})+)")
_STRAY_STRONG = re.compile(r"\*\*|__")


@dataclass(frozen=True)
class PrintedLine:
    """One line of the paper as the reader sees it."""

    number: int
    text: str
    indent: int = 0
    heading_level: int = 0

    @property
    def is_blank(self) -> bool:
        return not self.text

    @property
    def is_table_row(self) -> bool:
        return "\t" in self.text and len([c for c in self.text.split("\t") if c.strip()]) >= 2

    @property
    def cells(self) -> list[str]:
        return [collapse_space(cell) for cell in self.text.split("\t")]


def remove_emphasis(text: str) -> str:
    """Remove emphasis markers (**bold**, *italic*, __bold__, _italic_), an unpaired `**` and
    Markdown links and escapes; keep a lone `*` (a footnote mark) as printed."""
    if "[" in text:
        text = _MARKDOWN_LINK.sub(_link_text, text)
    if "*" not in text and "_" not in text and "\\" not in text:
        return text
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    text = _STRAY_STRONG.sub("", text)
    return _MARKDOWN_ESCAPE.sub(r"\g<character>", text)


def _link_text(match: re.Match[str]) -> str:
    text, url = match.group("text"), match.group("url")
    return text if url.startswith("#") or url in text else f"{text} ({url.removeprefix('mailto:')})"


def collapse_space(text: str) -> str:
    return " ".join(text.split())


def join_wrapped(first: str, second: str) -> str:
    """Join a wrapped line to its paragraph; a word split at a hyphen is rejoined with no space."""
    if not first:
        return second
    if not second:
        return first
    if re.search(r"[A-Za-z]-$", first) and second[:1].islower():
        return first + second
    return f"{first} {second}"


def join_paragraphs(first: str, second: str) -> str:
    """Two paragraphs of one field, a blank line apart."""
    return f"{first}\n\n{second}" if first and second else first or second


def ends_sentence(text: str) -> bool:
    return text.rstrip("'\"’”)] ").endswith(tuple(TERMINAL_PUNCTUATION))


def printed_lines(text: str) -> list[PrintedLine]:
    """Split a paper into lines numbered from 1, reading Markdown headings and pipe tables."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = text.translate(_INVISIBLE).translate(_WIDE_SPACES)
    return [_read_line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]


def _read_line(number: int, raw: str) -> PrintedLine:
    content = raw.rstrip(" ")
    stripped = content.strip()
    if not stripped or _RULE.match(stripped):
        return PrintedLine(number, "")
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        cells = [cell.strip() for cell in stripped[1:-1].split("|")]
        if all(_PIPE_SEPARATOR_CELL.match(cell) for cell in cells):
            return PrintedLine(number, "")
        content = "\t".join(cells)
    heading = _MARKDOWN_HEADING.match(content.strip())
    if heading:
        return PrintedLine(number, remove_emphasis(heading.group(2)), 0, len(heading.group(1)))
    expanded = content.expandtabs(TAB_WIDTH) if "\t" not in content.strip() else content
    indent = len(expanded) - len(expanded.lstrip())
    if "\t" in content.strip():
        cells = content.split("\t")
        body = "\t".join(remove_emphasis(cell) for cell in cells)
        if not collapse_space(body.replace("\t", " ")):
            return PrintedLine(number, "")
        lead = content[: len(content) - len(content.lstrip())]
        indent = len(lead.expandtabs(TAB_WIDTH))
        return PrintedLine(number, body.lstrip(" "), indent)
    text = remove_emphasis(stripped)
    return PrintedLine(number, _LIST_MARKER_BEFORE_NUMBER.sub("", text).strip(), indent)
