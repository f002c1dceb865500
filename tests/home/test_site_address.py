"""One setting for the site's public address: with `PORT=8123 make run`, every link built
outside a request (alert emails and their List-Unsubscribe header, letters, the induction
email, the sitemap) starts with http://127.0.0.1:8123."""

import re
import subprocess

import pytest
from wagtail.models import Site

from home.site_address import sync_default_site
from members.models import Posting
from members.postal import letters as postal
from tests.fixtures.alerts import add_report, send_alerts
from tests.site_processes import REPO

pytestmark = pytest.mark.django_db

ADDRESS = "http://127.0.0.1:8123"


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_make_run_with_port_8123_gives_every_process_that_address():
    dry_run = subprocess.run(
        ["make", "--dry-run", "--always-make", "run", "PORT=8123"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    lines = [line for line in dry_run.splitlines() if "manage.py" in line or "run-site" in line]
    assert lines and all(f"WAGTAILADMIN_BASE_URL={ADDRESS}" in line for line in lines)


def test_the_wagtail_site_follows_the_setting(settings):
    settings.WAGTAILADMIN_BASE_URL = ADDRESS + "/"
    sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert site.root_url == ADDRESS


def test_every_link_of_an_alert_a_letter_and_the_sitemap_starts_with_the_address(
    settings, client, health_meeting, health_reader, deliver_outbox
):
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    sync_default_site()
    report = add_report(health_meeting)

    (message,) = send_alerts(deliver_outbox)
    html = message.alternatives[0][0]
    links = links_in(message.body) + links_in(html)
    links.append(message.extra_headers["List-Unsubscribe"].strip("<>"))
    assert len(links) >= 4
    assert all(link.startswith(ADDRESS + "/") for link in links), links

    posting = Posting.objects.get(page=report)
    letter = postal.render_letter(
        postal.LetterContent(
            position=1, member_number=1, name="Cyril Ferrand", address_lines=("1 Quenby Mews",),
            is_large_print=False, date=posting.posted_at.date(), interest_names=(),
            postings=(postal.LetterPosting.of(posting),),
        ),
        postal.PartnershipContact(name="KCP", address_lines=(), phone="", email=""),
    )  # fmt: skip
    assert f"On the website: {ADDRESS}{report.url}" in letter

    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{ADDRESS}{report.url}" in locations
    assert all(location.startswith(ADDRESS + "/") for location in locations)
