"""The whole demo site, crawled as a visitor would: no broken links, valid HTML everywhere."""

import io

import pytest
from django.core.management import call_command

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
