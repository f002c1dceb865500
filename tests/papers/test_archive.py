"""The papers archive at /papers/: every published public paper, filtered, sorted, paginated
and searched, in a bounded number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from papers.models import MeetingPage, ReportPage
from tests.fixtures.papers import LONDON, paragraph, publish, section

pytestmark = pytest.mark.django_db


def add_meeting(group, day: datetime.date, **fields) -> MeetingPage:
    return publish(
        group,
        MeetingPage(
            title=f"{group.title} meeting, {day:%-d %B %Y}",
            start=datetime.datetime(day.year, day.month, day.day, 18, 30, tzinfo=LONDON),
            venue_name=fields.pop("venue_name", "The Town Hall"),
            **fields,
        ),
    )


def add_report(meeting, title: str, *, text: str = "Nothing to add.", publish_it=True, **fields):
    report = ReportPage(
        title=title,
        purpose=fields.pop("purpose", f"This paper is about {title.lower()}."),
        body=[section("Introduction", [paragraph(text)])],
        **fields,
    )
    if publish_it:
        return publish(meeting, report)
    report.live = False
    meeting.add_child(instance=report)
    report.save_revision()
    return report


def archive_html(client, **params) -> str:
    response = client.get("/papers/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_an_archive_address_shared_before_the_rename_still_filters_by_group(
    client, paper_archive, steering_group, theme_group
):
    add_report(add_meeting(steering_group, datetime.date(2009, 5, 13)), "Steering report")
    add_report(add_meeting(theme_group, datetime.date(2009, 6, 1)), "Health report")
    html = archive_html(client, body="health-and-well-being")
    assert "Health report" in html and "Steering report" not in html


def test_archive_lists_every_published_paper_of_every_type(
    client, paper_archive, report, action_plan, progress_report, minutes
):
    html = archive_html(client)
    for paper in (report, action_plan, progress_report, minutes):
        assert paper.title in html
    assert "4 papers, newest meeting first" in html


def test_archive_never_lists_drafts_or_restricted_papers(client, paper_archive, meeting):
    add_report(meeting, "Draft budget", publish_it=False)
    private = add_report(meeting, "Private briefing")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    add_report(meeting, "Open report")
    html = archive_html(client)
    assert "Open report" in html
    assert "Draft budget" not in html
    assert "Private briefing" not in html


def test_archive_shows_each_papers_group_and_meeting(client, paper_archive, report):
    html = archive_html(client)
    assert "Steering Group" in html
    assert f'href="{report.get_parent().url}"' in html
    assert "meeting of 13 May 2009" in html


def test_archive_lists_the_newest_meeting_first(client, paper_archive, steering_group):
    old = add_meeting(steering_group, datetime.date(2005, 3, 1))
    new = add_meeting(steering_group, datetime.date(2010, 3, 1))
    add_report(old, "Older report")
    add_report(new, "Newer report")
    html = archive_html(client)
    assert html.index("Newer report") < html.index("Older report")


def test_filters_by_year_group_status_and_kind_combine(
    client, paper_archive, steering_group, theme_group, action_plan
):
    sg_2009 = add_meeting(steering_group, datetime.date(2009, 5, 13))
    sg_2010 = add_meeting(steering_group, datetime.date(2010, 5, 13))
    health_2009 = add_meeting(theme_group, datetime.date(2009, 6, 1))
    add_report(sg_2009, "Steering 2009 for decision", status="for_decision")
    add_report(sg_2009, "Steering 2009 for noting", status="for_noting")
    add_report(sg_2010, "Steering 2010 for decision", status="for_decision")
    add_report(health_2009, "Health 2009 for decision", status="for_decision")

    html = archive_html(
        client, year="2009", group="steering-group", status="for_decision", kind="report"
    )
    assert "Steering 2009 for decision" in html
    for absent in ("for noting", "Steering 2010", "Health 2009", action_plan.title):
        assert absent not in html
    assert "1 paper matches your filters" in html
    assert '<option value="2009" selected>' in html
    assert "Clear all filters" in html

    assert "Health 2009 for decision" in archive_html(client, group="health-and-well-being")
    only_plans = archive_html(client, kind="action-plan")
    assert action_plan.title in only_plans and "Steering 2009" not in only_plans


def test_when_no_paper_matches_the_page_says_so_and_offers_to_clear_filters(
    client, paper_archive, report
):
    html = archive_html(client, year="2001")
    assert "No papers match these filters." in html
    assert 'href="/papers/">clear all filters</a>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "-1"},
        {"group": "no-such-group"},
        {"group": "<script>"},
        {"status": "nonsense"},
        {"kind": "page"},
        {"page": "999"},
        {"page": "abc"},
        {"page": "-3"},
        {"q": "x" * 5000},
        {"q": "'\")(&|!:*"},
        {"q": "priority", "page": "abc"},
        {"year": "2009\x00"},
    ],
)
def test_nonsense_in_the_address_never_breaks_the_archive(client, paper_archive, report, params):
    response = client.get("/papers/", params)
    assert response.status_code == 200


def test_a_filter_value_that_makes_no_sense_is_left_out_with_a_message(
    client, paper_archive, report
):
    html = archive_html(client, year="abc", kind="page")
    assert "We could not use the year, kind of paper in the address" in html
    assert report.title in html


def test_archive_is_paginated_with_the_filters_kept(client, paper_archive, meeting):
    for number in range(25):
        add_report(meeting, f"Report number {number}", status="for_noting")
    first = archive_html(client, status="for_noting")
    assert "Page 1 of 2" in first
    assert 'href="?status=for_noting&amp;page=2"' in first
    second = archive_html(client, status="for_noting", page="2")
    assert second.count('class="paper-list__item"') == 5


def bulk_papers(meeting, count: int) -> None:
    """Live papers made without revisions: quick enough for hundreds."""
    for number in range(count):
        meeting.add_child(
            instance=ReportPage(
                title=f"Bulk report {number}",
                purpose="Bulk.",
                status="for_noting",
                meeting_date=datetime.date(2009, 5, 13),
                group_name="Steering Group",
                first_published_at=datetime.datetime(2009, 5, 1, tzinfo=LONDON),
            )
        )


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    ["/papers/", "/papers/?year=2009&status=for_noting&kind=report&page=2", "/papers/?q=bulk"],
)
def test_archive_runs_as_many_queries_for_200_papers_as_for_10(
    client, settings, paper_archive, meeting, url
):
    settings.KCP_PAGE_CACHE_SECONDS = 0
    bulk_papers(meeting, 10)
    client.get(url)  # the first request fills per-process caches (content types, site)
    few = queries_for(client, url)
    bulk_papers(meeting, 190)
    client.get(url)  # new content, new cache generation: the site chrome is built again once
    many = queries_for(client, url)
    assert many == few


def test_the_year_menu_is_worked_out_once_until_papers_change(
    client, settings, paper_archive, meeting, steering_group
):
    settings.KCP_PAGE_CACHE_SECONDS = 0
    add_report(meeting, "Spring report")
    client.get("/papers/")
    with CaptureQueriesContext(connection) as again:
        html = archive_html(client)
    assert '<option value="2009">2009</option>' in html
    assert not [q for q in again.captured_queries if "EXTRACT" in q["sql"].upper()]

    add_report(add_meeting(steering_group, datetime.date(2011, 3, 2)), "Later report")
    assert '<option value="2011">2011</option>' in archive_html(client)
