"""What a visitor types into a search box, reduced to the words a full-text search can take
on every database: NUL, quotes and operators end a PostgreSQL string literal or an SQLite
FTS5 query, so only runs of letters and digits are kept."""

import re

WORD = re.compile(r"[^\W_]+")


def search_words(text: str, longest: int) -> str:
    """The words of `text`, separated by single spaces, at most `longest` characters."""
    return " ".join(WORD.findall(text or ""))[:longest].strip()
