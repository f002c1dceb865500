"""An alert about a meeting or an event says in its body when and where it is, not only in the
calendar attachment: the day, the time and the venue with its address, each once."""

import datetime

import pytest

from papers.models import MeetingPage
from tests.fixtures.events import make_event
from tests.fixtures.papers import LONDON

pytestmark = pytest.mark.django_db


def test_an_events_alert_says_when_and_where(events_index):
    event = make_event(
        events_index,
        start=datetime.datetime(2099, 1, 7, 10, 0, tzinfo=LONDON),
        end=datetime.datetime(2099, 1, 7, 13, 0, tzinfo=LONDON),
    )
    summary = event.posting_summary()
    assert summary.startswith(
        "Wednesday 7 January 2099, 10.00 a.m., at Kensington Town Hall, Hornton Street, "
        "London W8 7NX. Shape the next Community Strategy"
    )


def test_a_meetings_alert_names_the_venue_and_its_address_once():
    meeting = MeetingPage(
        title="Steering Group meeting",
        start=datetime.datetime(2099, 6, 2, 18, 30, tzinfo=LONDON),
        venue_name="The Town Hall",
        venue_address="The Town Hall\nHornton Street\nLondon W8 7NX",
    )
    assert meeting.posting_summary() == (
        "The agenda of the meeting on Tuesday 2 June 2099, 6.30 p.m., at The Town Hall, "
        "Hornton Street, London W8 7NX."
    )
