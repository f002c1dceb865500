"""What theme groups hold about a person, as the personal-data export and erasure see it."""

import datetime

import pytest
from django.utils import timezone

from home.extension_points import erase_personal_data, export_personal_data
from papers.models import MeetingPage
from tests.fixtures.papers import LONDON, publish
from themegroups.models import NewsAndViewsReminder, NewsAndViewsUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def update_and_reminder(steering_group, health_group, lead_officer):
    meeting = publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, 10 March 2099",
            start=datetime.datetime(2099, 3, 10, 18, 30, tzinfo=LONDON),
            venue_name="The Town Hall",
        ),
    )
    NewsAndViewsReminder.objects.create(meeting=meeting, user=lead_officer)
    return NewsAndViewsUpdate.objects.create(
        group=health_group,
        meeting=meeting,
        text="Smoking clinics opened in Golborne.",
        presenter="Dr Patel",
        submitted_by=lead_officer,
        submitted_at=timezone.now(),
    )


def test_a_lead_officers_updates_and_reminders_are_in_their_export(
    lead_officer, update_and_reminder
):
    exported = export_personal_data(lead_officer)["News and Views"]
    assert exported["updates_sent"][0]["text"] == "Smoking clinics opened in Golborne."
    assert exported["updates_sent"][0]["group"] == "Health and Well-Being Partnership"
    assert exported["reminders_received"][0]["meeting"] == "Steering Group meeting, 10 March 2099"


def test_erasing_a_lead_officer_keeps_the_groups_update_but_not_who_sent_it(
    lead_officer, update_and_reminder
):
    erase_personal_data(lead_officer)
    update_and_reminder.refresh_from_db()
    assert update_and_reminder.submitted_by is None
    assert update_and_reminder.text == "Smoking clinics opened in Golborne."
    assert not NewsAndViewsReminder.objects.filter(user=lead_officer).exists()
    lead_officer.refresh_from_db()
    assert not lead_officer.is_active and lead_officer.email == f"erased-{lead_officer.pk}@invalid"
