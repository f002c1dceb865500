"""The "your data" page is written for a person: grouped by what it is about, human labels,
dates in words, no internal fields, sent emails as subject and date only; the JSON download
stays complete, and the page is valid HTML."""

import json
import re

import pytest

from tests.site_crawl import html_errors

pytestmark = pytest.mark.django_db


def headings(page: str, level: int) -> list[str]:
    return re.findall(rf"<h{level}[^>]*>([^<]+)</h{level}>", page)


def test_the_page_is_grouped_by_subject_with_human_labels(member_client, joined_member):
    page = member_client.get("/members/your-data/").content.decode()
    assert headings(page, 2)[:4] == [
        "On this page",
        "Your account",
        "Your membership of the wider partnership",
        "What we sent you",
    ]
    assert "What you agreed to" in headings(page, 3)
    assert "<dt>Email</dt><dd>olwen.prydderch@example.org</dd>" in page
    assert "<dt>Route</dt><dd>Weekly digest</dd>" in page
    assert "<h3>Email addresses</h3>" in page


def test_the_page_leaves_out_internal_fields_and_gives_dates_in_words(member_client, joined_member):
    page = member_client.get("/members/your-data/").content.decode()
    for internal in ("idempotency_key", "Idempotency key", "Wagtailcore", "(empty)", "_id<"):
        assert internal not in page
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", page), "an ISO timestamp is shown"
    joined = joined_member.joined_at if hasattr(joined_member, "joined_at") else None
    year = str((joined or joined_member.verified_at).year)
    assert re.search(
        rf"<dd>\d{{1,2}} [A-Z][a-z]+ {year}( at \d{{1,2}}(\.\d\d)? [ap]\.m\.)?</dd>", page
    )


def test_sent_emails_show_subject_and_date_only(member_client, joined_member):
    page = member_client.get("/members/your-data/").content.decode()
    sent = page.split("<h3>Emails we sent you</h3>")[1].split("</section>")[0]
    assert "Confirm" in sent or "confirm" in sent
    assert "<dt>Subject</dt>" in sent and "<dt>Date</dt>" in sent
    assert "/accounts/confirm-email/" not in page
    assert "&lt;p&gt;" not in page and "Body" not in sent


def test_the_download_stays_complete_with_every_internal_field(member_client, joined_member):
    exported = json.loads(member_client.get("/members/your-data/download/").content)
    emails = exported["held"]["Background work"]["emails"]
    assert emails and {"idempotency_key", "body_text", "body_html"} <= set(emails[0])
    assert "account_record" in exported["held"]["account"]


def test_the_page_is_valid_html(member_client, joined_member):
    page = member_client.get("/members/your-data/").content.decode()
    assert html_errors({"your data": page}) == []
