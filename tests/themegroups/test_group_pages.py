"""Group pages: where each group's meetings and papers live, and the list of theme groups."""

import datetime
import io

import pytest
from django.core.management import call_command

from tests.papers.conftest import LONDON, publish

pytestmark = pytest.mark.django_db


def test_theme_groups_page_lists_each_group_with_its_kind(client, health_group):
    html = client.get("/theme-groups/").content.decode()
    assert '<a href="/theme-groups/health/">Health and Well-Being Partnership</a>' in html
    assert "Theme group" in html
    assert "Improves health and reduces health inequalities." in html


def test_group_page_lists_its_next_and_past_meetings(client, steering_group, meeting):
    from papers.models import MeetingPage

    publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, 10 March 2099",
            start=datetime.datetime(2099, 3, 10, 18, 30, tzinfo=LONDON),
            venue_name="Kensington and Chelsea Social Council",
        ),
    )
    html = client.get("/steering-group/").content.decode()
    assert "<h1>Steering Group</h1>" in html
    upcoming, past = html.split('id="past-heading"')
    assert "10 March 2099" in upcoming
    assert "Steering Group meeting, 13 May 2009" in past


def test_theme_groups_page_runs_the_same_queries_however_many_groups(
    client, theme_groups, django_assert_max_num_queries
):
    from themegroups.models import GroupPage

    for n in range(15):
        publish(theme_groups, GroupPage(title=f"Group {n}", slug=f"group-{n}", purpose="A group."))
    client.get("/theme-groups/")
    with django_assert_max_num_queries(20):
        assert client.get("/theme-groups/").status_code == 200


def test_only_one_theme_groups_index_can_be_made(theme_groups, home_page):
    from themegroups.models import GroupIndexPage

    assert not GroupIndexPage.can_create_at(home_page)


def test_meetings_sit_under_groups_and_papers_under_meetings():
    from papers.models import MeetingPage, MinutesPage, ReportPage
    from themegroups.models import GroupPage

    assert MeetingPage.allowed_parent_page_models() == [GroupPage]
    assert ReportPage.allowed_parent_page_models() == [MeetingPage]
    assert MinutesPage in MeetingPage.allowed_subpage_models()


def test_demo_content_builds_the_groups_meetings_and_one_paper_of_each_type(client):
    call_command("load_demo_content", stdout=io.StringIO())
    html = client.get("/").content.decode()
    assert '<a href="/steering-group/"' in html
    assert '<a href="/theme-groups/"' in html
    groups = client.get("/theme-groups/").content.decode()
    for name in [
        "Health and Well-Being Partnership",
        "Voluntary Organisations Forum",
        "Agenda Planning sub-group",
    ]:
        assert name in groups
    assert client.get("/steering-group/2009-05-13/").status_code == 200
    assert client.get("/steering-group/2007-11-14/").status_code == 200
    upcoming = client.get("/steering-group/2027-03-10/").content.decode()
    assert "KCP Review: taking forward priorities" in upcoming
    report = client.get(
        "/steering-group/2009-05-13/kcp-review-priorities-2009-10/"
    ).content.decode()
    assert 'id="para-2-2-1"' in report
    assert client.get("/steering-group/partnership-plan-2004-05/").status_code == 200
    assert (
        client.get("/steering-group/partnership-plan-progress-september-2004/").status_code == 200
    )
    assert client.get("/steering-group/2007-11-14/minutes/").status_code == 200
    assert call_command("load_demo_content", stdout=io.StringIO()) is None


def test_demo_content_fills_out_each_group_and_gives_it_a_lead_officer(client):
    from django.contrib.auth import get_user_model

    call_command("load_demo_content", stdout=io.StringIO())
    health = client.get("/theme-groups/health-and-well-being/").content.decode()
    assert "Reduce smoking" in health
    assert "Dr Anna Patel" in health
    assert "Work programme and priorities for 2009/10" in health
    lead = get_user_model().objects.get(email="lead.health@kcp.example")
    assert lead.groups.filter(name="Lead officers: Health and Well-Being Partnership").exists()
    assert lead.emailaddress_set.get().verified
    assert not lead.authenticator_set.exists()
    steering = client.get("/steering-group/").content.decode()
    assert "Members by partner organisation" in steering
    assert "Terms of reference" in steering
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    assert "lead.safety@kcp.example" in out.getvalue()
