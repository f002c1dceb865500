"""Searching papers on PostgreSQL: English stemming, filters combined with words, and results
that show the paper, its meeting and the passage that matched."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from papers.archive import passage_around, search_papers
from tests.papers.test_archive import add_report, archive_html

pytestmark = pytest.mark.django_db


def test_searching_priority_finds_a_paper_about_priorities(client, paper_archive, meeting):
    add_report(
        meeting,
        "Community Strategy review",
        text="The sub group identified three priorities for the coming year.",
    )
    add_report(meeting, "Budget monitoring", text="Spending is on track.")
    html = archive_html(client, q="priority")
    assert "Community Strategy review" in html
    assert "Budget monitoring" not in html
    assert "1 paper matching “priority”" in html


def test_a_result_shows_its_meeting_and_the_passage_that_matched(client, paper_archive, meeting):
    add_report(
        meeting,
        "Community Strategy review",
        text="Officers met in April. The sub group identified three priorities for the coming "
        "year, starting with housing.",
    )
    html = archive_html(client, q="priority")
    assert "meeting of 13 May 2009" in html
    assert "identified three <mark>priorities</mark> for the coming year" in html


def test_search_covers_titles_purposes_and_paragraph_text(client, paper_archive, meeting):
    add_report(meeting, "Carnival partnership", text="Nothing else.")
    add_report(meeting, "Report two", purpose="This paper outlines the Wornington Green plan.")
    add_report(meeting, "Report three", text="Regeneration Exchange events took place.")
    assert "Carnival partnership" in archive_html(client, q="carnival")
    assert "Report two" in archive_html(client, q="Wornington")
    assert "Report three" in archive_html(client, q="regeneration exchange")


def test_words_and_filters_combine(client, paper_archive, meeting, action_plan):
    add_report(meeting, "Equalities report", text="Equalities audit.", status="for_noting")
    html = archive_html(client, q="equalities", kind="report")
    assert "Equalities report" in html
    assert action_plan.title not in html  # the plan mentions equalities too
    assert action_plan.title in archive_html(client, q="equalities", kind="action-plan")


def test_search_never_finds_drafts_or_restricted_papers(client, paper_archive, meeting):
    add_report(meeting, "Draft safety plan", text="Safety.", publish_it=False)
    private = add_report(meeting, "Private safety briefing", text="Safety.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = archive_html(client, q="safety")
    assert "No papers match “safety”." in html
    assert "Draft safety plan" not in html and "Private safety briefing" not in html


def test_site_search_shows_a_papers_group_and_meeting_date(client, report):
    html = client.get("/search/", {"query": "priorities"}).content.decode()
    assert report.title in html
    assert "Steering Group, meeting of 13 May 2009" in html


def test_passage_is_a_few_words_around_the_first_match():
    text = " ".join(f"word{n}" for n in range(100)) + " the priorities are clear " + "end " * 50
    passage = passage_around(text, "priority")
    assert "the priorities are clear" in passage
    assert passage.startswith("… ") and passage.endswith(" …")
    assert len(passage.split()) <= 32


def test_passage_is_the_opening_when_only_the_title_matched():
    assert passage_around("Opening words of the paper.", "nothing") == (
        "Opening words of the paper."
    )


def test_postgresql_finds_matching_papers_from_the_title_and_body_index(meeting, paper_archive):
    """Wagtail filters on `title || body`: the index on that very expression is what lets a
    search skip reading every paper. If Wagtail changes the expression, the index is useless."""
    add_report(meeting, "Community safety plan", text="Safer streets for everyone.")
    with CaptureQueriesContext(connection) as queries:
        assert [page.title for page in search_papers("community safety")[:20]] == [
            "Community safety plan"
        ]
    search_sql = next(q["sql"] for q in queries.captured_queries if "@@" in q["sql"])
    assert (
        '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@' in search_sql
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('english', 'community & safety')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on papers_search_title_body_gin" in plan, plan


def test_a_search_does_not_send_back_each_results_search_vector(meeting, paper_archive):
    add_report(meeting, "Community safety plan", text="Safer streets for everyone.")
    with CaptureQueriesContext(connection) as queries:
        results = search_papers("safety")
        assert results.count() == 1
        assert [page.title for page in results[:20]] == ["Community safety plan"]
    searches = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
    assert len(searches) == 2
    assert not [sql for sql in searches if 'AS "_vector_"' in sql]
