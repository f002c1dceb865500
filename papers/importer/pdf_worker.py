"""Reads PDFs' text, in processes of their own: run as `python -I pdf_worker.py` by
papers.importer.pdf, it loads pdfplumber once and then answers one request a line on stdin
({"path", "max_pages", "max_bytes", "seconds"}) with one JSON line on stdout: {"text": ...},
{"error": code, "detail": ...}, or {} when the reader died (out of memory).

Each PDF is read in a child forked from this process, so it starts with pdfplumber loaded (a
new Python loading it took most of a second per PDF). The child limits its own memory
(RLIMIT_AS) before it opens the file, since pdfminer's parsing is what the limit guards
against; this process stops it at the wall-clock limit.

pdfplumber (on pdfminer.six) gives each character with its font, size and place and finds ruled
tables, which is what a committee paper printed from Word needs: headings are told from body
text by size and weight, tables come out cell by cell, and running headers, footers and page
numbers are recognised by where they sit and by repeating on every page. A table printed
without rules is found from its words' places: a run of lines split by wide gaps into pieces
that fall into the same columns (the pieces' spans, laid over each other, leave gaps between
the columns). A line with a piece in one column only carries on the cell above it.

The text it writes is in the form the importer's line reader reads: one printed line per line,
a blank line between paragraphs and around headings, a table as tab-separated rows.
"""

import json
import os
import re
import resource
import select
import signal
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass

MARGIN_SHARE = 0.08
PARAGRAPH_GAP = 1.35
HEADING_SIZE_STEP = 1.5
COLUMN_GAP = 1.5  # a gap this many times the font size parts two cells of a line
WORD_GAP = 0.2  # a gap this many times the font size parts two words
MIN_ALIGNED_ROWS = 3
_MARKER = re.compile(
    r"^(?:[-•*–◦▪●]|\d{1,2}(?:\.\d{1,3})*[.)]?|[A-Z]\.?\d{1,2}(?:\.\d{1,3})*|\(?[a-z]{1,4}\))$"
)
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
    pieces: tuple = ()  # (x0, x1, text) of each part of the line set apart by a wide gap
    x0: float = 0.0
    x1: float = 0.0

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
        pieces = line_pieces(chars, size)
        left, right = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
        lines.append(
            Line(
                found["top"], found["bottom"], found["text"], size, bold, None, pieces, left, right
            )
        )
    for table in tables:
        rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
        lines.append(Line(table.bbox[1], table.bbox[3], "", table_rows=rows))
    return sorted(lines, key=lambda line: line.top)


def line_pieces(chars: list[dict], size: float) -> tuple:
    """The parts of a printed line set apart by gaps wider than COLUMN_GAP: (x0, x1, text)."""
    pieces, words, start, end = [], "", None, None
    last = None
    for char in sorted(chars, key=lambda char: char["x0"]):
        if last is not None and char["text"] == last["text"] and char["x0"] - last["x0"] < 0.5:
            continue  # a glyph drawn twice (LibreOffice prints ligatures so)
        last = char
        if end is not None and char["x0"] - end > COLUMN_GAP * size:
            pieces.append((start, end, words))
            words, start = "", None
        elif end is not None and char["x0"] - end > WORD_GAP * size:
            words += " "
        words += char["text"]
        start = char["x0"] if start is None else start
        end = char["x1"]
    pieces.append((start, end, words))
    return tuple(pieces) if len(pieces) > 1 else ()


def with_aligned_tables(lines: list[Line]) -> list[Line]:
    """The lines, each run of at least MIN_ALIGNED_ROWS lines set out in the same columns
    (with lines carrying on a cell among them) made one table."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _in_run(lines, end, index):
            end += 1
        run = lines[index:end]
        if sum(len(line.pieces) > 1 for line in run) >= MIN_ALIGNED_ROWS:
            out.append(Line(run[0].top, run[-1].bottom, "", table_rows=_aligned_rows(run)))
            index = end
        else:
            out.append(lines[index])
            index += 1
    return out


def _in_run(lines: list[Line], index: int, start: int) -> bool:
    line = lines[index]
    if line.table_rows is not None:
        return False
    if len(line.pieces) > 1:
        return not _MARKER.match(line.pieces[0][2])  # "1.1<tab>The text" is a paragraph
    following = lines[index + 1] if index + 1 < len(lines) else None
    carries_on = (
        index > start
        and len(line.text.split()) <= 4
        and following is not None
        and len(following.pieces) > 1
    )
    return carries_on


def _aligned_rows(run: list[Line]) -> list[list[str]]:
    spans = sorted((x0, x1) for line in run for x0, x1, _ in line.pieces or [(0, 0, "")])
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if x1 <= x0:
            continue
        if columns and x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    rows: list[list[str]] = []
    for line in run:
        pieces = line.pieces or _single_piece(line)
        cells = [""] * len(columns)
        for x0, x1, text in pieces:
            middle = (x0 + x1) / 2
            column = min(
                range(len(columns)),
                key=lambda c: (
                    0
                    if columns[c][0] <= middle <= columns[c][1]
                    else min(abs(columns[c][0] - middle), abs(columns[c][1] - middle))
                ),
            )
            cells[column] = f"{cells[column]} {text}".strip()
        if len(line.pieces) <= 1 and rows:  # a line carrying on a cell of the row above
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return rows


def _single_piece(line: Line) -> tuple:
    return ((line.x0, line.x1, line.text),)


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
    lines = with_aligned_tables(
        [
            line
            for page_index, (_, page) in enumerate(pages)
            for line_index, line in enumerate(page)
            if (page_index, line_index) not in dropped
        ]
    )
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


def serve() -> int:
    # Loaded once, before any request, so that every child starts with it loaded.
    import pdfplumber

    for request_line in sys.stdin:
        answer = _answer(pdfplumber, json.loads(request_line))
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


def _answer(pdfplumber, request: dict) -> dict:
    """Read one PDF in a forked child; stop it after request["seconds"]."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: read, answer through the pipe, and leave at once
        os.close(reading)
        try:
            with os.fdopen(writing, "wb") as out:
                out.write(json.dumps(_read_limited(pdfplumber, request)).encode())
        finally:
            os._exit(0)
    os.close(writing)
    chunks, deadline, timed_out = [], time.monotonic() + request["seconds"], False
    while True:
        ready, _, _ = select.select([reading], [], [], max(deadline - time.monotonic(), 0))
        if not ready:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
            break
        chunk = os.read(reading, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(reading)
    os.waitpid(pid, 0)
    if timed_out:
        return {"error": "timeout"}
    try:
        return json.loads(b"".join(chunks) or b"{}")
    except ValueError:
        return {}  # cut short: the child was killed by the memory limit


def _read_limited(pdfplumber, request: dict) -> dict:
    limit = int(request["max_bytes"])
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        with pdfplumber.open(request["path"]) as pdf:
            return paper_text(pdf, int(request["max_pages"]))
    except MemoryError:
        return {"error": "limits"}
    except Exception as error:  # noqa: BLE001 — any failure of pdfminer is an unreadable file
        return {"error": "limits" if _ran_out_of_memory(error) else "unreadable"}


def _ran_out_of_memory(error: BaseException | None) -> bool:
    """pdfplumber wraps pdfminer's errors, so the MemoryError may be a cause or an argument."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, MemoryError) or any(isinstance(a, MemoryError) for a in error.args):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


if __name__ == "__main__":
    sys.exit(serve())
