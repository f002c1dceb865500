"""Responding to a consultation or a paper open for comments: once per person, changeable
until closing; refused with a clear message before opening and after closing, and for bad
input (nothing saved); non-members by an emailed link when officers allow it; nobody reaches
another person's response."""

import datetime
import re

import pytest
from django.utils import timezone

from home.models import OutgoingEmail
from members.consultations.exceptions import NotTakingResponses
from members.consultations.models import Response
from members.consultations.services import (
    Responder,
    link_token,
    respond,
    taking_responses,
)
from papers.models import ConsultationPage
from tests.fixtures.consultations import answers, form_data
from tests.fixtures.papers import FIXED_NOW, make_consultation

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def respond_url(page) -> str:
    return f"/responses/{page.pk}/"


def test_a_signed_in_member_responds_at_once_and_is_told_it_is_saved(client, consultation, amira):
    client.force_login(amira)
    response = client.post(respond_url(consultation), form_data(), follow=True)
    assert response.status_code == 200
    assert "Thank you: your response is saved" in response.content.decode()
    saved = Response.objects.get()
    assert (saved.page_id, saved.user, saved.channel) == (consultation.pk, amira, "online")
    assert saved.answers == answers()


def test_responding_again_changes_the_one_response_until_closing(client, consultation, amira):
    client.force_login(amira)
    client.post(respond_url(consultation), form_data(first="First thoughts."))
    page = client.get(consultation.url).content.decode()
    assert "Change my response" in page and "First thoughts." in page
    client.post(respond_url(consultation), form_data(first="Second thoughts."))
    assert Response.objects.count() == 1
    assert Response.objects.get().answers[1]["answer"] == "Second thoughts."
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    refused = client.post(respond_url(consultation), form_data(first="Too late."))
    assert refused.status_code == 400
    assert "closed on" in refused.content.decode()
    assert "Nothing has been saved" in refused.content.decode()
    assert Response.objects.get().answers[1]["answer"] == "Second thoughts."


def test_the_service_takes_responses_only_while_open_at_a_fixed_clock(steering_group, amira):
    page = make_consultation(
        steering_group, opens_at=FIXED_NOW, closes_at=FIXED_NOW + DAY, slug="fixed"
    )
    member = Responder(user=amira)
    with pytest.raises(NotTakingResponses, match="open on 1 June 2009"):
        respond(taking_responses(page, FIXED_NOW - DAY), member, answers=answers())
    respond(taking_responses(page, FIXED_NOW), member, answers=answers(), now=FIXED_NOW)
    with pytest.raises(NotTakingResponses, match="closed on 2 June 2009"):
        respond(taking_responses(page, FIXED_NOW + DAY), member, answers=answers(first="Later"))
    assert [r.answers for r in Response.objects.all()] == [answers()]


@pytest.mark.parametrize(
    ("fixture", "message"),
    [("upcoming_consultation", "open on"), ("closed_consultation", "closed on")],
)
def test_a_consultation_not_open_refuses_with_a_clear_message(
    client, request, amira, fixture, message
):
    page = request.getfixturevalue(fixture)
    client.force_login(amira)
    shown = client.get(page.url).content.decode()
    assert message in shown and 'name="answer_first"' not in shown
    refused = client.post(respond_url(page), form_data())
    assert refused.status_code == 400
    assert message in refused.content.decode()
    assert "Nothing has been saved" in refused.content.decode()
    assert not Response.objects.exists()


