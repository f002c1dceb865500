"""Reads a PDF's text, in a process of its own: run as `python -I pdf_worker.py FILE MAX_PAGES
MAX_BYTES` by papers.importer.pdf, which limits its time; it limits its own
memory (RLIMIT_AS) before pdfminer is loaded. Prints one JSON
object: {"text": ...} or {"error": code, "detail": ...}.

pdfplumber (on pdfminer.six) gives each character with its font and size and finds ruled
tables, which is what a committee paper printed from Word needs: headings are told from body
text by size and weight, tables come out cell by cell, and running headers, footers and page
numbers are recognised by where they sit and by repeating on every page.

The text it writes is in the form the importer's line reader reads: one printed line per line,
a blank line between paragraphs and around headings, a table as tab-separated rows.
"""

import json
import re
import resource
import statistics
import sys
from collections import Counter
from dataclasses import dataclass

MARGIN_SHARE = 0.08
PARAGRAPH_GAP = 1.35
HEADING_SIZE_STEP = 1.5
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$|[-—–]\s*page\s+\d{1,3}$", re.I
)


@dataclass
class Line:
    top: float
    bottom: float
    text: str
    size: float = 0.0
    is_bold: bool = False
    table_rows: list | None = None

    @property
    def style(self) -> tuple[float, bool]:
        return (round(self.size, 1), self.is_bold)


def page_lines(page) -> list[Line]:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside_tables(obj) -> bool:
        middle_x, middle_y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(
            x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes
        )

    lines = []
    for found in page.filter(outside_tables).extract_text_lines(return_chars=True, strip=True):
        chars = [char for char in found["chars"] if char["text"].strip()]
        if not chars:
            continue
        size = statistics.median(char["size"] for char in chars)
        bold = all("bold" in char["fontname"].lower() for char in chars)
        lines.append(Line(found["top"], found["bottom"], found["text"], size, bold))
    for table in tables:
        rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
        lines.append(Line(table.bbox[1], table.bbox[3], "", table_rows=rows))
    return sorted(lines, key=lambda line: line.top)


def running_lines(pages: list[tuple[float, list[Line]]]) -> set[tuple[int, int]]:
    """(page, line) of each running header, footer or page number: in the top or bottom margin,
    and either a page number or the same words (numbers aside) on more than one page."""

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower())

    in_margin = {}
    for page_index, (height, lines) in enumerate(pages):
        for line_index, line in enumerate(lines):
            if line.table_rows is None and (
                line.top < height * MARGIN_SHARE or line.bottom > height * (1 - MARGIN_SHARE)
            ):
                in_margin[(page_index, line_index)] = line
    repeated = Counter(key(line.text) for line in in_margin.values())
    return {
        place
        for place, line in in_margin.items()
        if _PAGE_NUMBER.search(line.text) or (len(pages) > 1 and repeated[key(line.text)] > 1)
    }


def paper_text(pdf, max_pages: int) -> dict:
    if len(pdf.pages) > max_pages:
        return {"error": "too_many_pages", "detail": str(len(pdf.pages))}
    pages = [(page.height, page_lines(page)) for page in pdf.pages]
    dropped = running_lines(pages)
    lines = [
        line
        for page_index, (_, page) in enumerate(pages)
        for line_index, line in enumerate(page)
        if (page_index, line_index) not in dropped
    ]
    text_lines = [line for line in lines if line.table_rows is None]
    if not text_lines and not any(line.table_rows for line in lines):
        return {"error": "no_text"}
    body = (
        Counter(line.style for line in text_lines).most_common(1)[0][0]
        if text_lines
        else (0, False)
    )
    gaps = [
        b.top - a.bottom
        for a, b in zip(text_lines, text_lines[1:], strict=False)
        if b.top > a.bottom
    ]
    usual_gap = min(gaps) if gaps else 0  # between the lines of one paragraph
    out: list[str] = []
    previous: Line | None = None
    last_width = 0  # of the table just written, if nothing came after it
    for line in lines:
        if line.table_rows is not None:
            width = max((len(row) for row in line.table_rows), default=0)
            if last_width == width and out and not out[-1]:
                out.pop()  # the same table carried over a page break
                out.extend(["\t".join(row) for row in line.table_rows] + [""])
            else:
                out.extend(["", *("\t".join(row) for row in line.table_rows), ""])
            previous, last_width = None, width
            continue
        last_width = 0
        is_heading = line.style != body and (
            line.size >= body[0] + HEADING_SIZE_STEP or line.is_bold
        )
        close_below = previous is not None and 0 <= line.top - previous.bottom <= 0.6 * line.size
        if is_heading and previous is not None and previous.style == line.style and close_below:
            out[-2] = f"{out[-2]} {line.text}"  # a heading wrapped onto a second line
            previous = line
            continue
        is_new_paragraph = (
            previous is None
            or is_heading
            or previous.style != line.style
            or line.top < previous.top
            or line.top - previous.bottom > usual_gap * PARAGRAPH_GAP + 1
        )
        if is_new_paragraph and out and out[-1]:
            out.append("")
        out.append(line.text)
        if is_heading:
            out.append("")
        previous = line
    return {"text": "\n".join(out).strip() + "\n"}


def main(path: str, max_pages: str, max_bytes: str) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (int(max_bytes), int(max_bytes)))
    try:
        # Imported only now, under the memory limit: pdfminer itself is what it guards against.
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            result = paper_text(pdf, int(max_pages))
    except MemoryError:
        result = {"error": "limits"}
    except Exception as error:  # noqa: BLE001 — any failure of pdfminer is an unreadable file
        result = {"error": "limits" if _ran_out_of_memory(error) else "unreadable"}
    sys.stdout.write(json.dumps(result))
    return 0


def _ran_out_of_memory(error: BaseException | None) -> bool:
    """pdfplumber wraps pdfminer's errors, so the MemoryError may be a cause or an argument."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, MemoryError) or any(isinstance(a, MemoryError) for a in error.args):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
