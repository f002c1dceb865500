"""What a new user trips over in search: an event's rich-text summary reads as words, not
markup, and searching for the kind of a paper ("consultation") finds papers of that kind."""

import pytest

from tests.fixtures.events import make_event
from tests.fixtures.papers import make_consultation

pytestmark = pytest.mark.django_db


def test_an_event_result_shows_its_summary_as_words(client, events_index):
    make_event(events_index, purpose="<p>Shape the Strategy with partners &amp; residents.</p>")
    page = client.get("/search/", {"query": "workshop"}).content.decode()
    assert "<p>Shape the Strategy with partners &amp; residents.</p>" in page
    assert "&lt;p&gt;" not in page and "&amp;amp;" not in page


def test_searching_consultation_finds_a_consultation_without_the_word_in_its_title(
    client, steering_group
):
    make_consultation(steering_group, title="Priorities for 2009/10: your views")
    page = client.get("/search/", {"query": "consultation"}).content.decode()
    assert "Priorities for 2009/10: your views" in page