TOO_LONG = "word " * 1001


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (form_data(first=""), "Write your answer to “What should the Partnership do first?”"),
        (form_data(priority=""), "Choose an answer to “Which area for action"),
        (form_data(priority="Something else"), "Choose one of the answers in the list"),
        (form_data(first=TOO_LONG), "Keep your answer to 5,000 characters or fewer"),
        (form_data(first="<script>alert(1)</script>"), "cannot contain HTML"),
        (form_data(first="Say &lt;b&gt; please"), "cannot contain HTML"),
        (form_data(organisation="<b>Big</b> Org"), "cannot contain HTML"),
        (form_data(organisation="x" * 201), "Keep the organisation"),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(client, consultation, amira, data, message):
    client.force_login(amira)
    response = client.post(respond_url(consultation), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "nothing has been saved yet" in html
    assert message in html.replace("&amp;", "&").replace("&#x27;", "'")
    assert not Response.objects.exists()


def test_bad_input_in_a_changed_response_loses_nothing_already_saved(
    client, consultation, amira, amiras_response
):
    client.force_login(amira)
    response = client.post(respond_url(consultation), form_data(first=""))
    assert response.status_code == 400
    amiras_response.refresh_from_db()
    assert amiras_response.answers[1]["answer"] == "Induction for new members, please."


def test_a_signed_out_visitor_is_asked_to_sign_in_and_cannot_post(client, consultation):
    page = client.get(consultation.url).content.decode()
    assert "Sign in to respond" in page and 'name="answer_first"' not in page
    refused = client.post(respond_url(consultation), form_data())
    assert refused.status_code == 403
    assert "Sign in to respond" in refused.content.decode()
    assert not Response.objects.exists()


@pytest.fixture
def open_to_everyone(consultation):
    consultation.allows_non_members = True
    consultation.save_revision().publish()
    return consultation


def emailed_link(email: str) -> str:
    body = OutgoingEmail.objects.get(to=[email]).body_text
    return re.search(r"http://testserver(/responses/\S+)", body).group(1)


def test_a_non_member_responds_after_confirming_their_email_address(client, open_to_everyone):
    page = client.get(open_to_everyone.url).content.decode()
    assert "Email me a link to respond" in page
    asked = client.post(
        f"/responses/{open_to_everyone.pk}/link/",
        {"name": "Noor Ali", "email": "noor@example.org"},
    )
    assert "Check your email" in asked.content.decode()
    link = emailed_link("noor@example.org")
    form = client.get(link).content.decode()
    assert 'name="answer_first"' in form
    token = link.split("link=")[1]
    done = client.post(respond_url(open_to_everyone), form_data(link=token))
    assert done.status_code == 302
    saved = Response.objects.get()
    assert (saved.email, saved.name, saved.user) == ("noor@example.org", "Noor Ali", None)
    client.post(respond_url(open_to_everyone), form_data(first="Changed.", link=token))
    assert Response.objects.get().answers[1]["answer"] == "Changed."


def test_asking_again_within_the_hour_sends_no_second_email(client, open_to_everyone):
    for _ in range(3):
        client.post(
            f"/responses/{open_to_everyone.pk}/link/",
            {"name": "Noor Ali", "email": "noor@example.org"},
        )
    assert OutgoingEmail.objects.filter(to=["noor@example.org"]).count() == 1


def test_the_link_form_names_what_to_fix_and_sends_nothing(client, open_to_everyone):
    response = client.post(
        f"/responses/{open_to_everyone.pk}/link/", {"name": "", "email": "not-an-address"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter your name" in html and "Enter an email address in the right form" in html
    assert not OutgoingEmail.objects.exists()


def test_a_link_for_another_page_or_altered_saves_nothing(
    client, open_to_everyone, upcoming_consultation
):
    other = link_token(upcoming_consultation, "noor@example.org", "Noor")
    good = link_token(open_to_everyone, "noor@example.org", "Noor")
    for token in (other, good[:-2] + "xx"):
        response = client.post(respond_url(open_to_everyone), form_data(link=token))
        assert response.status_code == 403
        assert "That link has expired or is not for this page" in response.content.decode()
    assert not Response.objects.exists()


def test_without_officers_allowing_it_a_non_member_cannot_ask_for_a_link(client, consultation):
    response = client.post(
        f"/responses/{consultation.pk}/link/", {"name": "Noor", "email": "noor@example.org"}
    )
    assert response.status_code == 400
    assert "Only members can respond" in response.content.decode()
    assert not OutgoingEmail.objects.exists()
    token = link_token(consultation, "noor@example.org", "Noor")
    assert client.post(respond_url(consultation), form_data(link=token)).status_code == 403
    assert not Response.objects.exists()


def test_one_member_cannot_see_or_change_anothers_response(
    client, consultation, amiras_response, ben
):
    client.force_login(ben)
    mine = client.get(respond_url(consultation)).content.decode()
    assert "Induction for new members, please." not in mine
    for url in (
        f"/responses/manage/{consultation.pk}/",
        f"/responses/manage/{consultation.pk}/print/",
        f"/responses/manage/{consultation.pk}/responses.csv",
        f"/responses/manage/{consultation.pk}/record/",
        f"/responses/manage/{consultation.pk}/?q=Induction",
    ):
        refused = client.get(url)
        assert refused.status_code == 403, url
        assert "Induction for new members" not in refused.content.decode()
    marked = client.post(f"/responses/manage/{consultation.pk}/", {"read": amiras_response.pk})
    assert marked.status_code == 403
    client.post(
        respond_url(consultation), form_data(first="Ben's own view.", id=amiras_response.pk)
    )
    amiras_response.refresh_from_db()
    assert amiras_response.answers[1]["answer"] == "Induction for new members, please."
    assert not amiras_response.is_read
    assert Response.objects.get(user=ben).answers[1]["answer"] == "Ben's own view."


def test_a_comment_on_a_paper_can_name_a_paragraph(client, report_open_for_comments, amira):
    client.force_login(amira)
    url = respond_url(report_open_for_comments)
    page = client.get(report_open_for_comments.url).content.decode()
    assert 'name="paragraph"' in page and 'name="answer_comments"' in page
    refused = client.post(url, {"answer_comments": "Agreed.", "paragraph": "see above"})
    assert refused.status_code == 400
    assert "like 2.6.4" in refused.content.decode()
    client.post(
        url, {"answer_comments": "Agreed, with one change.", "paragraph": "on paragraph 2.6.4"}
    )
    saved = Response.objects.get()
    assert (saved.paragraph, saved.answers[0]["answer"]) == ("2.6.4", "Agreed, with one change.")


def test_a_page_that_takes_no_responses_has_no_form(client, report, amira):
    client.force_login(amira)
    assert client.get(respond_url(report)).status_code == 404
    assert client.post(respond_url(report), {"answer_comments": "Hi"}).status_code == 404
    assert not Response.objects.exists()


def test_a_member_who_responded_signed_in_changes_that_response_by_an_emailed_link(
    client, open_to_everyone, amira
):
    client.force_login(amira)
    client.post(respond_url(open_to_everyone), form_data(first="Signed in."))
    client.logout()
    client.post(
        f"/responses/{open_to_everyone.pk}/link/",
        {"name": "Amira Hassan", "email": "AMIRA@residents.example"},
    )
    link = emailed_link("AMIRA@residents.example")
    form = client.get(link).content.decode()
    assert "Signed in." in form
    done = client.post(
        respond_url(open_to_everyone), form_data(first="By the link.", link=link.split("link=")[1])
    )
    assert done.status_code == 302
    saved = Response.objects.get()
    assert (saved.user, saved.email) == (amira, "")
    assert saved.answers[1]["answer"] == "By the link."


def test_a_response_sent_by_an_emailed_link_becomes_the_accounts_when_they_sign_in(
    client, open_to_everyone, amira
):
    token = link_token(open_to_everyone, "amira@residents.example", "Amira Hassan")
    client.post(respond_url(open_to_everyone), form_data(first="By the link.", link=token))
    client.force_login(amira)
    assert "By the link." in client.get(respond_url(open_to_everyone)).content.decode()
    client.post(respond_url(open_to_everyone), form_data(first="Signed in."))
    saved = Response.objects.get()
    assert (saved.user, saved.email) == (amira, "")
    assert saved.answers[1]["answer"] == "Signed in."
