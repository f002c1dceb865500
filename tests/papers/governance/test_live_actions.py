"""The progress report's live actions block: the actions of a meeting, a plan or a municipal
year with their status and overdue as the page is read; nothing from a draft source."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks.struct_block import StructBlockValidationError

from papers.governance import services
from papers.governance.blocks import LiveActionsBlock
from papers.governance.models import Action
from papers.models import MeetingPage, ProgressReportPage
from tests.fixtures.papers import LONDON, publish

pytestmark = pytest.mark.django_db

DUE = datetime.date(2009, 9, 30)


def _block(**source) -> list:
    return [{"type": "live_actions", "value": {"heading": "Actions followed up", **source}}]


def _report(parent, blocks, slug="actions-report") -> ProgressReportPage:
    return publish(
        parent,
        ProgressReportPage(
            title="Actions followed up",
            slug=slug,
            status=ProgressReportPage.Status.FOR_NOTING,
            live_actions=blocks,
        ),
    )


def _action(officer, meeting, owner, text="Publish the review.", **fields):
    return services.record_action(
        by=officer,
        meeting=meeting,
        text=text,
        owner=owner,
        due_on=fields.pop("due_on", datetime.date(2009, 9, 30)),
        **fields,
    )


def test_changing_an_actions_status_changes_the_rendered_report(
    client, officer, meeting, steering_group, owner
):
    action = _action(officer, meeting, owner)
    report = _report(steering_group, _block(meeting=meeting.pk))
    before = client.get(report.url).content.decode()
    assert "Publish the review." in before
    assert "Not started <strong>(overdue)</strong>" in before

    services.post_progress(by=officer, action=action, status="done", note="Published.")
    after = client.get(report.url).content.decode()
    assert "Done" in after
    assert "(overdue)" not in after


def test_a_plans_actions_are_those_that_came_from_it(
    client, officer, meeting, steering_group, owner, action_plan
):
    _action(officer, meeting, owner, text="From the plan.", source_page=action_plan)
    _action(officer, meeting, owner, text="From elsewhere.")
    html = client.get(_report(steering_group, _block(plan=action_plan.pk)).url).content.decode()
    assert "From the plan." in html
    assert "From elsewhere." not in html


def test_a_municipal_years_actions_run_from_april_to_march(
    client, officer, meeting, steering_group, owner
):
    _action(officer, meeting, owner, text="Agreed in May 2009.")
    html_2009 = client.get(_report(steering_group, _block(municipal_year=2009)).url)
    html_2008 = client.get(_report(steering_group, _block(municipal_year=2008), slug="y8").url)
    assert "Agreed in May 2009." in html_2009.content.decode()
    assert "Agreed in May 2009." not in html_2008.content.decode()
    assert "No actions to show yet." in html_2008.content.decode()


def test_a_draft_meetings_actions_never_show(client, officer, steering_group, owner):
    draft = MeetingPage(
        title="Steering Group meeting not yet published",
        start=datetime.datetime(2009, 11, 4, 18, 30, tzinfo=LONDON),
        venue_name="The Town Hall",
        live=False,
    )
    steering_group.add_child(instance=draft)
    _action(
        officer, draft, owner, text="A draft meeting's action.", due_on=datetime.date(2010, 1, 6)
    )
    sources = {"by-meeting": _block(meeting=draft.pk), "by-year": _block(municipal_year=2009)}
    for slug, source in sources.items():
        report = _report(steering_group, source, slug=slug)
        html = client.get(report.url).content.decode()
        assert "A draft meeting's action." not in html
        assert "No actions to show yet." in html


def test_a_draft_plans_actions_never_show(
    client, officer, meeting, steering_group, owner, action_plan
):
    _action(officer, meeting, owner, text="From the plan.", source_page=action_plan)
    action_plan.unpublish()
    html = client.get(_report(steering_group, _block(plan=action_plan.pk)).url).content.decode()
    assert "From the plan." not in html


def test_the_block_needs_exactly_one_source(meeting):
    block = LiveActionsBlock()
    for source in ({}, {"meeting": meeting, "municipal_year": 2009}):
        value = block.to_python({"heading": "Actions", "municipal_year": None})
        value.update(source)
        with pytest.raises(StructBlockValidationError):
            block.clean(value)


def _report_queries(client, url) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_live_actions_take_the_same_queries_for_5_and_50_actions(
    client, meeting, steering_group, owner, settings
):
    settings.KCP_PAGE_CACHE_SECONDS = 0  # count the queries of a page rendered afresh
    report = _report(steering_group, _block(meeting=meeting.pk))

    def add(count, start):
        Action.objects.bulk_create(
            Action(meeting=meeting, text=f"Action {start + n}.", owner=owner, due_on=DUE)
            for n in range(count)
        )

    add(5, 0)
    five, html = _report_queries(client, report.url)
    assert html.count("(overdue)") == 5
    add(45, 5)
    fifty, html = _report_queries(client, report.url)
    assert html.count("(overdue)") == 50
    assert fifty == five
