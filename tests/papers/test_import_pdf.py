"""PDF papers: a scan, a damaged file, a PDF bomb and an over-long PDF are each refused with
one line saying what to send instead, within the reader's memory and time limits."""

import time
import zlib

import pytest
from pypdf import PdfWriter

from papers.exceptions import PaperFormatError
from papers.importer import pdf, read_paper_text
from papers.importer.pdf import MAX_PDF_PAGES, MAX_PDF_SECONDS
from tests.papers.test_import_structure import STRUCTURED


def refusal(path) -> PaperFormatError:
    with pytest.raises(PaperFormatError) as raised:
        read_paper_text(path)
    assert str(raised.value).startswith(f"{path.name}: ")
    return raised.value


def test_a_scanned_pdf_is_refused_asking_for_the_word_file_or_text():
    error = refusal(STRUCTURED / "scanned-paper.pdf")
    assert error.code == "scanned_pdf"
    assert "Send the Word file or a text version" in error.message


def test_a_damaged_pdf_is_refused_as_unreadable(tmp_path):
    whole = (STRUCTURED / "2018-11-07-crime-figures-tables.pdf").read_bytes()
    path = tmp_path / "damaged.pdf"
    path.write_bytes(whole[:1500])
    error = refusal(path)
    assert error.code == "bad_pdf"
    assert "may be damaged" in error.message


def write_bomb(path, gigabytes: int = 2) -> None:
    """A one-page PDF whose page content inflates from about 2 MB to `gigabytes` GB."""
    squeezer = zlib.compressobj(9)
    chunk = b"0 0 m\n" * (16 * 1024 * 1024 // 6)
    stream = b"".join(squeezer.compress(chunk) for _ in range(gigabytes * 64)) + squeezer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(body)


def test_a_pdf_bomb_is_refused_within_the_memory_and_time_limits(tmp_path):
    path = tmp_path / "bomb.pdf"
    write_bomb(path)
    assert path.stat().st_size < 10 * 1024 * 1024
    started = time.monotonic()
    error = refusal(path)
    assert time.monotonic() - started < MAX_PDF_SECONDS + 5
    assert error.code == "pdf_limits"
    assert "Send the Word file or a text version" in error.message
    # Only the child reading the bomb ran out of memory: the next PDF reads as ever.
    assert "LIBRARY OPENING HOURS" in read_paper_text(
        STRUCTURED / "2019-02-13-library-opening-hours-lettered.pdf"
    )


def test_every_pdf_is_read_by_the_one_worker_the_first_started():
    lettered = STRUCTURED / "2019-02-13-library-opening-hours-lettered.pdf"
    read_paper_text(lettered)
    worker = pdf.WORKER_PROCESS._process
    read_paper_text(STRUCTURED / "2018-11-07-crime-figures-tables.pdf")
    assert pdf.WORKER_PROCESS._process is worker and worker.poll() is None


def test_a_worker_that_died_is_started_again_for_the_next_pdf():
    lettered = STRUCTURED / "2019-02-13-library-opening-hours-lettered.pdf"
    read_paper_text(lettered)
    pdf.WORKER_PROCESS._process.kill()
    pdf.WORKER_PROCESS._process.wait()
    assert "LIBRARY OPENING HOURS" in read_paper_text(lettered)


def test_a_pdf_longer_than_a_paper_is_refused(tmp_path):
    writer = PdfWriter()
    for _ in range(MAX_PDF_PAGES + 1):
        writer.add_blank_page(595, 842)
    path = tmp_path / "long.pdf"
    with path.open("wb") as file:
        writer.write(file)
    error = refusal(path)
    assert error.code == "too_large"
    assert f"more than {MAX_PDF_PAGES} pages" in error.message


def test_a_pdf_that_takes_too_long_is_stopped_at_the_wall_clock_limit(monkeypatch):
    monkeypatch.setattr("papers.importer.pdf.MAX_PDF_SECONDS", 0.05)
    error = refusal(STRUCTURED / "2019-02-13-library-opening-hours-lettered.pdf")
    assert error.code == "pdf_limits"
    assert "took more than 0.05 seconds" in error.message
