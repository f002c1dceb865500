"""Decisions and actions: who may record them (checked in the service, in the database), what
bad input is told, when an action is overdue, and the links both ways to the paragraph."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from wagtail.models import GroupPagePermission, Page

from papers.governance import services
from papers.governance.exceptions import (
    DueBeforeMeeting,
    NotAllowed,
    ReasonRequired,
    UnknownOwner,
    UnknownParagraph,
)
from papers.governance.models import Action, ActionStatus, ActionUpdate, Decision, Outcome

pytestmark = pytest.mark.django_db

AFTER_MEETING = datetime.date(2009, 9, 30)


def _action(by, meeting, owner, **fields):
    return services.record_action(
        by=by,
        meeting=meeting,
        text="Publish the review.",
        owner=owner,
        due_on=AFTER_MEETING,
        **fields,
    )


def test_an_officer_records_an_action_of_any_group(officer, meeting, theme_meeting, owner):
    _action(officer, meeting, owner)
    _action(officer, theme_meeting, owner)
    assert Action.objects.count() == 2


def test_a_lead_officer_records_actions_of_their_own_group(lead_officer, theme_meeting, owner):
    action = _action(lead_officer, theme_meeting, owner)
    assert Action.objects.get(pk=action.pk).meeting_id == theme_meeting.pk


def test_a_lead_officer_cannot_record_or_change_another_groups_actions(
    lead_officer, officer, meeting, owner
):
    with pytest.raises(NotAllowed):
        _action(lead_officer, meeting, owner)
    assert not Action.objects.filter(meeting=meeting).exists()

    theirs = _action(officer, meeting, owner)
    with pytest.raises(NotAllowed):
        services.post_progress(by=lead_officer, action=theirs, status=ActionStatus.DONE)
    with pytest.raises(NotAllowed):
        services.change_action(
            by=lead_officer, action=theirs, text="Changed.", owner=owner, due_on=AFTER_MEETING
        )
    theirs.refresh_from_db()
    assert theirs.status == ActionStatus.NOT_STARTED
    assert theirs.text == "Publish the review."
    assert not ActionUpdate.objects.exists()


def test_control_the_same_lead_officer_with_rights_at_the_root_may_do_all_of_it(
    lead_officer, officer, meeting, owner
):
    """Shows the refusals above come from the check: with edit rights at the root it passes."""
    group = lead_officer.groups.exclude(name__in=["Partnership officers"]).first()
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=Page.get_first_root_node(), permission_id=_permission(codename)
        )
    _action(lead_officer, meeting, owner)
    theirs = _action(officer, meeting, owner)
    services.post_progress(by=lead_officer, action=theirs, status=ActionStatus.DONE)
    assert Action.objects.filter(meeting=meeting).count() == 2
    assert Action.objects.get(pk=theirs.pk).status == ActionStatus.DONE


def _permission(codename: str) -> int:
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename).pk


def test_an_owner_who_does_not_exist_is_told_to_choose_a_contact(officer, meeting):
    with pytest.raises(UnknownOwner, match="Choose the owner from the contacts list"):
        _action(officer, meeting, 999999)
    assert not Action.objects.exists()


def test_a_due_date_before_the_meeting_is_refused(officer, meeting, owner):
    with pytest.raises(DueBeforeMeeting, match="give a later date"):
        services.record_action(
            by=officer,
            meeting=meeting,
            text="Too early.",
            owner=owner,
            due_on=datetime.date(2009, 5, 1),
        )
    assert not Action.objects.exists()


def test_dropping_an_action_needs_a_reason(officer, meeting, owner):
    action = _action(officer, meeting, owner)
    with pytest.raises(ReasonRequired, match="needs a reason"):
        services.post_progress(by=officer, action=action, status=ActionStatus.DROPPED)
    assert Action.objects.get(pk=action.pk).status == ActionStatus.NOT_STARTED
    services.post_progress(
        by=officer, action=action, status=ActionStatus.DROPPED, reason="Overtaken by the review."
    )
    assert Action.objects.get(pk=action.pk).dropped_reason == "Overtaken by the review."


def test_overdue_is_computed_from_the_due_date_and_status(officer, meeting, owner):
    action = _action(officer, meeting, owner)
    before, after = datetime.date(2009, 9, 29), datetime.date(2009, 10, 1)
    assert not action.is_overdue(before)
    assert action.is_overdue(after)
    assert list(Action.objects.overdue(after)) == [action]
    services.post_progress(by=officer, action=action, status=ActionStatus.DONE, note="Done.")
    action.refresh_from_db()
    assert not action.is_overdue(after)
    assert not Action.objects.overdue(after).exists()


def test_progress_keeps_the_history_of_status_changes(officer, meeting, owner):
    action = _action(officer, meeting, owner)
    services.post_progress(by=officer, action=action, status=ActionStatus.ON_TRACK, note="Begun.")
    services.post_progress(by=officer, action=action, status=ActionStatus.ON_TRACK, note="Half.")
    services.post_progress(by=officer, action=action, status=ActionStatus.DONE)
    history = [(u.previous_status, u.status) for u in action.updates.all()]
    assert history == [
        ("not_started", "on_track"),
        ("on_track", "on_track"),
        ("on_track", "done"),
    ]


def test_an_owner_with_a_verified_address_posts_progress_on_their_own_action(
    officer, meeting, owner, django_user_model
):
    action = _action(officer, meeting, owner)
    person = django_user_model.objects.create_user(email="rachel.smith@rbkc.example")
    with pytest.raises(NotAllowed):
        services.post_progress(by=person, action=action, status=ActionStatus.ON_TRACK)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    services.post_progress(by=person, action=action, status=ActionStatus.ON_TRACK, note="Begun.")
    assert Action.objects.get(pk=action.pk).status == ActionStatus.ON_TRACK
    assert list(services.actions_owned_by(person)) == [action]


def test_a_decision_points_at_a_minute_paragraph_that_exists(officer, meeting, minutes, report):
    decision = services.record_decision(
        by=officer,
        meeting=meeting,
        item_title="KCP Review",
        outcome=Outcome.NOTED,
        wording="The Steering Group noted the review.",
        paper=report,
        minutes=minutes,
        minute_number="2",
    )
    assert decision.anchor == "para-2"
    with pytest.raises(UnknownParagraph, match="no paragraph numbered 9"):
        services.record_decision(
            by=officer,
            meeting=meeting,
            item_title="KCP Review",
            outcome=Outcome.NOTED,
            wording="Noted.",
            paper=report,
            minutes=minutes,
            minute_number="9",
        )
    assert Decision.objects.get().minute_number == "2"


def test_actions_for_finds_the_actions_of_a_page_a_meeting_and_a_group(
    officer, meeting, minutes, owner, steering_group
):
    action = _action(officer, meeting, owner, source_page=minutes, source_number="1")
    assert list(services.actions_for(page=minutes)) == [action]
    assert list(services.actions_for(meeting=meeting)) == [action]
    assert list(services.actions_for(group=steering_group)) == [action]
