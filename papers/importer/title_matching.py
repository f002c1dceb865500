"""Matching an agenda item's title to the title of a paper already on the site, tolerantly:
case, punctuation, "&" for "and", a leading number ("3.", "Item 3") and minor words ("the",
"report on") are set aside, then the titles are compared by similarity. The best match wins
only if it is above the threshold and no other paper comes close: never a guess between two.
Titles that print different numbers ("… 2018", "… 2019") are different papers.

Pure functions over (key, title) pairs; the caller fetches the candidates."""

import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

SIMILAR_ENOUGH = 0.85  # "Volunteering in Borough Parks" ~ "Volunteering in the Borough's Parks"
CLEAR_LEAD = 0.05  # how far ahead of the next paper the best must be to be taken
MINOR_WORDS = frozenset(
    "a an the of for and to on in at by with from about report paper papers update".split()
)
_LEADING_NUMBER = re.compile(r"^(?:(?:agenda\s+)?item\s+)?\d{1,2}[a-z]?\s*[.):-]?\s+", re.I)
_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class TitleMatch:
    key: Hashable
    title: str
    similarity: float

    @property
    def is_exact(self) -> bool:
        """The same title once case, punctuation and minor words are set aside."""
        return self.similarity == 1.0


def normalised_title(title: str) -> str:
    """'3. Library Opening Hours & Sunday Opening.' -> 'library opening hours sunday opening'."""
    text = unicodedata.normalize("NFKC", title).replace("&", " and ").replace("’", "'")
    text = _LEADING_NUMBER.sub("", text.strip()).lower().replace("'", "")
    words = _WORD.findall(text)
    kept = [word for word in words if word not in MINOR_WORDS]
    return " ".join(kept or words)


def similarity(first: str, second: str) -> float:
    if first == second:
        return 1.0
    return round(SequenceMatcher(None, first, second, autojunk=False).ratio(), 3)


def best_title_match(title: str, candidates: Iterable[tuple[Hashable, str]]) -> TitleMatch | None:
    """The one candidate whose title is close enough to `title` and clearly closer than any
    other candidate's; None when none is close enough or two are (a candidate may be offered
    under several titles, e.g. its draft's, and counts once, by its closest)."""
    wanted = normalised_title(title)
    if not wanted:
        return None
    numbers = set(_NUMBER.findall(wanted))
    best: dict[Hashable, TitleMatch] = {}
    for key, candidate in candidates:
        theirs = normalised_title(candidate)
        their_numbers = set(_NUMBER.findall(theirs))
        if numbers and their_numbers and numbers != their_numbers:
            continue
        score = similarity(wanted, theirs)
        if key not in best or score > best[key].similarity:
            best[key] = TitleMatch(key, candidate, score)
    ranked = sorted(best.values(), key=lambda match: match.similarity, reverse=True)
    if not ranked or ranked[0].similarity < SIMILAR_ENOUGH:
        return None
    if ranked[0].is_exact and (len(ranked) == 1 or not ranked[1].is_exact):
        return ranked[0]
    if len(ranked) > 1 and ranked[1].similarity >= max(
        SIMILAR_ENOUGH, ranked[0].similarity - CLEAR_LEAD
    ):
        return None
    return ranked[0]
