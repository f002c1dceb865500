"""Issue 28's "done when", on the structured corpus (tests/papers/corpus/structured): each
paper, and its Word and PDF versions, imports and publishes as a page whose every printed
number is its anchor, whose tables are tables with one value per cell, and which names its
contacts; its structure is the one committed (expected.json) before the parser changed."""

import datetime
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import html as lxml_html

from papers.importer import paper_facts, parse_paper, read_paper_text
from papers.services import import_paper
from tests.papers.test_import_corpus import body_lines, source_sentences
from tests.papers.test_import_corpus import words as corpus_words

pytestmark = pytest.mark.django_db

STRUCTURED = Path(__file__).resolve().parent / "corpus" / "structured"
EXPECTED = json.loads((STRUCTURED / "expected.json").read_text(encoding="utf-8"))
REPORTS = [name for name, paper in EXPECTED.items() if paper["kind"] == "report"]
VERSIONS = [
    STRUCTURED / name
    for stem in (Path(name).stem for name in REPORTS)
    for name in (f"{stem}.txt", f"{stem}.md", f"{stem}.docx", f"{stem}.pdf")
    if (STRUCTURED / name).exists()
]
MAX_UNPLACED_LINES = 2


def expected_for(path: Path) -> dict:
    return next(paper for name, paper in EXPECTED.items() if Path(name).stem == path.stem)


def published_page(client, path: Path, group):
    result = import_paper(path, group=group)
    result.page.get_latest_revision().publish()
    result.page.refresh_from_db()
    response = client.get(result.page.url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content.decode()).xpath("//article")[0]


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


@pytest.mark.parametrize("path", VERSIONS, ids=lambda path: path.name)
def test_structured_paper_reads_its_header_facts_and_contacts_as_printed(path):
    expected = expected_for(path)
    parsed = parse_paper(read_paper_text(path), source=path.name)
    header = parsed.header
    assert parsed.kind == expected["kind"]
    assert header.title == expected["title"]
    assert header.meeting_date == datetime.date.fromisoformat(expected["meeting_date"])
    assert header.status == expected["status"]
    assert header.agenda_item == expected["agenda_item"]
    assert (header.author_as_printed or header.author) == expected["author"]
    contacts = [parsed.contact, *parsed.other_contacts]
    assert [
        {key: getattr(officer, key) for key in wanted}
        for officer, wanted in zip(contacts, expected["contacts"], strict=True)
    ] == expected["contacts"]
    unplaced = [str(warning) for warning in parsed.warnings if warning.is_unplaced]
    assert len(unplaced) <= MAX_UNPLACED_LINES, unplaced


@pytest.mark.parametrize("path", VERSIONS, ids=lambda path: path.name)
def test_every_printed_number_is_an_anchor_on_the_published_page(client, steering_group, path):
    article = published_page(client, path, steering_group)
    for _kind, number, anchor, text in expected_for(path)["outline"]:
        if not anchor:
            continue
        found = article.xpath(f'//*[@id="{anchor}"]')
        assert len(found) == 1, f"{anchor} is not on the page once"
        shown = " ".join(found[0].text_content().split())
        assert number in shown and text in shown, (anchor, shown[:80])


@pytest.mark.parametrize("path", VERSIONS, ids=lambda path: path.name)
def test_every_table_is_a_table_with_one_value_per_cell(client, steering_group, path):
    article = published_page(client, path, steering_group)
    tables = [
        {
            "caption": " ".join(table.xpath("string(caption)").split()),
            "header": [cell.text_content() for cell in table.xpath("thead/tr/th")],
            "rows": [[cell.text_content() for cell in row] for row in table.xpath("tbody/tr")],
        }
        for table in article.xpath("//table")
    ]
    assert tables == expected_for(path)["tables"]


@pytest.mark.parametrize(
    "stem",
    [
        "2019-02-13-library-opening-hours-lettered",
        "2018-11-07-crime-figures-tables",
        "2013-04-17-ward-population-table-no-rules",  # columns lined up without rules
    ],
)
def test_the_pdf_of_a_paper_gives_the_same_page_as_its_text(client, steering_group, stem):
    text_page = published_page(client, STRUCTURED / f"{stem}.txt", steering_group)
    text_words = words(text_page.text_content())
    pdf_page = published_page(client, STRUCTURED / f"{stem}.pdf", steering_group)
    assert words(pdf_page.text_content()) == text_words


def test_the_letter_after_h_is_i_not_a_roman_one():
    parsed = parse_paper((STRUCTURED / REPORTS[0]).read_text(encoding="utf-8"))
    residents = next(item for s in parsed.sections for item in s.items if item.kind == "list")
    assert [(b.number, b.scheme) for b in residents.bullets[-2:]] == [
        ("(h)", "letter"),
        ("(i)", "letter"),
    ]
    roman = parse_paper((STRUCTURED / "2020-05-20-youth-services-roman.md").read_text())
    stages = next(item for s in roman.sections for item in s.items if item.kind == "list")
    assert [(b.number, b.scheme) for b in stages.bullets] == [
        ("(i)", "roman"),
        ("(ii)", "roman"),
        ("(iii)", "roman"),
    ]


def test_a_heading_printed_without_a_number_is_not_given_one(client, steering_group):
    article = published_page(client, STRUCTURED / REPORTS[0], steering_group)
    heading = article.xpath('//*[@id="section-recommendations"]/h2')[0]
    assert " ".join(heading.text_content().split()) == "RECOMMENDATIONS"
    assert not heading.xpath('.//*[@class="paper-number"]')


@pytest.mark.parametrize(
    "path", [path for path in VERSIONS if path.suffix in (".txt", ".md")], ids=lambda p: p.name
)
def test_every_sentence_of_the_paper_is_on_its_page_in_order(client, steering_group, path):
    # "Contacts:" is shown as the page's own heading, as "Contact:" is (see _VALUE_LABEL).
    source = SimpleNamespace(text=path.read_text(encoding="utf-8").replace("Contacts:", "Contact:"))
    parsed = parse_paper(source.text, source=path.name)
    page_words = corpus_words(" ".join(published_page(client, path, steering_group).itertext()))
    body, cursor = body_lines(parsed), 0
    for line, sentence in source_sentences(source):
        found = page_words.find(sentence, cursor if line in body else 0)
        assert found >= 0, f"line {line}: “{sentence}” is not on the page in order"
        if line in body:
            cursor = found + len(sentence)


@pytest.mark.parametrize(
    "name",
    [
        "2017-09-13-parks-volunteering-officer-blocks.pdf",
        "2015-02-04-adult-learning-labelled-officers.txt",
        "2024-10-02-air-quality-two-column-contacts.pdf",
    ],
)
def test_every_officer_of_a_contact_block_is_on_the_page_and_in_the_preview(
    client, steering_group, name
):
    path = STRUCTURED / name
    wanted = expected_for(path)["contacts"]
    (contact_fact,) = [
        f for f in paper_facts(parse_paper(read_paper_text(path))) if f.name == "contact"
    ]
    assert contact_fact.label == "Contact officers"
    assert [officer["email"] in contact_fact.value for officer in wanted] == [True] * len(wanted)
    footer = published_page(client, path, steering_group).xpath('//*[@class="paper-contact"]')[0]
    assert footer.xpath("string(h2)") == "Contact officers"
    shown = [" ".join(address.text_content().split()) for address in footer.xpath("address")]
    assert len(shown) == len(wanted)
    for address, officer in zip(shown, wanted, strict=True):
        assert officer["name"] in address and officer["email"] in address, address
