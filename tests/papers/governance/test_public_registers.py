"""The public side: the decisions register (filters, feed, CSV), the action tracker, the
forward plan (feed, iCalendar), the decision at the top of a paper, and the links both ways
between paragraphs and what came of them. Nothing of a draft or restricted meeting shows."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from papers.governance import agendas, services
from papers.governance.models import ActionStatus, ItemKind, Outcome, PlannedItem
from papers.models import MeetingPage, MinutesPage
from tests.fixtures.papers import LONDON, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(officer, meeting, minutes, report):
    return services.record_decision(
        by=officer,
        meeting=meeting,
        item_title="KCP Review",
        outcome=Outcome.APPROVED_WITH_AMENDMENTS,
        wording='=HYPERLINK("http://evil.example") The review was approved as amended.',
        paper=report,
        minutes=minutes,
        minute_number="2",
    )


@pytest.fixture
def action(officer, meeting, minutes, owner):
    return services.record_action(
        by=officer,
        meeting=meeting,
        text="Publish the agreed review on the website.",
        owner=owner,
        due_on=datetime.date(2009, 6, 30),
        source_page=minutes,
        source_number="2",
    )


def test_the_paper_shows_its_decision_at_the_top_linked_to_the_minute(
    client, decision, report, minutes
):
    html = client.get(report.url).content.decode()
    assert "Decision:</strong> approved with amendments on" in html
    assert "13 May 2009" in html
    assert f'href="{minutes.url}#para-2">minute 2</a>' in html


def test_a_minute_links_to_its_decision_and_action_and_they_link_back(
    client, decision, action, minutes
):
    minutes_html = client.get(minutes.url).content.decode()
    assert f'href="/actions/#action-{action.pk}"' in minutes_html
    assert f'href="/decisions/#decision-{decision.pk}"' in minutes_html

    tracker = client.get("/actions/").content.decode()
    assert f'id="action-{action.pk}"' in tracker
    assert f'href="{minutes.url}#para-2">paragraph 2 of' in tracker
    register = client.get("/decisions/").content.decode()
    assert f'href="{minutes.url}#para-2">minute 2</a>' in register


def test_a_renumbered_draft_does_not_break_the_links_of_the_published_minutes(
    client, decision, action, minutes
):
    draft = MinutesPage.objects.get(pk=minutes.pk).get_latest_revision_as_object()
    raw = list(draft.minutes.raw_data)
    raw.insert(0, {"type": "minute", "value": {"number": "1", "heading": "New", "text": "x"}})
    for position, block in enumerate(raw[1:], start=2):
        block["value"]["number"] = str(position)
    draft.minutes = raw
    draft.save_revision()

    html = client.get(minutes.url).content.decode()
    assert 'id="para-2"' in html
    assert "KCP Review" in html.split('id="para-2"')[1].split("</section>")[0]
    assert f'href="/actions/#action-{action.pk}"' in html


def test_the_decisions_register_filters_by_outcome_group_year_and_words(client, decision):
    assert "KCP Review: approved with amendments" in client.get("/decisions/").content.decode()
    for query in ({"outcome": "noted"}, {"q": "nothing-like-this"}):
        html = client.get("/decisions/", query).content.decode()
        assert "KCP Review: approved" not in html, query
        assert "No decisions match" in html
    query = {"group": "Steering Group", "year": "2009", "q": "amended"}
    html = client.get("/decisions/", query).content.decode()
    assert "KCP Review: approved with amendments" in html


def test_the_decisions_csv_neutralises_formula_like_cells(client, decision):
    response = client.get("/decisions/decisions.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["Date", "Group", "Meeting", "Agenda item", "Outcome"]
    assert rows[1][5].startswith("'=HYPERLINK")
    assert rows[1][7].endswith("#para-2")


def test_the_decisions_feed_lists_the_decision(client, decision):
    feed = client.get("/decisions/feed/").content.decode()
    assert "KCP Review: Approved with amendments" in feed


def test_the_action_tracker_sorts_overdue_open_and_done(client, officer, action, meeting, owner):
    done = services.record_action(
        by=officer,
        meeting=meeting,
        text="Hold the away day.",
        owner=owner,
        due_on=datetime.date(2009, 6, 1),
    )
    services.post_progress(by=officer, action=done, status=ActionStatus.DONE, note="Held.")
    html = client.get("/actions/").content.decode()
    overdue = html.split('id="overdue-heading"')[1].split('id="open-heading"')[0]
    done_part = html.split('id="done-heading"')[1]
    assert "Publish the agreed review" in overdue
    assert "Hold the away day." in done_part


def test_nothing_of_an_unpublished_meeting_is_public(client, officer, steering_group, owner):
    hidden = MeetingPage(
        title="Steering Group meeting, 9 June 2027",
        start=datetime.datetime(2027, 6, 9, 18, 30, tzinfo=LONDON),
        venue_name="The Town Hall",
        live=False,
    )
    steering_group.add_child(instance=hidden)
    PlannedItem.objects.create(
        meeting=hidden, title="Secret planned item", kind=ItemKind.CORE_BUSINESS
    )
    agendas.draft_agenda_from_plan(hidden)
    services.record_action(
        by=officer,
        meeting=hidden,
        text="Secret action",
        owner=owner,
        due_on=datetime.date(2027, 7, 1),
    )
    services.record_decision(
        by=officer,
        meeting=hidden,
        item_title="Secret decision",
        outcome=Outcome.NOTED,
        wording="Secret wording",
    )
    for url in (
        "/forward-plan/",
        "/forward-plan/feed/",
        "/forward-plan/calendar.ics",
        "/decisions/",
        "/decisions/feed/",
        "/decisions/decisions.csv",
        "/actions/",
        "/search/?q=Secret",
        "/meetings/calendar.ics",
        "/sitemap.xml",
    ):
        body = client.get(url).content.decode()
        assert "Secret" not in body, url


def test_the_forward_plan_lists_planned_items_of_meetings_to_come(client, steering_group, owner):
    coming = publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, 10 March 2027",
            start=timezone.now() + datetime.timedelta(days=40),
            venue_name="The Town Hall",
        ),
    )
    PlannedItem.objects.create(
        meeting=coming,
        title="Community Strategy refresh",
        kind=ItemKind.ITEM_OF_INTEREST,
        lead=owner,
        paper_due_on=datetime.date(2027, 2, 24),
    )
    html = client.get("/forward-plan/").content.decode()
    assert "Community Strategy refresh" in html
    assert "Rachel Smith, RBKC" in html
    assert "Community Strategy refresh" in client.get("/forward-plan/feed/").content.decode()
    ics = client.get("/forward-plan/calendar.ics").content.decode()
    assert "Community Strategy refresh" in ics.replace("\r\n ", "")


def test_officers_see_a_flag_on_a_meeting_with_no_item_of_interest(
    client, officer_with_two_factor, steering_group, settings
):
    settings.KCP_MFA_REQUIRED = False
    coming = publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, 12 May 2027",
            start=timezone.now() + datetime.timedelta(days=80),
            venue_name="The Town Hall",
        ),
    )
    PlannedItem.objects.create(meeting=coming, title="Budget", kind=ItemKind.CORE_BUSINESS)
    assert "No item of interest" not in client.get("/forward-plan/").content.decode()
    client.force_login(officer_with_two_factor)
    assert "No item of interest" in client.get("/forward-plan/").content.decode()


def _queries(client, url) -> int:
    client.get(url)  # after a change, the first request reloads what is kept per generation
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_registers_keep_their_query_count_as_rows_grow(
    client, officer, meeting, owner, settings
):
    settings.KCP_PAGE_CACHE_SECONDS = 0  # count the queries of a page rendered afresh

    def add(count):
        for n in range(count):
            services.record_action(
                by=officer,
                meeting=meeting,
                text=f"Action {n}",
                owner=owner,
                due_on=datetime.date(2009, 9, 1),
            )
            services.record_decision(
                by=officer,
                meeting=meeting,
                item_title=f"Item {n}",
                outcome=Outcome.NOTED,
                wording="Noted.",
            )

    add(2)
    before = {url: _queries(client, url) for url in ("/actions/", "/decisions/")}
    add(20)
    after = {url: _queries(client, url) for url in ("/actions/", "/decisions/")}
    assert after == before


def test_the_municipal_year_report_lists_the_years_actions_printable_and_as_csv(
    client, action, officer, later_meeting, owner
):
    services.record_action(
        by=officer,
        meeting=later_meeting,
        text="=cmd|' /C calc'!A0",
        owner=owner,
        due_on=datetime.date(2009, 12, 1),
    )
    html = client.get("/actions/year/2009/").content.decode()
    assert "Actions agreed in the municipal year 2009/10" in html
    assert "Publish the agreed review on the website." in html
    assert "No actions were agreed" in client.get("/actions/year/2010/").content.decode()
    rows = list(
        csv.reader(io.StringIO(client.get("/actions/year/2009/actions.csv").content.decode()))
    )
    assert rows[0][:3] == ["Meeting", "Paragraph", "Action"]
    assert [row[2] for row in rows[1:]] == [
        "Publish the agreed review on the website.",
        "'=cmd|' /C calc'!A0",
    ]
