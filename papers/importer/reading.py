"""Reading a paper file (.txt, .md, .docx or .pdf) into text, refusing files that are not papers."""

import unicodedata
from pathlib import Path

from papers.exceptions import PaperFormatError

from .pdf import PDF_SUFFIX, read_pdf_text
from .word import read_docx_text

MAX_PAPER_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md")
WORD_SUFFIX = ".docx"
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")
MAX_CONTROL_SHARE = 0.01
MAX_NON_ASCII_SHARE_CP1252 = 0.3


def read_paper_text(path: Path) -> str:
    """The text of a paper, in the form parse_paper reads; PaperFormatError names the file."""
    path = Path(path)
    try:
        return _read(path)
    except PaperFormatError as error:
        raise error.from_source(path.name) from None


def _read(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (*TEXT_SUFFIXES, WORD_SUFFIX, PDF_SUFFIX):
        kind = f"a {suffix} file" if suffix else "a file without an extension"
        raise PaperFormatError(
            f"{kind} cannot be imported; save the paper as Word (.docx), PDF or plain text "
            "(.txt, .md)",
            code="unsupported_type",
        )
    size = path.stat().st_size
    if size > MAX_PAPER_BYTES:
        raise PaperFormatError(
            f"the file is {size / 1024 / 1024:.1f} MB; papers over 10 MB cannot be imported",
            code="too_large",
        )
    if suffix == WORD_SUFFIX:
        text = read_docx_text(path)
    elif suffix == PDF_SUFFIX:
        text = read_pdf_text(path)
    else:
        text = decode_paper_bytes(path.read_bytes())
    if not text.strip():
        raise PaperFormatError("the paper is empty", code="empty")
    return text


def decode_paper_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or clean Windows-1252 text."""
    if not data.strip():
        raise PaperFormatError("the paper is empty", code="empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise PaperFormatError(
                "the file claims to be UTF-16 text but cannot be decoded", code="encoding"
            ) from None
    if b"\x00" in data:
        raise PaperFormatError(
            "the file holds binary data, not text; save the paper as .txt, .md or .docx",
            code="not_text",
        )
    for encoding in ("utf-8-sig", "utf-8"):
        try:
            return _checked_text(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text):
        return _checked_text(text)
    raise PaperFormatError(
        "the text is not in an encoding the importer can read; save it as UTF-8",
        code="encoding",
    )


def _checked_text(text: str) -> str:
    controls = sum(
        1 for c in text if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS
    )
    if controls > max(2, MAX_CONTROL_SHARE * len(text)):
        raise PaperFormatError(
            "the file holds binary data, not text; save the paper as .txt, .md or .docx",
            code="not_text",
        )
    return text


def _looks_like_text(text: str) -> bool:
    non_ascii = sum(1 for c in text if ord(c) > 127)
    letters = sum(1 for c in text if c.isalpha())
    return non_ascii <= MAX_NON_ASCII_SHARE_CP1252 * len(text) and letters >= 0.3 * len(
        text.strip()
    )
