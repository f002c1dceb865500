"""PDF papers: read in a separate process with a memory limit (RLIMIT_AS) and a wall-clock
limit, since pdfminer has no limits of its own on decompression and a crafted file (a "PDF
bomb") could otherwise take all the site's memory or time. A PDF with no text layer (a scan)
is refused with a message saying what to send instead."""

import json
import subprocess
import sys
from pathlib import Path

from papers.exceptions import PaperFormatError

PDF_SUFFIX = ".pdf"
# Run as a script, not as papers.importer.pdf_worker: importing the papers package would load
# Django in the worker, which needs only pdfplumber, and cost half a second a paper.
WORKER = Path(__file__).with_name("pdf_worker.py")
MAX_PDF_PAGES = 60
MAX_PDF_MEMORY_BYTES = 768 * 1024 * 1024
MAX_PDF_SECONDS = 20
_REFUSALS = {
    "no_text": (
        "the PDF has no text in it: it is a scan or a picture of the paper. Send the Word "
        "file or a text version instead",
        "scanned_pdf",
    ),
    "too_many_pages": (
        f"the PDF has more than {MAX_PDF_PAGES} pages; import the paper in parts, or send the "
        "Word file",
        "too_large",
    ),
    "unreadable": ("the file is not a PDF that can be read; it may be damaged", "bad_pdf"),
    "limits": (
        "the PDF needs more memory to read than a paper should; it may be damaged or built to "
        "harm. Send the Word file or a text version",
        "pdf_limits",
    ),
}


def read_pdf_text(path: Path) -> str:
    """The paper's text as the line reader reads it; PaperFormatError if it cannot be."""
    try:
        finished = subprocess.run(
            [
                sys.executable,
                "-I",  # isolated: the worker's folder is not put on the path, no PYTHON* vars
                str(WORKER),
                str(path),
                str(MAX_PDF_PAGES),
                str(MAX_PDF_MEMORY_BYTES),
            ],
            capture_output=True,
            timeout=MAX_PDF_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PaperFormatError(
            f"reading the PDF took more than {MAX_PDF_SECONDS} seconds, so it was stopped; send "
            "the Word file or a text version",
            code="pdf_limits",
        ) from None
    try:
        result = json.loads(finished.stdout or b"{}")
    except ValueError:
        result = {}
    if "text" in result:
        return result["text"]
    if result.get("error") in _REFUSALS:
        message, code = _REFUSALS[result["error"]]
        raise PaperFormatError(message, code=code)
    # No answer at all: the reader ran out of memory (MemoryError or killed by the limit).
    raise PaperFormatError(
        "the PDF needs more memory to read than a paper should; it may be damaged or built to "
        "harm. Send the Word file or a text version",
        code="pdf_limits",
    )
