"""The dashboard at /members/: panels for what each person is, the Steering Group's next
meetings with agenda and papers, and the same number of queries however much there is."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.roles import STEERING_GROUP_MEMBERS
from members.induction.services import mark_module_done
from papers.models import AgendaItem, MeetingPage, ReportPage
from tests.fixtures.members import add_module
from tests.fixtures.papers import LONDON, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda_with_papers(upcoming_meeting):
    """A public paper, a paper only the Steering Group may see, and a confidential item."""
    public = publish(upcoming_meeting, ReportPage(title="Annual Partnership Event plan"))
    private = publish(upcoming_meeting, ReportPage(title="Draft budget for members"))
    restriction = PageViewRestriction.objects.create(page=private, restriction_type="groups")
    restriction.groups.add(Group.objects.get(name=STEERING_GROUP_MEMBERS))
    upcoming_meeting.agenda_items = [
        AgendaItem(title="Partnership Event", paper=public),
        AgendaItem(title="Budget", paper=private),
        AgendaItem(title="Staffing", paper=public, is_confidential=True),
    ]
    upcoming_meeting.save_revision().publish()
    return upcoming_meeting


def test_steering_group_member_sees_next_meetings_with_agenda_and_papers_they_may_see(
    client, steering_group_member, agenda_with_papers, modules
):
    client.force_login(steering_group_member)
    html = client.get("/members/").content.decode()
    assert "Next Steering Group meetings" in html
    assert "Steering Group meeting, 15 March 2099" in html
    assert "Annual Partnership Event plan" in html
    assert "Draft budget for members" in html
    assert "3. Staffing (confidential)" in html
    assert "Your induction" in html and "0 of 4 modules done" in html
    assert "Skills and interests audit" in html


def test_wider_partnership_member_sees_what_is_theirs_and_nothing_of_the_steering_groups(
    client, wider_partnership_member, agenda_with_papers, modules
):
    client.force_login(wider_partnership_member)
    response = client.get("/members/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your account" in html
    assert "wider.member@kcp.example" in html
    assert "Wider partnership members" in html
    assert 'href="/members/your-data/"' in html
    # In the role but with no membership on record: its preferences would answer 404.
    assert 'href="/members/preferences/"' not in html
    for private in [
        "Next Steering Group meetings",
        "Draft budget for members",
        "Your induction",
        "What the Partnership is and does",
        "Skills and interests audit",
    ]:
        assert private not in html, private
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_new_member_sees_no_module_done_and_where_to_start(client, new_member, modules):
    client.force_login(new_member)
    html = client.get("/members/").content.decode()
    assert "0 of 4 modules done" in html
    assert "Start with “What the Partnership is and does”" in html


def test_half_way_member_sees_their_progress(client, half_way_member):
    client.force_login(half_way_member)
    html = client.get("/members/").content.decode()
    assert "2 of 4 modules done" in html
    assert 'value="2"' in html


def _fill(steering_group, induction, member, numbers: range) -> None:
    """A meeting with a paper on its agenda and an induction module for each number; the
    member has done every other module."""
    start = datetime.datetime(2099, 1, 1, 18, 0, tzinfo=LONDON)
    for n in numbers:
        meeting = publish(
            steering_group,
            MeetingPage(
                title=f"Meeting {n}",
                slug=f"meeting-{n}",
                start=start + datetime.timedelta(days=n),
                venue_name="The Town Hall",
            ),
        )
        paper = publish(meeting, ReportPage(title=f"Paper {n}"))
        meeting.agenda_items = [AgendaItem(title=f"Item {n}", paper=paper)]
        meeting.save_revision().publish()
        module = add_module(induction, f"Module {n}")
        if n % 2:
            mark_module_done(member, module.pk)


def _dashboard_queries(client) -> int:
    client.get("/members/")  # warm: the site and content types are cached after one request
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/members/").status_code == 200
    return len(queries)


def test_dashboard_query_count_is_the_same_with_2_and_50_meetings_and_modules(
    client, steering_group_member, steering_group, induction
):
    client.force_login(steering_group_member)
    _fill(steering_group, induction, steering_group_member, range(2))
    few = _dashboard_queries(client)
    _fill(steering_group, induction, steering_group_member, range(2, 50))
    many = _dashboard_queries(client)
    html = client.get("/members/").content.decode()
    assert "25 of 50 modules done" in html
    assert "Paper 0" in html  # the agenda's papers are there, not just counted
    assert few == many, f"{few} queries with 2 of each, {many} with 50"
    # 20 for the panels (the events panel among them; the away day's one, the member's
    # attendance three, the actions they own one, the membership issues they raised one), the
    # rest the session, user, site, settings and footer links.
    assert many <= 33
