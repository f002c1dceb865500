"""Titles printed in capitals ("KCP REVIEW OF PRIORITIES FOR 2009/10"), and the same title in
sentence case for the officer to choose at import: the first word capitalised, acronyms and
the borough's place names kept, every other word in lower case.

An acronym is kept when it is in ACRONYMS: the Partnership's own (KCP, RBKC), its partners'
(NHS, PCT) and other short ones its papers print. A word of more than five letters is never
taken for one; an unknown short word is lowered, and the officer can correct the draft."""

import re

ACRONYMS = frozenset(
    {
        "AOB", "BME", "CAB", "CCG", "CDRP", "CVS", "DAAT", "GP", "ICT", "JSNA", "KCP", "KCSC",
        "LAA", "LSP", "NHS", "NRF", "PCT", "PCSO", "RBKC", "SCS", "SLA", "TMO", "UK", "VCS",
    }
)  # fmt: skip
MAX_ACRONYM_LETTERS = 5
PROPER_NOUNS = {
    word.lower(): word
    for word in ("Kensington", "Chelsea", "London", "Notting", "Hill", "Westway", "England")
}
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def _word_in_sentence(word: str) -> str:
    if len(word) <= MAX_ACRONYM_LETTERS and word.upper() in ACRONYMS:
        return word.upper()
    return PROPER_NOUNS.get(word.lower(), word.lower())


def sentence_case(title: str) -> str:
    """The title with only its first word, acronyms and place names capitalised."""
    written = WORD.sub(lambda match: _word_in_sentence(match.group()), title)
    first = WORD.search(written)
    if first is None:
        return written
    start = first.start()
    return written[:start] + written[start].upper() + written[start + 1 :]


def is_in_capitals(title: str) -> bool:
    """Whether every letter of the title is a capital and sentence case would change it: a
    title of acronyms only ("NHS PCT") is not offered."""
    letters = [character for character in title if character.isalpha()]
    return all(letter.isupper() for letter in letters) and sentence_case(title) != title
