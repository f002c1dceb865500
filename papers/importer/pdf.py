"""PDF papers: read in a separate process with a memory limit (RLIMIT_AS) and a wall-clock
limit, since pdfminer has no limits of its own on decompression and a crafted file (a "PDF
bomb") could otherwise take all the site's memory or time. A PDF with no text layer (a scan)
is refused with a message saying what to send instead.

The reading process (pdf_worker.py) is started once per site process, on the first PDF, and
kept: it has pdfplumber loaded and forks a child for each PDF, which is what keeps a PDF's
import under a second. If it dies or stops answering it is started again."""

import json
import os
import select
import subprocess
import sys
import threading
from pathlib import Path

from papers.exceptions import PaperFormatError

PDF_SUFFIX = ".pdf"
# Run as a script, not as papers.importer.pdf_worker: importing the papers package would load
# Django in the worker, which needs only pdfplumber, and cost half a second a paper.
WORKER = Path(__file__).with_name("pdf_worker.py")
MAX_PDF_PAGES = 60
MAX_PDF_MEMORY_BYTES = 768 * 1024 * 1024
MAX_PDF_SECONDS = 20
# How long past the wall-clock limit the worker may take to say it stopped a child.
WORKER_GRACE_SECONDS = 10
_TIMEOUT_MESSAGE = (
    "reading the PDF took more than {seconds} seconds, so it was stopped; send the Word file "
    "or a text version"
)
_LIMITS_MESSAGE = (
    "the PDF needs more memory to read than a paper should; it may be damaged or built to "
    "harm. Send the Word file or a text version"
)
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
    "limits": (_LIMITS_MESSAGE, "pdf_limits"),
}


class PdfWorker:
    """The site process's one reading process, asked one PDF at a time."""

    def __init__(self):
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._owner = 0  # the process that started it: a forked site process starts its own

    def read(self, path: Path, seconds: float) -> dict:
        request = {
            "path": str(path),
            "max_pages": MAX_PDF_PAGES,
            "max_bytes": MAX_PDF_MEMORY_BYTES,
            "seconds": seconds,
        }
        with self._lock:
            process, ready = self._running(), []
            wait = seconds + WORKER_GRACE_SECONDS
            try:
                process.stdin.write(json.dumps(request).encode() + b"\n")
                process.stdin.flush()
                ready, _, _ = select.select([process.stdout], [], [], wait)
                line = process.stdout.readline() if ready else b""
            except OSError:
                line = b""
            if not line:  # it died or hangs: the next PDF gets a new one
                self._stop()
                return {"error": "timeout"} if not ready else {}
            return json.loads(line)

    def cpu_seconds(self) -> float:
        """CPU time the worker and the children it has reaped have used (Linux; 0 if none
        runs): for bench/import_corpus.py, which cannot see a grandchild's time otherwise."""
        process = self._process
        if process is None or process.poll() is not None:
            return 0.0
        try:
            fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        ticks = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        return ticks / os.sysconf("SC_CLK_TCK")

    def _running(self) -> subprocess.Popen:
        if self._process is None or self._process.poll() is not None or self._owner != os.getpid():
            self._process = subprocess.Popen(
                # isolated: the worker's folder is not put on the path, no PYTHON* variables
                [sys.executable, "-I", str(WORKER)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            self._owner = os.getpid()
        return self._process

    def _stop(self) -> None:
        if self._process is not None and self._owner == os.getpid():
            self._process.kill()
            self._process.wait()
        self._process = None


WORKER_PROCESS = PdfWorker()


def read_pdf_text(path: Path) -> str:
    """The paper's text as the line reader reads it; PaperFormatError if it cannot be."""
    seconds = MAX_PDF_SECONDS
    result = WORKER_PROCESS.read(path, seconds)
    if "text" in result:
        return result["text"]
    if result.get("error") == "timeout":
        raise PaperFormatError(_TIMEOUT_MESSAGE.format(seconds=seconds), code="pdf_limits")
    if result.get("error") in _REFUSALS:
        message, code = _REFUSALS[result["error"]]
        raise PaperFormatError(message, code=code)
    # No answer at all: the reader ran out of memory (MemoryError or killed by the limit).
    raise PaperFormatError(_LIMITS_MESSAGE, code="pdf_limits")
