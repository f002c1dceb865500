"""Write the Word versions of some structured corpus papers, then their PDF versions.

Run once by hand, and commit what it writes (CI has no LibreOffice):

    apt-get install -y libreoffice-writer-nogui
    .venv/bin/python tests/papers/corpus/structured/make_files.py

Each line of the text paper becomes a Word paragraph; a run of tab-separated lines, or of lines
whose columns are lined up with spaces, becomes a Word table whose first row repeats on each
page; a numbered or capitalised heading is bold and larger, the title larger still. LibreOffice
(`soffice --headless --convert-to pdf`) then prints each Word file to PDF, as an officer's
"Save as PDF" would. A scan (a page image with no text layer) is drawn with Pillow.
"""

import re
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
WORD_VERSIONS = (
    "2019-02-13-library-opening-hours-lettered.txt",
    "2018-11-07-crime-figures-tables.txt",
    "2022-01-19-steering-group-minutes.txt",
    "2022-03-16-steering-group-agenda.txt",
    "2023-06-14-safer-neighbourhoods-minutes.txt",
    "2017-09-13-parks-volunteering-officer-blocks.txt",
    "2024-10-02-air-quality-two-column-contacts.txt",
    "2013-04-17-ward-population-table-no-rules.txt",
)
# Tables set out without rules: in the PDF their columns are lined up by position only.
WITHOUT_RULES = ("2013-04-17-ward-population-table-no-rules.txt",)
_ALIGNED = re.compile(r"\S(?: ?\S)*")
_HEADING = re.compile(r"^(?:[A-Z]\.|[IVX]+\.|\d{1,2}\.)\s+\S|^[A-Z][A-Z ,:'-]{3,}$")


def aligned_cells(line: str) -> list[str] | None:
    if "  " not in line.strip():
        return None
    cells = [match.group() for match in _ALIGNED.finditer(line)]
    return cells if len(cells) >= 2 else None


def table_rows(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    rows, index = [], start
    while index < len(lines):
        line = lines[index]
        cells = line.split("\t") if "\t" in line else aligned_cells(line)
        if not cells:
            break
        rows.append(cells)
        index += 1
    return rows, index


def write_word(source: Path) -> Path:
    lines = source.read_text(encoding="utf-8").split("\n")
    document = Document()
    document.styles["Normal"].paragraph_format.space_after = Pt(8)  # as Word's own template
    title = next(
        (
            line
            for line in lines
            if (line.isupper() or line.startswith("Minutes"))
            and len(line) > 4
            and "PARTNERSHIP" not in line
            and "GROUP" not in line
        ),
        None,
    )
    index = 0
    while index < len(lines):
        line = lines[index]
        rows, after = table_rows(lines, index)
        if len(rows) >= 2:
            width = max(len(row) for row in rows)
            table = document.add_table(rows=0, cols=width)
            if source.name not in WITHOUT_RULES:
                table.style = "Table Grid"
            for position, cells in enumerate(rows):
                row = table.add_row()
                if position == 0:
                    header = OxmlElement("w:tblHeader")
                    row._tr.get_or_add_trPr().append(header)
                for cell, text in zip(row.cells, [*cells, *[""] * width], strict=False):
                    cell.text = text
            index = after
            continue
        if line.strip():
            paragraph = document.add_paragraph()
            run = paragraph.add_run(line)
            if line == title:
                run.bold, run.font.size = True, Pt(18)
            elif _HEADING.match(line):
                run.bold, run.font.size = True, Pt(14)
        index += 1
    add_running_footer(document)
    target = source.with_suffix(".docx")
    document.save(target)
    return target


def add_running_footer(document) -> None:
    """ "KCP — page N" at the foot of every page, as officers' templates print it."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.add_run("Kensington and Chelsea Partnership — page ")
    run = paragraph.add_run()
    for tag, attributes in (
        ("w:fldChar", {"w:fldCharType": "begin"}),
        ("w:instrText", {}),
        ("w:fldChar", {"w:fldCharType": "end"}),
    ):
        element = OxmlElement(tag)
        for key, value in attributes.items():
            element.set(qn(key), value)
        if tag == "w:instrText":
            element.text = "PAGE"
        run._r.append(element)


def write_pdf(word: Path) -> Path:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(word.parent), str(word)],
        check=True,
        capture_output=True,
    )
    return word.with_suffix(".pdf")


def write_scan(target: Path) -> None:
    """A page of a paper as a scanner makes it: a picture of text, with no text in the file."""
    page = Image.new("L", (1240, 1754), 255)
    drawing = ImageDraw.Draw(page)
    for row, line in enumerate(
        ["KENSINGTON AND CHELSEA PARTNERSHIP", "STEERING GROUP", "A scanned paper"]
    ):
        drawing.text((120, 120 + 60 * row), line, fill=0)
    page.save(target, "PDF", resolution=150)


def main(names: list[str]) -> int:
    """Every version, or only those of the papers named (so the others stay byte for byte)."""
    for name in names or WORD_VERSIONS:
        sys.stdout.write(f"{write_pdf(write_word(HERE / name))}\n")
    if not names:
        write_scan(HERE / "scanned-paper.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
