"""Redis as the page and fragment cache (home/redis_cache.py): shared by every process while
it runs, and when it dies, pages are served uncached with one warning, never an error."""

import json
import logging
import subprocess

import pytest

from home import redis_cache
from home.page_cache import HIT_HEADER
from tests.site_processes import PYTHON, REPO

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _warned_long_ago(monkeypatch):
    monkeypatch.setattr(redis_cache, "_last_warning_at", None)


def test_pages_and_fragments_are_kept_in_redis(client, redis_pages, steering_group, report):
    client.get("/")  # the site's settings row is made on the first request
    redis_pages_before = redis_pages.key_count()
    assert client.get(steering_group.url)[HIT_HEADER] == "miss"
    assert client.get(steering_group.url)[HIT_HEADER] == "hit"
    # The group page, and its two fragments ("about" and "more").
    assert redis_pages.key_count() >= redis_pages_before + 3


def test_redis_killed_mid_run_leaves_every_page_served_fragments_included(
    client, redis_pages, steering_group, report, caplog
):
    client.get("/")
    assert client.get(steering_group.url).status_code == 200
    redis_pages.kill()
    with caplog.at_level(logging.WARNING, logger="home.redis_cache"):
        for url in (steering_group.url, report.url, "/", "/papers/feed/"):
            response = client.get(url)
            assert response.status_code == 200, url
        group_page = client.get(steering_group.url)
    assert "Leads the Partnership." in group_page.content.decode()
    assert group_page[HIT_HEADER] == "miss"  # rendered afresh: nothing could be kept
    warnings = [r for r in caplog.records if r.name == "home.redis_cache"]
    assert len(warnings) == 1, "one warning a minute, however many requests miss"


def test_pages_are_cached_again_once_redis_is_back(client, redis_pages, report):
    client.get("/")
    redis_pages.kill()
    assert client.get(report.url).status_code == 200
    redis_pages.start()
    client.get(report.url)
    assert client.get(report.url)[HIT_HEADER] == "hit"


def test_with_redis_url_only_pages_and_fragments_move_to_redis():
    """Sessions and the default cache (rate limits, the page-cache generation) stay in the
    database, so losing Redis logs nobody out and loosens no limit."""
    script = (
        "import json; from django.conf import settings; "
        "print(json.dumps({'caches': {k: v['BACKEND'] for k, v in settings.CACHES.items()}, "
        "'sessions': settings.SESSION_ENGINE}))"
    )
    shown = subprocess.run(
        [PYTHON, "-c", f"import django; django.setup(); {script}"],
        cwd=REPO,
        env={
            "DJANGO_SETTINGS_MODULE": "kcp_site.settings.dev",
            "REDIS_URL": "redis://127.0.0.1:1/0",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    configured = json.loads(shown.stdout.strip().splitlines()[-1])
    assert configured["caches"] == {
        "default": "django.core.cache.backends.db.DatabaseCache",
        "pages": "home.redis_cache.MissOnErrorRedisCache",
    }
    assert configured["sessions"] == "django.contrib.sessions.backends.db"
