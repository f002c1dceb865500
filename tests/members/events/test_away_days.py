"""The away day's sign-up: only current Steering Group seat holders answer (others a 403),
answers change until the cut-off and never after, one member never reaches another's answer,
officers alone see the answers and needs, and reminders go to exactly those who have not
answered: once per officer's action and once automatically, on fixed clocks."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from home.audit import AuditEntry
from home.models import OutgoingEmail
from members.events import away_days
from members.events.audit import Action
from members.events.exceptions import AnswersClosed, NotAnAwayDay, NotInvited
from members.events.models import (
    Audience,
    AwayDayReminder,
    EventKind,
    EventPlaces,
    Registration,
    RegistrationNeeds,
    Reply,
)
from members.events.officer_services import erase_needs_after_events
from tests.fixtures.events import in_days, make_event
from tests.people import give_seat

pytestmark = pytest.mark.django_db
Status = Registration.Status


def seat_holder(django_user_model, organisation, email, first_name, last_name="Member"):
    user = django_user_model.objects.create_user(
        email=email, password="correct horse battery", first_name=first_name, last_name=last_name
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    give_seat(user, organisation)
    return user


@pytest.fixture
def away_day(events_index):
    """An away day in 30 days; answers close in 20 days; reminder 3 days before that."""
    return make_event(
        events_index,
        title="Steering Group away day",
        slug="away-day",
        audience=Audience.STEERING_GROUP,
        kind=EventKind.AWAY_DAY,
        facilitator="Jane Hartley, Community Development Foundation",
        registration_closes=in_days(20),
        reminder_days_before_close=3,
        places=25,
    )


@pytest.fixture
def member_a(django_user_model, council):
    return seat_holder(django_user_model, council, "ann@kcp.example", "Ann", "Able")


@pytest.fixture
def member_b(django_user_model, council):
    return seat_holder(django_user_model, council, "bob@kcp.example", "Bob", "Baker")


@pytest.fixture
def member_c(django_user_model, council):
    return seat_holder(django_user_model, council, "cat@kcp.example", "Cat", "Cole")


def answer_data(reply="attending", **fields):
    return {"reply": reply, "note": "", "access_needs": "", "dietary_needs": "", **fields}


# --- Who may answer --------------------------------------------------------------------------


def test_a_steering_group_member_answers_and_sees_their_answer(client, away_day, member_a):
    client.force_login(member_a)
    url = reverse("events_answer", args=[away_day.slug])
    page = client.get(url)
    assert page.status_code == 200
    assert "You have not answered yet." in page.content.decode()
    response = client.post(
        url,
        answer_data(
            "tentative",
            note="Depends on the budget meeting",
            dietary_needs="Vegetarian",
            has_consented_to_needs="on",
        ),
        follow=True,
    )
    registration = Registration.objects.get(event=away_day, user=member_a)
    assert (registration.reply, registration.status) == (Reply.TENTATIVE, Status.CONFIRMED)
    assert registration.note == "Depends on the budget meeting"
    assert registration.needs.dietary_needs == "Vegetarian"
    assert EventPlaces.objects.get(event=away_day).taken == 1
    assert "Your answer now: <strong>Tentative</strong>" in response.content.decode()


def test_someone_without_a_seat_gets_a_clear_403_and_nothing_is_saved(
    client, away_day, wider_partnership_member, officer
):
    for person in (wider_partnership_member, officer):
        client.force_login(person)
        url = reverse("events_answer", args=[away_day.slug])
        for response in (client.get(url), client.post(url, answer_data())):
            assert response.status_code == 403
            assert "sign-up is for Steering Group members" in response.content.decode()
    assert not Registration.objects.filter(event=away_day).exists()


def test_a_member_whose_seat_has_ended_may_no_longer_answer(client, away_day, member_a):
    seat = member_a.steering_group_seats.get()
    seat.left = timezone.localdate() - datetime.timedelta(days=1)
    seat.save()
    client.force_login(member_a)
    response = client.post(reverse("events_answer", args=[away_day.slug]), answer_data())
    assert response.status_code == 403
    assert not Registration.objects.filter(event=away_day).exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, away_day):
    response = client.get(reverse("events_answer", args=[away_day.slug]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_ordinary_registration_form_of_an_away_day_leads_to_the_answer_form(
    client, away_day, member_a
):
    client.force_login(member_a)
    response = client.get(reverse("events_register", args=[away_day.slug]))
    assert response.status_code == 302
    assert response["Location"] == reverse("events_answer", args=[away_day.slug])


def test_an_away_day_must_be_for_the_steering_group_and_have_a_cut_off(events_index):
    event = make_event(events_index, title="Forum day", audience=Audience.PUBLIC)
    event.kind = EventKind.AWAY_DAY
    event.registration_closes = None
    with pytest.raises(ValidationError) as refusal:
        event.full_clean()
    assert "Steering Group members only" in str(refusal.value.message_dict["audience"])
    assert "cut-off" in str(refusal.value.message_dict["registration_closes"])


# --- Changing until the cut-off -----------------------------------------------------------


def test_answers_change_until_the_cut_off_and_places_follow(away_day, member_a):
    now = away_day.registration_closes - datetime.timedelta(days=5)
    answer = away_days.AwayDayAnswer
    away_days.answer_away_day(away_day, member_a, answer(Reply.ATTENDING), now=now)
    assert EventPlaces.objects.get(event=away_day).taken == 1
    away_days.answer_away_day(
        away_day, member_a, answer(Reply.NOT_ATTENDING, note="On leave"), now=now
    )
    registration = Registration.objects.get(event=away_day, user=member_a)
    assert (registration.reply, registration.status) == (Reply.NOT_ATTENDING, Status.CANCELLED)
    assert EventPlaces.objects.get(event=away_day).taken == 0
    just_before = away_day.registration_closes - datetime.timedelta(seconds=1)
    away_days.answer_away_day(away_day, member_a, answer(Reply.ATTENDING), now=just_before)
    assert Registration.objects.filter(event=away_day, user=member_a).count() == 1
    assert EventPlaces.objects.get(event=away_day).taken == 1


def test_no_answer_is_taken_or_changed_at_or_after_the_cut_off(away_day, member_a):
    before = away_day.registration_closes - datetime.timedelta(days=1)
    away_days.answer_away_day(
        away_day, member_a, away_days.AwayDayAnswer(Reply.ATTENDING), now=before
    )
    for late in (
        away_day.registration_closes,
        away_day.registration_closes + datetime.timedelta(1),
    ):
        with pytest.raises(AnswersClosed):
            away_days.answer_away_day(
                away_day, member_a, away_days.AwayDayAnswer(Reply.NOT_ATTENDING), now=late
            )
    assert Registration.objects.get(event=away_day, user=member_a).reply == Reply.ATTENDING


def test_after_the_cut_off_the_form_shows_the_answer_and_refuses_a_change(
    client, away_day, member_a
):
    away_days.answer_away_day(away_day, member_a, away_days.AwayDayAnswer(Reply.ATTENDING))
    type(away_day).objects.filter(pk=away_day.pk).update(
        registration_closes=timezone.now() - datetime.timedelta(minutes=1)
    )
    client.force_login(member_a)
    url = reverse("events_answer", args=[away_day.slug])
    page = client.get(url).content.decode()
    assert "Answers closed on" in page
    assert '<form method="post"' not in page
    response = client.post(url, answer_data("not_attending"))
    assert response.status_code == 400
    assert "The cut-off for answers has passed" in response.content.decode()
    assert Registration.objects.get(event=away_day, user=member_a).reply == Reply.ATTENDING


def test_the_form_without_a_choice_says_what_to_fix_and_saves_nothing(client, away_day, member_a):
    client.force_login(member_a)
    response = client.post(
        reverse("events_answer", args=[away_day.slug]),
        {"reply": "", "note": "Back soon", "dietary_needs": "Halal"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose whether you are attending, not attending or tentative." in page
    assert "Tick this box so we may keep your access and dietary needs" in page
    assert "Back soon" in page  # what was typed is kept
    assert not Registration.objects.filter(event=away_day).exists()


def test_needs_cleared_by_the_member_are_deleted_at_once(away_day, member_a):
    answer = away_days.AwayDayAnswer
    away_days.answer_away_day(
        away_day,
        member_a,
        answer(Reply.ATTENDING, access_needs="Step-free", has_consented_to_needs=True),
    )
    assert RegistrationNeeds.objects.count() == 1
    away_days.answer_away_day(away_day, member_a, answer(Reply.ATTENDING))
    assert RegistrationNeeds.objects.count() == 0


def test_needs_are_erased_after_the_away_day_by_the_usual_job(away_day, member_a):
    away_days.answer_away_day(
        away_day,
        member_a,
        away_days.AwayDayAnswer(
            Reply.ATTENDING, dietary_needs="Vegan", has_consented_to_needs=True
        ),
    )
    assert erase_needs_after_events(now=away_day.end + datetime.timedelta(days=31)) == 1
    assert not RegistrationNeeds.objects.exists()


# --- One member, one answer ----------------------------------------------------------------


def test_member_a_cannot_see_or_change_member_bs_answer_by_changing_an_id(
    client, away_day, member_a, member_b
):
    b_answer = away_days.answer_away_day(
        away_day,
        member_b,
        away_days.AwayDayAnswer(
            Reply.NOT_ATTENDING,
            note="Bob's private note",
            access_needs="BSL interpreter",
            has_consented_to_needs=True,
        ),
    )
    client.force_login(member_a)
    url = reverse("events_answer", args=[away_day.slug])
    for query in (f"?registration={b_answer.pk}", f"?user={member_b.pk}", f"?id={b_answer.pk}"):
        page = client.get(url + query).content.decode()
        assert "Bob's private note" not in page
        assert "BSL interpreter" not in page
    client.post(
        url,
        {**answer_data("attending"), "registration": b_answer.pk, "user": member_b.pk},
    )
    b_answer.refresh_from_db()
    assert (b_answer.reply, b_answer.note) == (Reply.NOT_ATTENDING, "Bob's private note")
    assert Registration.objects.get(event=away_day, user=member_a).reply == Reply.ATTENDING
    # And the officers' screen is closed to members, whatever the id.
    assert client.get(reverse("events_manage_away_day", args=[away_day.pk])).status_code == 403


def test_only_partnership_officers_see_the_answers_with_needs_and_it_is_audited(
    client, away_day, member_a, member_b, officer, lead_officer
):
    away_days.answer_away_day(
        away_day,
        member_a,
        away_days.AwayDayAnswer(
            Reply.ATTENDING, dietary_needs="No nuts", has_consented_to_needs=True
        ),
    )
    url = reverse("events_manage_away_day", args=[away_day.pk])
    client.force_login(lead_officer)
    assert client.get(url).status_code == 403
    client.force_login(officer)
    page = client.get(url).content.decode()
    assert "No nuts" in page
    assert "Bob Baker" in page  # not answered yet
    entry = AuditEntry.objects.get(action=Action.VIEWED)
    assert (entry.actor, entry.page_id, entry.details.get("included_needs")) == (
        officer,
        away_day.pk,
        True,
    )


# --- Reminders -------------------------------------------------------------------------------


def reminders_to(event) -> list[str]:
    return sorted(
        address
        for email in OutgoingEmail.objects.filter(kind="away_day_reminder")
        for address in email.to
    )


def test_an_officers_reminder_goes_to_exactly_those_who_have_not_answered_once_per_action(
    client, away_day, member_a, member_b, member_c, officer, smtp, deliver_outbox
):
    away_days.answer_away_day(away_day, member_a, away_days.AwayDayAnswer(Reply.ATTENDING))
    client.force_login(officer)
    remind = reverse("events_remind_away_day", args=[away_day.pk])
    first_action = {"token": "a" * 32}
    assert client.post(remind, first_action).status_code == 302
    assert client.post(remind, first_action).status_code == 302  # the same form sent again
    assert reminders_to(away_day) == ["bob@kcp.example", "cat@kcp.example"]
    deliver_outbox()
    assert sorted(message["To"] for message in smtp.messages) == [
        "bob@kcp.example",
        "cat@kcp.example",
    ]
    assert all(
        reverse("events_answer", args=[away_day.slug])
        in next(
            part.get_payload(decode=True).decode()
            for part in message.walk()
            if part.get_content_type() == "text/plain"
        )
        for message in smtp.messages
    )
    # Bob answers; a second action reminds only Cat.
    away_days.answer_away_day(away_day, member_b, away_days.AwayDayAnswer(Reply.NOT_ATTENDING))
    client.post(remind, {"token": "b" * 32})
    assert reminders_to(away_day) == ["bob@kcp.example", "cat@kcp.example", "cat@kcp.example"]
    assert list(away_day.reminders.values_list("recipients", flat=True)) == [2, 1]


def test_a_reminder_form_without_its_token_says_what_to_do(client, away_day, member_a, officer):
    client.force_login(officer)
    response = client.post(reverse("events_remind_away_day", args=[away_day.pk]), {"token": ""})
    assert response.status_code == 400
    assert "Reload the page and press the button again" in response.content.decode()
    assert not OutgoingEmail.objects.filter(kind="away_day_reminder").exists()


def test_members_cannot_send_reminders(client, away_day, member_a, member_b):
    client.force_login(member_a)
    response = client.post(
        reverse("events_remind_away_day", args=[away_day.pk]), {"token": "c" * 32}
    )
    assert response.status_code == 403
    assert not AwayDayReminder.objects.exists()


def test_the_automatic_reminder_goes_once_when_due_and_only_to_non_repliers(
    away_day, member_a, member_b, member_c
):
    away_days.answer_away_day(away_day, member_c, away_days.AwayDayAnswer(Reply.TENTATIVE))
    closes = away_day.registration_closes
    too_early = closes - datetime.timedelta(days=3, minutes=1)
    assert away_days.send_automatic_reminders(now=too_early) == 0
    assert reminders_to(away_day) == []
    due = closes - datetime.timedelta(days=3)
    assert away_days.send_automatic_reminders(now=due) == 2
    assert away_days.send_automatic_reminders(now=due + datetime.timedelta(hours=1)) == 0
    assert away_days.send_automatic_reminders(now=closes - datetime.timedelta(hours=1)) == 0
    assert reminders_to(away_day) == ["ann@kcp.example", "bob@kcp.example"]
    reminder = AwayDayReminder.objects.get()
    assert reminder.is_automatic and reminder.sent_by is None


def test_no_automatic_reminder_after_the_cut_off_or_when_switched_off(
    events_index, away_day, member_a
):
    assert away_days.send_automatic_reminders(now=away_day.registration_closes) == 0
    type(away_day).objects.filter(pk=away_day.pk).update(reminder_days_before_close=0)
    due = away_day.registration_closes - datetime.timedelta(days=1)
    assert away_days.send_automatic_reminders(now=due) == 0
    assert not OutgoingEmail.objects.filter(kind="away_day_reminder").exists()


def test_an_officer_cannot_remind_after_the_cut_off(away_day, member_a, officer):
    with pytest.raises(AnswersClosed):
        away_days.remind_non_repliers(
            away_day, token="d" * 32, by=officer, now=away_day.registration_closes
        )
    assert not AwayDayReminder.objects.exists()


def test_answering_an_event_that_is_not_an_away_day_is_refused(workshop, member_a):
    with pytest.raises(NotAnAwayDay):
        away_days.answer_away_day(workshop, member_a, away_days.AwayDayAnswer(Reply.ATTENDING))


def test_a_person_who_is_not_a_member_is_refused_by_the_service(away_day, wider_member):
    with pytest.raises(NotInvited):
        away_days.answer_away_day(away_day, wider_member, away_days.AwayDayAnswer(Reply.ATTENDING))


# --- The dashboard ---------------------------------------------------------------------------


def test_the_dashboard_shows_the_open_away_day_and_the_members_answer(
    client, away_day, member_a, member_b
):
    away_days.answer_away_day(away_day, member_a, away_days.AwayDayAnswer(Reply.TENTATIVE))
    client.force_login(member_a)
    page = client.get(reverse("members_dashboard")).content.decode()
    assert "Steering Group away day" in page
    assert "Your answer: <strong>tentative</strong>" in page
    client.force_login(member_b)
    assert "You have not answered yet." in client.get(reverse("members_dashboard")).content.decode()


def test_the_dashboard_shows_no_away_day_panel_to_others(client, away_day, wider_member):
    client.force_login(wider_member)
    assert "away-day-panel-heading" not in client.get(reverse("members_dashboard")).content.decode()


def test_the_scheduler_runs_the_automatic_reminder_job(settings, away_day, member_a):
    assert ("send_away_day_reminders", 3600) in settings.KCP_SCHEDULED_JOBS
    type(away_day).objects.filter(pk=away_day.pk).update(
        registration_closes=timezone.now() + datetime.timedelta(days=1)
    )
    call_command("send_away_day_reminders")
    call_command("send_away_day_reminders")
    assert reminders_to(away_day) == ["ann@kcp.example"]
