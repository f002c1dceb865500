"""Action plans printed with columns of their own: the columns the site knows (action,
current situation, lead, due date, status) are recognised by their headings and mapped to
the action-plan fields; every other column is kept, in the paper's order; a status the paper
prints ("G", "Amber", "Complete") is kept as printed, with the key the paper gives."""

import re

from .lines import collapse_space

KNOWN_COLUMNS = (
    ("status", re.compile(r"^(?:status|rag(?:\s+status)?|rating|progress\s+rating)$", re.I)),
    ("due_date", re.compile(r"\b(?:due|deadline|timescales?|target\s+date|by\s+when)\b", re.I)),
    ("lead", re.compile(r"^(?:lead|responsib|owner|who)", re.I)),
    (
        "current_situation",
        re.compile(r"\b(?:current\s+situation|progress|update|comments?)\b", re.I),
    ),
    ("planned_action", re.compile(r"^(?:planned\s+)?(?:actions?|tasks?|what\b)", re.I)),
)
STATUS_KEY = re.compile(r"^(?:key|status\s+key|rag\s+key)\s*:\s*(?P<rest>.+)$", re.IGNORECASE)
_KEY_ENTRY = re.compile(r"(?P<code>[A-Za-z]{1,12})\s*[=:–-]\s*(?P<meaning>[^;,]+)")
STANDARD_FIELDS = ("planned_action", "current_situation", "lead", "due_date")


def column_fields(columns: list[str]) -> list[str]:
    """The action-plan field each printed column maps to ("" for a column of the paper's own),
    each field used once; [] when the table is not one the fields can read."""
    fields: list[str] = []
    for label in columns:
        known = (name for name, pattern in KNOWN_COLUMNS if pattern.search(label))
        fields.append(next((name for name in known if name not in fields), ""))
    return fields if "planned_action" in fields else []


def is_printed_layout(columns: list[str]) -> bool:
    """A table to keep column by column: any but the usual four columns in the usual order
    (a heading the site does not know in one of the four places is still that column)."""
    fields = column_fields(columns)
    is_usual = len(fields) == len(STANDARD_FIELDS) and all(
        field in ("", usual) for field, usual in zip(fields, STANDARD_FIELDS, strict=True)
    )
    return bool(fields) and not is_usual


def read_status_key(text: str) -> dict[str, str] | None:
    """'Key: G = on track; A = some delay' -> {"G": "on track", "A": "some delay"}."""
    match = STATUS_KEY.match(text)
    if not match:
        return None
    entries = {
        entry.group("code"): collapse_space(entry.group("meaning")).rstrip(".")
        for entry in _KEY_ENTRY.finditer(match.group("rest"))
    }
    return entries or None
