"""The home page's latest papers and next meetings: public only, with group and meeting,
in the same number of queries however many papers there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.papers.test_archive import add_report, bulk_papers
from tests.papers.test_meetings_calendar import add_meeting, in_days

pytestmark = pytest.mark.django_db


def test_home_shows_latest_public_papers_with_their_group_and_meeting(client, meeting):
    add_report(meeting, "Open report")
    add_report(meeting, "Draft report", publish_it=False)
    private = add_report(meeting, "Private report")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get("/").content.decode()
    assert "Open report" in html
    assert "Draft report" not in html and "Private report" not in html
    assert "Steering Group, <a" in html and "meeting of 13 May 2009" in html


def test_home_shows_next_public_meetings_with_their_group(client, steering_group):
    add_meeting(steering_group, in_days(3), title="Soon meeting")
    private = add_meeting(steering_group, in_days(2), title="Private meeting")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    add_meeting(steering_group, datetime.date(2009, 1, 1), title="Old meeting")
    html = client.get("/").content.decode()
    assert "Soon meeting" in html and "Steering Group, " in html
    assert "Private meeting" not in html and "Old meeting" not in html


def test_home_page_runs_as_many_queries_with_200_papers_as_with_10(client, meeting):
    bulk_papers(meeting, 10)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    bulk_papers(meeting, 190)
    client.get("/")  # new content, new cache generation: the site chrome is built again once
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(many) == len(few)
