"""Issue 13's "done when", checked on every file of the corpus (tests/papers/corpus): each
seed paper rewritten in the layouts other officers used, alone and combined, and papers
written by hand in other styles. Each imports as a draft whose page holds every sentence of
the source in order, its printed numbers, no raw Markdown, its title, date and status as
recognised facts, and at most two lines the importer could not place."""

import datetime
import html
import json
import re
import unicodedata

import pytest

from papers.importer import paper_facts, parse_paper, read_paper_text
from papers.importer.closing import BACKGROUND_LABEL
from papers.importer.header import read_heading_facts, read_status
from papers.importer.lines import remove_emphasis
from papers.importer.pages import page_values
from papers.services import import_paper
from tests.papers.corpus.variations import (
    CORPUS_DIR,
    CorpusPaper,
    corpus,
    handwritten_papers,
    seed_papers,
    word_papers,
    write_paper,
)

pytestmark = pytest.mark.django_db

CORPUS = corpus()
MAX_UNPLACED_LINES = 2
# Labels the page shows as its own headings or column names, not beside each value.
_VALUE_LABEL = re.compile(
    r"^(?:action(?:\s+\d+(?:\.\d+)*)?|progress|lead|due\s+date|contacts?(?:\s+officers?)?|signed"
    r"|for\s+further\s+information,?\s+(?:please\s+)?contact|name|job\s+title)\s*:\s*"
    r"|\b(?:tel(?:ephone)?|phone|e-?mail|organi[sz]ation|unit)\s*:\s*",
    re.IGNORECASE,
)
_LINE_NUMBER = re.compile(
    r"^(?:(?:[-•*]\s+|#+\s*|\d{1,2}\.\s+(?=\d))*)"
    r"(?:(?:objective|action)\s+)?(?P<number>\d{1,2}(?:\.\d{1,3})*)(?=[.:)\s*A-Za-z]|$)",
    re.IGNORECASE,
)
_RAW_MARKDOWN = (
    re.compile(r"\*\*|__|\u00ad|\]\("),
    re.compile(r"(?:^|\s)#{1,6}\s"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])[^*\n]+(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=[^\s_])[^_\n]+(?<=[^\s_])_(?![\w_])"),
)


