"""Atom feeds of new papers, overall and per group: valid to a feed reader, public papers
only, and announced in the head of the archive and group pages."""

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from tests.papers.test_archive import add_meeting, add_report

pytestmark = pytest.mark.django_db


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def test_the_papers_feed_is_valid_atom_listing_new_papers_newest_first(
    client, paper_archive, report, action_plan
):
    feed = parse(client, "/papers/feed/")
    titles = [entry.title for entry in feed.entries]
    assert titles == [action_plan.title, report.title]
    entry = feed.entries[1]
    assert entry.link == f"http://testserver{report.url}"
    assert "Steering Group" in entry.summary and "This paper outlines" in entry.summary
    assert feed.feed.link == "http://testserver/papers/"


def test_a_groups_feed_lists_only_that_groups_papers(client, report, theme_group):
    import datetime

    health_meeting = add_meeting(theme_group, datetime.date(2009, 6, 1))
    add_report(health_meeting, "Health inequalities report")
    titles = [e.title for e in parse(client, "/papers/feed/health-and-well-being/").entries]
    assert titles == ["Health inequalities report"]
    assert report.title in [e.title for e in parse(client, "/papers/feed/steering-group/").entries]


def test_feeds_never_carry_drafts_or_restricted_papers(client, meeting):
    add_report(meeting, "Draft paper", publish_it=False)
    private = add_report(meeting, "Private paper")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for url in ("/papers/feed/", "/papers/feed/steering-group/"):
        assert parse(client, url).entries == []


def test_a_feed_for_an_unknown_group_is_not_found(client, home_page):
    assert client.get("/papers/feed/no-such-group/").status_code == 404


def test_archive_and_group_pages_announce_their_feeds(client, paper_archive, steering_group):
    archive = client.get("/papers/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in archive
    assert 'href="/papers/feed/"' in archive
    group = client.get(steering_group.url).content.decode()
    assert 'href="/papers/feed/steering-group/"' in group
