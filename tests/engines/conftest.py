"""Real engines in front of and beside the site: Varnish before the live test server, Redis for
the page and fragment caches. Each is started once per test process and stopped at the end."""

import urllib.request

import pytest

from tests.engine_processes import PUBLIC_HOST, Front, RedisServer, VarnishServer

# The papers' pages these tests read through the engines.


@pytest.fixture(scope="session")
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_pages(redis_server, settings):
    """Pages and fragments cached in the real Redis, as with REDIS_URL in production."""
    if not redis_server.is_running:
        redis_server.start()
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "home.redis_cache.MissOnErrorRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "kcp",
        },
    }
    settings.KCP_PAGE_CACHE_SECONDS = 300
    yield redis_server
    if not redis_server.is_running:
        redis_server.start()


@pytest.fixture(scope="session")
def varnish_server(live_server):
    port = int(live_server.url.rsplit(":", 1)[1])
    server = VarnishServer(port, PUBLIC_HOST)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def front(varnish_server, settings):
    """The site behind Varnish, with purges and bans on: what a reader sees."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "home.front_cache.FrontCacheBackend", "LOCATION": varnish_server.url}
    }
    # Forget what earlier tests left: their pages had other ids at the same addresses.
    urllib.request.urlopen(
        urllib.request.Request(
            varnish_server.url + "/", method="BAN", headers={"X-Ban-Url-Pattern": "^/"}
        ),
        timeout=5,
    )
    return Front(varnish_server)
