"""Group pages: where each group's meetings and papers live, and the list of theme groups."""

import datetime
import io

import pytest
from django.core.management import call_command

from tests.fixtures.papers import LONDON, publish

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
    with django_assert_max_num_queries(12):
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
        "/steering-group/2009-05-13/kcp-review-taking-forward-priorities-for-2009-10/"
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


@pytest.fixture
def filled_out_health_group(health_group, contact_officer):
    from home.models import Organisation
    from themegroups.models import GroupLeadOfficer, GroupLink, GroupMember, GroupPriority

    nhs = Organisation.objects.create(name="NHS Kensington and Chelsea", sector="health")
    health_group.chair = "Dr Michael Wilson"
    health_group.lead_organisation = nhs
    health_group.contact = contact_officer
    health_group.work_programme_year = "2009/10"
    health_group.lead_officers = [GroupLeadOfficer(name="Dr Anna Patel", organisation=nhs)]
    health_group.members = [GroupMember(organisation=nhs, representative="Dr Wilson")]
    health_group.links = [GroupLink(title="Our NHS trust", url="https://www.nhs.uk/")]
    health_group.priorities = [
        GroupPriority(priority="Reduce smoking", actions="Clinics\nCampaign", due="March 2010")
    ]
    health_group.save_revision().publish()
    return health_group


def test_group_page_shows_who_runs_it_its_members_links_and_priorities(
    client, filled_out_health_group
):
    html = client.get("/theme-groups/health/").content.decode()
    for text in [
        "Dr Michael Wilson",
        "Lead organisation",
        "Dr Anna Patel",
        "Partnership team",
        "Member organisations",
        "NHS Kensington and Chelsea",
        '<a href="https://www.nhs.uk/">Our NHS trust</a>',
        "Work programme for 2009/10",
        "Reduce smoking",
        "<li>Campaign</li>",
        "Due: March 2010",
    ]:
        assert text in html, text


def test_steering_group_page_shows_members_by_organisation_and_terms_of_reference(
    client, steering_group, steering_group_member
):
    steering_group.terms_of_reference = "<p>Agrees the Community Strategy.</p>"
    steering_group.save_revision().publish()
    html = client.get("/steering-group/").content.decode()
    assert "Members by partner organisation" in html
    assert "<h3>Royal Borough of Kensington and Chelsea</h3>" in html
    assert "Joan Baptiste" in html
    assert "Agrees the Community Strategy." in html


def test_group_content_pages_sit_under_the_group_and_are_listed(client, health_group):
    from themegroups.models import GroupContentPage

    publish(health_group, GroupContentPage(title="Health projects", introduction="Our work."))
    assert client.get("/theme-groups/health/health-projects/").status_code == 200
    assert "Health projects" in client.get("/theme-groups/health/").content.decode()


def test_theme_groups_page_shows_each_groups_next_meeting(client, health_group, safety_group):
    from papers.models import MeetingPage

    for start in (
        datetime.datetime(2099, 9, 1, tzinfo=LONDON),
        datetime.datetime(2099, 8, 1, tzinfo=LONDON),
    ):
        publish(
            health_group,
            MeetingPage(title=f"Meeting {start:%B}", start=start, venue_name="Town Hall"),
        )
    html = client.get("/theme-groups/").content.decode()
    health = html.split("Health and Well-Being Partnership")[1]
    assert "Next meeting: <a" in health
    assert "Saturday 1 August 2099" in health
    assert "Next meeting: none planned yet" in html.split("Community Safety Programme Board")[1]


def test_group_page_runs_the_same_queries_however_many_meetings_and_papers(
    client, health_group, django_assert_max_num_queries
):
    from papers.models import MeetingPage, ReportPage

    def add_meeting(n):
        meeting = publish(
            health_group,
            MeetingPage(
                title=f"Meeting {n}",
                slug=f"meeting-{n}",
                start=datetime.datetime(2000 + n, 1, 1, tzinfo=LONDON),
                venue_name="Town Hall",
            ),
        )
        publish(meeting, ReportPage(title=f"Report {n}", slug=f"report-{n}"))

    add_meeting(1)
    client.get("/theme-groups/health/")  # builds what is kept per generation (chrome, fragments)
    with django_assert_max_num_queries(12) as few:
        client.get("/theme-groups/health/")
    few_count = len(few.captured_queries)  # before the next request clears Django's query log
    for n in range(2, 30):
        add_meeting(n)
    client.get("/theme-groups/health/")
    with django_assert_max_num_queries(few_count):
        assert client.get("/theme-groups/health/").status_code == 200


def test_theme_groups_page_runs_the_same_queries_however_many_meetings(
    client, theme_groups, django_assert_max_num_queries
):
    from papers.models import MeetingPage
    from themegroups.models import GroupPage

    def add_group(n):
        group = publish(theme_groups, GroupPage(title=f"Group {n}", slug=f"g-{n}", purpose="A."))
        for month in (5, 6):
            publish(
                group,
                MeetingPage(
                    title=f"Group {n} in month {month}",
                    start=datetime.datetime(2099, month, n + 1, tzinfo=LONDON),
                    venue_name="Town Hall",
                ),
            )

    add_group(1)
    client.get("/theme-groups/")  # builds what is kept per generation (the site chrome)
    with django_assert_max_num_queries(12) as few:
        client.get("/theme-groups/")
    few_count = len(few.captured_queries)  # before the next request clears Django's query log
    for n in range(2, 16):
        add_group(n)
    client.get("/theme-groups/")
    with django_assert_max_num_queries(few_count):
        html = client.get("/theme-groups/").content.decode()
    assert html.count("Next meeting: <a") == 15
