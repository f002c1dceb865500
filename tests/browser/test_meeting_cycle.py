"""The meeting cycle's pages in a real browser, in each state: the decisions register, the
action tracker and the forward plan (empty, full, and the register filtered to nothing), and
an owner's progress form (ready, and with an error). axe finds nothing, every control is
reached by keyboard, and nothing scrolls sideways at 320px."""

import datetime
from types import SimpleNamespace

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from papers.governance import services
from papers.governance.models import ItemKind, Outcome, PlannedItem
from papers.models import ContactOfficer, MeetingPage
from tests.browser.accessibility import (
    assert_usable_everywhere,
)
from tests.browser.signing_in import sign_in
from tests.fixtures.papers import publish


@pytest.fixture
def owner(db):
    return ContactOfficer.objects.create(
        name="Rachel Smith", organisation="RBKC", email="rachel.smith@rbkc.example"
    )


@pytest.fixture
def full(request, officer, owner):
    """A decision, an overdue action with progress, a done one, and a planned meeting."""
    held, minutes_page, paper, group = (
        request.getfixturevalue(name) for name in ("meeting", "minutes", "report", "steering_group")
    )
    services.record_decision(
        by=officer,
        meeting=held,
        item_title="KCP Review",
        outcome=Outcome.NOTED,
        wording="The Steering Group noted the review.",
        paper=paper,
        minutes=minutes_page,
        minute_number="2",
    )
    action = services.record_action(
        by=officer,
        meeting=held,
        text="Publish the agreed review on the website.",
        owner=owner,
        due_on=datetime.date(2009, 6, 30),
        source_page=minutes_page,
        source_number="2",
    )
    services.post_progress(by=officer, action=action, status="some_slippage", note="Late.")
    done = services.record_action(
        by=officer,
        meeting=held,
        text="Hold the away day.",
        owner=owner,
        due_on=datetime.date(2009, 7, 1),
    )
    services.post_progress(by=officer, action=done, status="done", note="Held.")
    coming = publish(
        group,
        MeetingPage(
            title="Steering Group meeting to come",
            start=timezone.now() + datetime.timedelta(days=40),
            venue_name="The Town Hall",
        ),
    )
    PlannedItem.objects.create(
        meeting=coming,
        title="Community Strategy refresh with a long title to wrap",
        kind=ItemKind.ITEM_OF_INTEREST,
        lead=owner,
        paper_due_on=datetime.date(2027, 2, 24),
    )
    return SimpleNamespace(action=action, report=paper, minutes=minutes_page)


@pytest.mark.parametrize(
    "path", ["/decisions/", "/actions/", "/forward-plan/", "/actions/year/2009/"]
)
def test_the_empty_registers_are_usable(page, site_url, db, path):
    page.goto(f"{site_url}{path}")
    assert page.locator("h1").is_visible()
    assert_usable_everywhere(page)


@pytest.mark.parametrize(
    "path",
    [
        "/decisions/",
        "/decisions/?outcome=deferred&q=nothing",
        "/actions/",
        "/forward-plan/",
        "/actions/year/2009/",
    ],
    ids=["decisions", "decisions-filtered-to-nothing", "actions", "forward-plan", "year-report"],
)
def test_the_full_registers_are_usable(page, site_url, full, path):
    page.goto(f"{site_url}{path}")
    assert page.locator("h1").is_visible()
    assert_usable_everywhere(page)


def test_the_paper_with_its_decision_and_the_minutes_with_their_links_are_usable(
    page, site_url, full
):
    page.goto(f"{site_url}{full.report.url}")
    assert page.get_by_text("Decision:").is_visible()
    assert_usable_everywhere(page)
    page.goto(f"{site_url}{full.minutes.url}")
    assert page.get_by_role("link", name="Action: Publish the agreed review").is_visible()
    assert_usable_everywhere(page)


def test_the_progress_form_is_usable_and_says_what_to_fix(
    page, site_url, full, django_user_model, settings
):
    person = django_user_model.objects.create_user(email="rachel.smith@rbkc.example")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    sign_in(page, site_url, person)
    page.goto(f"{site_url}/members/actions/{full.action.pk}/progress/")
    assert_usable_everywhere(page)

    page.get_by_label("Status now").select_option("dropped")
    page.get_by_role("button", name="Save progress").click()
    assert page.get_by_text("Say why the action was dropped").is_visible()
    assert_usable_everywhere(page)
