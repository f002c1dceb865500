"""The whole demo site, crawled as a visitor would: no broken links, valid HTML everywhere."""

import io

import pytest
from django.core.management import call_command

from members.models import Member
from members.partnership.demo import DEMO_MEMBERS
from tests.site_crawl import crawl, html_errors


@pytest.fixture
def crawled_site(client, db):
    call_command("load_demo_content", stdout=io.StringIO())
    pages = crawl(client, "/")
    pages.update(crawl(client, "/no-such-page/"))
    return pages


def test_every_link_on_the_demo_site_leads_somewhere(crawled_site):
    broken = {
        path: response.status_code
        for path, response in crawled_site.items()
        if response.status_code not in (200, 301, 302) and path != "/no-such-page/"
    }
    assert not broken, f"Broken links: {broken}"
    assert len(crawled_site) > 5


def test_every_page_of_the_demo_site_is_valid_html(crawled_site):
    documents = {
        path: response.content.decode()
        for path, response in crawled_site.items()
        if "text/html" in response.get("Content-Type", "")
    }
    assert "/" in documents and "/accessibility/" in documents
    errors = html_errors(documents)
    assert not errors, "\n".join(errors)


def test_the_html_checker_itself_reports_a_broken_page():
    broken = "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div></p></body>"
    assert html_errors({"/broken/": broken})[0].startswith("/broken/ line 1:")


def test_the_crawl_covers_joining_the_privacy_notice_and_cookies(crawled_site):
    for path in ("/join/", "/privacy/", "/cookies/"):
        assert crawled_site[path].status_code == 200, path


def test_no_demo_members_name_email_or_address_is_on_any_public_page(crawled_site):
    assert Member.objects.count() == len(DEMO_MEMBERS)  # the demo members are loaded
    needles = set()
    for name, _kind, _organisation, _route, contact, _interests in DEMO_MEMBERS:
        needles.add(name)
        needles.add(contact.splitlines()[0])
    bodies = {
        path: b"".join(
            response.streaming_content if response.streaming else [response.content]
        ).decode(errors="replace")
        for path, response in crawled_site.items()
    }
    leaks = [
        f"{path}: {needle}"
        for path, body in bodies.items()
        for needle in needles
        if needle in body or needle.replace("'", "&#x27;") in body
    ]
    assert not leaks, leaks