def words(text: str) -> str:
    """Text reduced to its words, for comparing what was printed with what the page shows:
    case, punctuation, quotes, spacing, soft hyphens and figures (checked apart) set aside."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("’", "'")
    text = re.sub(r"(\d)([^\W\d_])", r"\1 \2", text)
    tokens = re.findall(r"[^\W_]+(?:'[^\W_]+)*", text.lower())
    return " ".join(token for token in tokens if not token.isdigit())


def clean(line: str) -> str:
    """A source line without the Markdown and invisible characters the importer sets aside."""
    line = line.replace("\u00ad", "").replace("\u00a0", " ").lstrip("\ufeff")
    return remove_emphasis(line.strip()).strip("# ")


def is_printed_as_a_fact(line: str) -> bool:
    """A line the page shows as a fact in its own words: the partnership, group and date, the
    status, or background papers printed as "None" (each checked as a fact instead)."""
    text = clean(line)
    background = BACKGROUND_LABEL.match(text)
    if background and background.group("rest").strip(" .").lower() in ("none", ""):
        return True
    facts = read_heading_facts(text)
    return bool(read_status(text) or (facts and not facts.title))


def source_sentences(paper: CorpusPaper) -> list[tuple[int | None, str]]:
    """(line number, the words of one sentence) for every sentence the source prints; the
    cells of a table row (whose order the page's table keeps cell by cell) without a line."""
    sentences = []
    for number, line in enumerate(paper.text.split("\n"), start=1):
        if not line.strip() or is_printed_as_a_fact(line):
            continue
        facts = read_heading_facts(clean(line))
        units = [facts.title] if facts else line.split("\t")
        for unit in units:
            text = _VALUE_LABEL.sub(" ", clean(unit))
            for sentence in re.split(r"(?<=[.!?;])\s+", text):
                if words(sentence):
                    sentences.append((number if "\t" not in line else None, words(sentence)))
    return sentences


def printed_numbers(paper: CorpusPaper) -> list[str]:
    numbers = []
    for line in paper.text.split("\n"):
        if is_printed_as_a_fact(line) or "\t" in line:
            continue
        found = _LINE_NUMBER.match(clean(line))
        if found:
            numbers.append(found.group("number"))
    return numbers


def body_lines(parsed) -> range:
    """The source lines from the first block of the body to the last."""
    if parsed.kind == "report":
        blocks = [*parsed.sections, *(item for s in parsed.sections for item in s.items)]
    elif parsed.kind == "action_plan":
        blocks = [*parsed.sections, *(row for s in parsed.sections for row in s.rows)]
    else:
        blocks = [*parsed.objectives, *(a for o in parsed.objectives for a in o.actions)]
    lines = [block.line for block in blocks if block.line is not None]
    return range(min(lines), max(lines) + 1)


def page_text_and_numbers(client, page) -> tuple[str, list[str]]:
    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    article = body[body.index('<article class="paper">') : body.index("</article>")]
    numbers = [
        number.strip().removeprefix("Objective ").rstrip(".:")
        for number in re.findall(r'class="paper-number">([^<]+)<', article)
    ]
    return html.unescape(re.sub(r"<[^>]+>", " ", article)), numbers


def test_the_corpus_holds_every_seed_in_every_variation_and_the_handwritten_papers():
    names = {paper.name for paper in CORPUS}
    assert len(handwritten_papers()) == 6
    for seed in ("2009-05-13-kcp-review-priorities-2009-10", "2007-11-14-community-strategy"):
        assert sum(name.startswith(seed) for name in names) >= 19
    assert all(any(f"--combined-{n}" in name for name in names) for n in (1, 2, 3))
    assert len(word_papers()) == 8


@pytest.mark.parametrize("paper", CORPUS, ids=lambda paper: paper.name)
def test_corpus_paper_imports_as_a_faithful_draft(client, steering_group, tmp_path, paper):
    path = write_paper(paper, tmp_path / paper.name)
    parsed = parse_paper(read_paper_text(path), source=paper.name)
    facts = {fact.name: fact for fact in paper_facts(parsed)}
    assert (facts["title"].value, facts["title"].confidence) == (paper.title, "recognised")
    assert parsed.header.meeting_date == paper.meeting_date
    assert parsed.header.status == paper.status
    if paper.status:
        assert facts["status"].is_recognised
    unplaced = [str(warning) for warning in parsed.warnings if warning.is_unplaced]
    assert len(unplaced) <= MAX_UNPLACED_LINES, unplaced

    result = import_paper(path)
    assert result.created and not result.page.live
    result.page.get_latest_revision().publish()
    result.page.refresh_from_db()
    text, numbers = page_text_and_numbers(client, result.page)
    for pattern in _RAW_MARKDOWN:
        assert not pattern.search(text), pattern.search(text).group()

    page_words = words(text)
    body = body_lines(parsed)
    cursor = 0
    for line, sentence in source_sentences(paper):
        found = page_words.find(sentence, cursor if line in body else 0)
        assert found >= 0, f"line {line}: “{sentence}” is not on the page in order"
        if line in body:
            cursor = found + len(sentence)
    # Every printed number, in order; a section the paper leaves unnumbered is numbered by
    # the page, and its warning says so.
    unnumbered = sum("prints no number for the" in warning for warning in result.warnings)
    remaining = iter(numbers)
    assert all(number in remaining for number in printed_numbers(paper)), numbers
    assert len(numbers) == len(printed_numbers(paper)) + unnumbered


@pytest.mark.parametrize("paper", handwritten_papers(), ids=lambda paper: paper.name)
def test_handwritten_paper_has_the_structure_committed_before_the_parser_changed(paper):
    parsed = parse_paper(paper.text, source=paper.name)
    expected = paper.expected
    header = parsed.header
    assert parsed.kind == expected["kind"]
    assert header.meeting_date == datetime.date.fromisoformat(expected["meeting_date"])
    assert header.group == expected["group"]
    assert (header.author_as_printed or header.author) == expected["author"]
    contact = parsed.contact
    assert {key: getattr(contact, key) for key in expected["contact"]} == expected["contact"]
    if parsed.kind == "report":
        assert parsed.signatory == expected["signatory"]
        assert parsed.background_papers == expected["background_papers"]
        numbers = [
            number
            for section in parsed.sections
            for number in (section.number, *(item.number for item in section.items))
            if number
        ]
    else:
        numbers = [
            number
            for objective in parsed.objectives
            for number in (objective.number, *(action.number for action in objective.actions))
            if number
        ]
    assert numbers == expected["numbers"]


@pytest.mark.parametrize("paper", seed_papers(), ids=lambda paper: paper.name)
def test_seed_paper_imports_to_the_same_page_fields_as_before_the_importer_changed(paper):
    before = json.loads((CORPUS_DIR / "seed_structures.json").read_text(encoding="utf-8"))
    values = page_values(parse_paper(paper.text), text=paper.text)
    fields = {
        name: value.isoformat() if isinstance(value, datetime.date) else value
        for name, value in values.fields.items()
    }
    assert {"page_type": values.page_type, "fields": fields} == before[paper.name]
