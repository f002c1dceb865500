"""Benchmark: median and p95 time to read and parse each seed paper, as text and as Word.

Run with `.venv/bin/python bench/import_paper.py [runs]`. The Word copies are built in a
temporary folder with real Word numbering and tables, as an editor's file would hold them.
"""

import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from papers.importer import parse_paper, read_paper_text
from papers.seed_papers import SEED_PAPERS_DIR

DEFAULT_RUNS = 50
LIST_ID = 90
_SECTION = re.compile(r"^(\d+)\.\s*([A-Za-z].*)$")
_PARAGRAPH = re.compile(r"^(?:- )?(\d+(?:\.\d+)+)\s+(.*)$")


def seed_papers_folder() -> Path:
    override = os.environ.get("KCP_SEED_PAPERS")
    return Path(override) if override else SEED_PAPERS_DIR


def word_copy(text_path: Path, folder: Path) -> Path:
    """A .docx holding the seed paper with Word list numbering, headings and tables."""
    document = Document()
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, text in enumerate(["%1.", "%1.%2", "%1.%2.%3"])
    )
    numbering = document.part.numbering_part.element
    numbering.find(qn("w:num")).addprevious(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{LIST_ID}">{levels}</w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{LIST_ID}">'
            f'<w:abstractNumId w:val="{LIST_ID}"/></w:num>'
        )
    )
    table = None
    for line in text_path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            cells = line.split("\t")
            if table is None:
                table = document.add_table(rows=0, cols=len(cells))
            for cell, text in zip(table.add_row().cells, cells, strict=False):
                cell.text = " ".join(text.split())
            continue
        if not line.strip():
            continue
        table = None
        section, paragraph = _SECTION.match(line.strip()), _PARAGRAPH.match(line.strip())
        if section:
            added = document.add_paragraph(section.group(2), style="Heading 1")
            _number(added, 0)
        elif paragraph:
            _number(document.add_paragraph(paragraph.group(2)), paragraph.group(1).count("."))
        else:
            document.add_paragraph(line.strip())
    path = folder / f"{text_path.stem}.docx"
    document.save(str(path))
    return path


def _number(paragraph, level: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = LIST_ID


def timings(path: Path, runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        parse_paper(read_paper_text(path), source=path.name)
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RUNS
    papers = sorted(seed_papers_folder().glob("*.txt"))
    if not papers:
        sys.exit(f"no seed papers found in {seed_papers_folder()} (set KCP_SEED_PAPERS)")
    sys.stdout.write(f"{'paper':58} {'median ms':>10} {'p95 ms':>10}\n")
    with tempfile.TemporaryDirectory() as folder:
        for text_path in papers:
            for path in (text_path, word_copy(text_path, Path(folder))):
                seconds = sorted(timings(path, runs))
                median = statistics.median(seconds) * 1000
                p95 = seconds[min(len(seconds) - 1, int(0.95 * len(seconds)))] * 1000
                sys.stdout.write(f"{path.name:58} {median:10.2f} {p95:10.2f}\n")
    sys.stdout.write(f"({runs} runs each: read + parse)\n")


if __name__ == "__main__":
    main()
