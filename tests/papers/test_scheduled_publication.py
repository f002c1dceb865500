"""Embargoed papers: a paper set to go live later is nowhere until the scheduler publishes it,
then everywhere at once (with the page cache on)."""

import datetime
import io
import time

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone

from papers.models import ReportPage

pytestmark = pytest.mark.django_db

WHERE_PAPERS_SHOW = ("/papers/", "/papers/feed/", "/")


def test_a_paper_scheduled_for_later_appears_only_once_the_scheduler_publishes_it(
    client, settings, paper_archive, meeting
):
    settings.KCP_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    paper = ReportPage(title="Embargoed budget report", purpose="Budget.", live=False)
    meeting.add_child(instance=paper)
    paper.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    paper.save_revision().publish()  # with a future go-live time, publishing schedules it
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    for url in WHERE_PAPERS_SHOW:
        assert "Embargoed budget report" not in client.get(url).content.decode(), url
    assert client.get("/papers/", {"q": "budget"}).content.decode().count("Embargoed") == 0

    time.sleep(1.2)
    call_command("run_scheduler", "--once", stdout=io.StringIO())

    for url in WHERE_PAPERS_SHOW:
        assert "Embargoed budget report" in client.get(url).content.decode(), url
