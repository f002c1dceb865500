"""The officers' screens: responses recorded from letters, calls and events count in every
total; search, mark read, a formula-neutralised CSV and a printable list, each in the audit
log. A group's lead officer sees the text and organisations of their own group's responses
only, never names, contact details, the export or the print (database and HTTP), and a
control test with rights on the other group shows the checks can fail."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.models import signals
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import GroupPagePermission

from home.audit import AuditEntry
from members.consultations.audit import Action
from members.consultations.exceptions import NotAllowedToSee, ResponsesError
from members.consultations.models import Response
from members.consultations.services import (
    Responder,
    pages_taking_responses_for,
    record_response,
    respond,
    response_rows,
    taking_responses,
    totals,
)
from members.models import Member
from tests.fixtures.consultations import answers, form_data
from tests.fixtures.papers import make_consultation, publish
from themegroups.models import GroupIndexPage, GroupPage
from themegroups.services import add_lead_officer

pytestmark = pytest.mark.django_db


def manage_url(page, tail="") -> str:
    return f"/responses/manage/{page.pk}/{tail}"


def record_data(**fields):
    return {
        "channel": "post",
        "received_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "name": "Edith Carter",
        "address": "14 Elgin Crescent\nLondon W11 2JA",
        **form_data(priority="Risk management", first="Keep a shared risk register."),
        **fields,
    }


def test_responses_recorded_by_officers_count_in_every_total(
    officer_client, consultation, amiras_response
):
    for channel in ("post", "telephone", "event"):
        response = officer_client.post(
            manage_url(consultation, "record/"),
            record_data(channel=channel, name=f"Caller by {channel}"),
        )
        assert response.status_code == 302
    counted = totals(taking_responses(consultation, timezone.now()))
    assert counted.total == 4
    assert dict(counted.by_channel) == {
        "Online": 1,
        "By post": 1,
        "By telephone": 1,
        "At an event": 1,
    }
    assert dict(dict(counted.choices)["Which area for action matters most to you?"]) == {
        "The role of the KCP": 0,
        "Membership": 1,
        "Risk management": 3,
    }
    assert Response.objects.filter(recorded_by__isnull=False).count() == 3
    assert AuditEntry.objects.filter(action=Action.RECORDED).count() == 3


def test_the_closed_page_publishes_the_totals_with_offline_responses(
    client, officer, closed_consultation
):
    record_response(
        closed_consultation,
        by=officer,
        channel="post",
        received_on=timezone.localdate(),
        answers=answers(),
        name="Edith Carter",
    )
    html = client.get(closed_consultation.url).content.decode()
    assert "We received 1 response: 1 by post." in html
    assert "Edith Carter" not in html


def test_a_postal_members_response_takes_their_name_from_the_membership(
    officer_client, consultation
):
    postal = Member.objects.create(
        name="Doris Lane",
        kind=Member.Kind.RESIDENT,
        route=Member.Route.POST,
        postal_address="2 Ladbroke Grove\nLondon",
        postcode="W11 3BQ",
    )
    officer_client.post(
        manage_url(consultation, "record/"), record_data(member=postal.pk, name="", address="")
    )
    saved = Response.objects.get()
    assert (saved.member, saved.name, saved.address) == (postal, "", "")
    page = officer_client.get(manage_url(consultation)).content.decode()
    assert "Doris Lane" in page and "W11 3BQ" in page
    again = officer_client.post(
        manage_url(consultation, "record/"), record_data(member=postal.pk, name="")
    )
    assert again.status_code == 400
    assert "already recorded" in again.content.decode()
    assert Response.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (record_data(name=""), "Choose a postal member, or give the person"),
        (record_data(received_on="2999-01-01"), "cannot be in the future"),
        (record_data(received_on="yesterday"), "Give the date as day, month and year"),
        (record_data(channel="online"), "Select a valid choice"),
        (record_data(name="<b>Edith</b>"), "cannot contain HTML"),
        (record_data(answer_priority="", answer_first=""), "Answer at least one question"),
    ],
)
def test_the_record_form_names_what_to_fix_and_saves_nothing(
    officer_client, consultation, data, message
):
    response = officer_client.post(manage_url(consultation, "record/"), data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Response.objects.exists()


def test_only_officers_record_responses(consultation, health_lead):
    with pytest.raises(NotAllowedToSee):
        record_response(
            consultation,
            by=health_lead,
            channel="post",
            received_on=timezone.localdate(),
            answers=answers(),
            name="Edith",
        )
    assert not Response.objects.exists()


def test_an_officer_sees_names_searches_and_marks_read_each_step_in_the_audit_log(
    officer_client, officer, consultation, responses_to_both
):
    page = officer_client.get(manage_url(consultation)).content.decode()
    assert "Amira Hassan" in page and "amira@residents.example" in page
    assert "Steering Group: more induction" in page and "walking buses" not in page
    found = officer_client.get(manage_url(consultation), {"q": "induction"}).content.decode()
    assert "1 response matching “induction”" in found
    nothing = officer_client.get(manage_url(consultation), {"q": "walking"}).content.decode()
    assert "No responses match “walking”" in nothing
    mine = responses_to_both.get(page=consultation)
    officer_client.post(manage_url(consultation), {"read": [mine.pk]})
    mine.refresh_from_db()
    assert mine.is_read
    entries = AuditEntry.objects.filter(actor=officer, page=consultation)
    assert list(entries.values_list("action", "details__included_names")) == [
        (Action.MARKED_READ, False),
        (Action.VIEWED, True),
        (Action.VIEWED, True),
        (Action.VIEWED, True),
    ]


def test_marking_read_touches_only_the_pages_own_responses(
    officer_client, consultation, theme_consultation, responses_to_both
):
    other = responses_to_both.filter(page=theme_consultation).first()
    officer_client.post(manage_url(consultation), {"read": [other.pk]})
    other.refresh_from_db()
    assert not other.is_read


def test_the_export_is_formula_neutralised_and_logged(officer_client, officer, consultation, amira):
    respond(
        taking_responses(consultation, timezone.now()),
        Responder(user=amira, name='=HYPERLINK("http://evil.example")'),
        answers=answers(first="=1+2"),
        organisation="@SUM(A1)",
    )
    response = officer_client.get(manage_url(consultation, "responses.csv"))
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0].startswith("Name,Email,Address,Organisation,How it came")
    assert "'=HYPERLINK" in text and "'=1+2" in text and "'@SUM(A1)" in text
    assert AuditEntry.objects.filter(actor=officer, action=Action.EXPORTED).exists()


def test_the_printable_list_has_names_and_is_logged(
    officer_client, officer, consultation, amiras_response
):
    html = officer_client.get(manage_url(consultation, "print/")).content.decode()
    assert "Amira Hassan, Golborne Residents" in html
    assert AuditEntry.objects.filter(actor=officer, action=Action.PRINTED).exists()


# --- A lead officer sees their own group's responses, never names --------------------------


def test_in_the_database_a_lead_officer_gets_only_their_groups_text_without_names(
    health_lead, consultation, theme_consultation, responses_to_both
):
    assert pages_taking_responses_for(health_lead) == [theme_consultation.page_ptr]
    with CaptureQueriesContext(connection) as queries:
        rows = response_rows(health_lead, theme_consultation)
    read = " ".join(
        query["sql"]
        for query in queries.captured_queries
        if 'FROM "consultations_response"' in query["sql"]
    )
    assert read, "the responses were read"
    for column in ("name", "email", "address", "user_id", "member_id"):
        assert f'"consultations_response"."{column}"' not in read, column
    assert "members_user" not in read and "members_member" not in read
    assert sorted(row.answers[1]["answer"] for row in rows) == [
        "Health: school meals",
        "Health: walking buses",
    ]
    assert {row.organisation for row in rows} == {
        "Amira's Residents Association",
        "Ben's Residents Association",
    }
    assert all(row.name is None and row.email is None and row.address is None for row in rows)
    with pytest.raises(NotAllowedToSee):
        response_rows(health_lead, consultation)


def test_over_http_a_lead_officer_sees_text_and_organisations_but_no_names(
    client, health_lead, consultation, theme_consultation, responses_to_both
):
    client.force_login(health_lead)
    listing = client.get("/responses/manage/").content.decode()
    assert theme_consultation.title in listing and consultation.title not in listing
    page = client.get(manage_url(theme_consultation)).content.decode()
    assert "Health: school meals" in page and "Ben&#x27;s Residents Association" in page
    for personal in ("Amira", "Hassan", "Okafor", "residents.example"):
        assert personal not in page.replace("Amira&#x27;s Residents", ""), personal
    found = client.get(manage_url(theme_consultation), {"q": "Hassan"}).content.decode()
    assert "No responses match" in found  # names are not even searched
    for tail in ("responses.csv", "print/", "record/"):
        refused = client.get(manage_url(theme_consultation, tail))
        assert refused.status_code == 403, tail
        assert "Hassan" not in refused.content.decode()
    other = client.get(manage_url(consultation))
    assert other.status_code == 403
    assert "Steering Group: more induction" not in other.content.decode()
    assert (
        AuditEntry.objects.filter(
            actor=health_lead, action=Action.VIEWED, details__included_names=False
        ).count()
        == 2
    )


def test_control_with_rights_on_the_other_group_the_lead_officer_sees_its_responses(
    client, health_lead, steering_group, consultation, responses_to_both
):
    """The same requests as above succeed once the lead officer also leads the Steering
    Group: the refusals come from the rights, not from a broken screen."""
    add_lead_officer(health_lead, steering_group)
    rows = response_rows(health_lead, consultation)
    assert [row.answers[1]["answer"] for row in rows] == ["Steering Group: more induction"]
    client.force_login(health_lead)
    page = client.get(manage_url(consultation))
    assert page.status_code == 200
    assert "Steering Group: more induction" in page.content.decode()
    assert "Hassan" not in page.content.decode()


def test_control_an_officer_sees_the_names_the_lead_officer_does_not(
    officer_client, officer, theme_consultation, responses_to_both
):
    page = officer_client.get(manage_url(theme_consultation)).content.decode()
    assert "Amira Hassan" in page and "Ben Okafor" in page
    with CaptureQueriesContext(connection) as queries:
        rows = response_rows(officer, theme_consultation)
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert '"consultations_response"."name"' in read  # the lead officer's check can fail
    assert {row.name for row in rows} == {"Amira Hassan", "Ben Okafor"}


def test_a_page_that_takes_no_responses_has_no_officers_screen(officer_client, report):
    assert officer_client.get(manage_url(report)).status_code == 403


def test_an_officer_opens_a_paper_for_comments_from_the_list(officer_client, report):
    closes = (timezone.localtime() + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    listing = officer_client.get("/responses/manage/").content.decode()
    assert report.title in listing  # offered in the list of papers
    response = officer_client.post(
        "/responses/manage/open-for-comments/", {"paper": report.pk, "closes_at": closes}
    )
    assert response.status_code == 302
    assert report.comment_periods.count() == 1
    past = officer_client.post(
        "/responses/manage/open-for-comments/",
        {"paper": report.pk, "closes_at": "2001-01-01T10:00"},
    )
    assert past.status_code == 400
    assert "The closing date must be in the future" in past.content.decode()


def test_the_service_refuses_a_response_to_a_page_that_takes_none(officer, report):
    with pytest.raises(ResponsesError, match="This page takes no responses"):
        record_response(
            report,
            by=officer,
            channel="post",
            received_on=timezone.localdate(),
            answers=[],
            name="Edith Carter",
        )
    assert not Response.objects.exists()


def test_the_service_refuses_online_as_an_offline_channel(officer, consultation):
    with pytest.raises(ResponsesError, match="by post, telephone or at an event"):
        record_response(
            consultation,
            by=officer,
            channel="online",
            received_on=timezone.localdate(),
            answers=answers(),
            name="Edith Carter",
        )
    assert not Response.objects.exists()


@pytest.fixture
def doris(consultation):
    return Member.objects.create(
        name="Doris Lane",
        kind=Member.Kind.RESIDENT,
        route=Member.Route.POST,
        postal_address="2 Ladbroke Grove\nLondon",
        postcode="W11 3BQ",
    )


def record_dorises_letter(consultation, officer, doris):
    return record_response(
        consultation,
        by=officer,
        channel="post",
        received_on=timezone.localdate(),
        answers=answers(),
        member=doris,
    )


def test_recording_the_same_postal_members_response_twice_is_refused_with_a_message(
    officer, consultation, doris
):
    record_dorises_letter(consultation, officer, doris)
    with pytest.raises(ResponsesError, match="A response from Doris Lane is already recorded"):
        record_dorises_letter(consultation, officer, doris)
    assert Response.objects.count() == 1
    assert AuditEntry.objects.filter(action="consultations.recorded").count() == 1


def test_a_second_officer_saving_the_same_letter_at_the_same_moment_gets_a_message(
    officer, consultation, doris
):
    """The other officer's row lands after any check this one could make and before its
    insert: the database's constraint refuses it, and the officer is told why, not a 500."""

    def the_other_officer_saves_first(sender, instance, **kwargs):
        signals.pre_save.disconnect(the_other_officer_saves_first, sender=Response)
        Response.objects.create(
            page=consultation, member=doris, channel="telephone", answers=answers()
        )

    signals.pre_save.connect(the_other_officer_saves_first, sender=Response)
    try:
        with pytest.raises(ResponsesError, match="already recorded for this page"):
            record_dorises_letter(consultation, officer, doris)
    finally:
        signals.pre_save.disconnect(the_other_officer_saves_first, sender=Response)
    # Here the other officer's row was made inside this attempt's savepoint, so it is rolled
    # back with it; what matters is that this attempt saved and logged nothing.
    assert not Response.objects.filter(channel="post").exists()
    assert not AuditEntry.objects.filter(action="consultations.recorded").exists()


