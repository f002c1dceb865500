"""Searching for a word found in nearly every paper stays fast (home/search_backend.py): only
a bounded number of matches are scored, title matches first, and every match is still found,
counted and reachable page by page. The archive's search costs the same number of queries
however many papers match."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import search_backend
from papers.archive import search_papers
from tests.papers.test_archive import add_report, archive_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def few_ranked(monkeypatch):
    """As at 10,000 papers, where a common word matches far more papers than are scored."""
    monkeypatch.setattr(search_backend, "RANKED_CANDIDATES", 3)


def titles(results) -> list[str]:
    return [page.title for page in results]


def test_a_paper_with_the_word_in_its_title_comes_first_among_many_newer_matches(
    meeting, paper_archive, few_ranked
):
    add_report(meeting, "Housing strategy", text="Homes for local people.")
    for number in range(5):
        add_report(meeting, f"Update {number}", text="Housing was discussed briefly.")
    assert titles(search_papers("housing")[:1]) == ["Housing strategy"]


def test_every_match_is_counted_and_found_once_page_by_page(meeting, paper_archive, few_ranked):
    for number in range(7):
        add_report(meeting, f"Update {number}", text="Housing was discussed briefly.")
    results = search_papers("housing")
    assert results.count() == 7
    pages = [titles(search_papers("housing")[start : start + 2]) for start in range(0, 7, 2)]
    found = [title for page in pages for title in page]
    assert sorted(found) == [f"Update {number}" for number in range(7)]


def test_among_the_papers_scored_the_most_relevant_comes_first(meeting, paper_archive, few_ranked):
    add_report(meeting, "Update A", text="Housing was mentioned.")
    add_report(
        meeting, "Update B", text="Housing, housing need, housing supply and housing repairs."
    )
    add_report(meeting, "Update C", text="Housing was mentioned.")
    assert titles(search_papers("housing")[:1]) == ["Update B"]


def search_queries(client, words: str) -> int:
    # The first search after a change reads again what is kept per page-cache generation.
    archive_html(client, q=words)
    with CaptureQueriesContext(connection) as queries:
        html = archive_html(client, q=words)
    assert "Housing" in html
    return len(queries.captured_queries)


def test_the_archive_search_takes_the_same_queries_for_3_or_30_matching_papers(
    client, paper_archive, meeting
):
    for number in range(3):
        add_report(meeting, f"Housing update {number}", text="Housing was discussed.")
    with_three = search_queries(client, "housing")
    for number in range(3, 30):
        add_report(meeting, f"Housing update {number}", text="Housing was discussed.")
    assert search_queries(client, "housing") == with_three