@pytest.fixture
def groups_under_an_index(home_page):
    """The site's shape: /theme-groups/ (depth 3) above two groups, each consulting."""
    index = publish(home_page, GroupIndexPage(title="Theme groups", slug="theme-groups"))
    consultations = {}
    for title, slug in (("Housing Partnership", "housing"), ("Safer Streets", "safer-streets")):
        group = publish(
            index,
            GroupPage(title=title, slug=slug, kind=GroupPage.Kind.THEME_GROUP, purpose="Works."),
        )
        consultations[slug] = make_consultation(group, title=f"{title}: your views", slug="views")
    return index, consultations


def editor_of(django_user_model, page):
    """Someone given edit rights on one page by hand, through a Django group of their own."""
    user = django_user_model.objects.create_user(email=f"editor.{page.slug}@kcp.example")
    group = Group.objects.create(name=f"Editors of {page.title}")
    GroupPagePermission.objects.create(
        group=group,
        page=page,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    user.groups.add(group)
    return user


def test_edit_rights_on_the_index_of_groups_show_no_groups_responses(
    django_user_model, groups_under_an_index
):
    index, consultations = groups_under_an_index
    editor = editor_of(django_user_model, index)
    assert pages_taking_responses_for(editor) == []
    for page in consultations.values():
        with pytest.raises(NotAllowedToSee):
            response_rows(editor, page)


def test_edit_rights_on_one_group_page_show_that_groups_responses_only(
    django_user_model, groups_under_an_index
):
    _index, consultations = groups_under_an_index
    housing = consultations["housing"].get_parent()
    editor = editor_of(django_user_model, housing)
    assert pages_taking_responses_for(editor) == [consultations["housing"].page_ptr]
    assert response_rows(editor, consultations["housing"]) == []
    with pytest.raises(NotAllowedToSee):
        response_rows(editor, consultations["safer-streets"])
