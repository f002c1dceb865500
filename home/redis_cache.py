"""The page and fragment caches in Redis, for when REDIS_URL is set: Django's own RedisCache,
with every Redis failure turned into a miss.

Only what can be rebuilt lives here (pages for anonymous visitors, template fragments). The
`default` cache (allauth's rate limits, the page-cache generation) and the sessions stay in the
database, so evicting or losing Redis logs nobody out, loosens no limit and brings back no
stale page: the keys carry the generation, which Redis never holds.

With Redis down, a read is a miss and a write is dropped: the page is rendered as if nothing
was cached, a template `{% cache %}` tag never raises, and the log says so at most once a
minute per process.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
WARNING_INTERVAL_SECONDS = 60.0
# A dead or stalled Redis costs a request at most this long per cache call.
DEFAULT_SOCKET_TIMEOUT_SECONDS = 0.25

_last_warning_at: float | None = None


def warn_redis_unavailable(error: RedisError) -> None:
    """One warning per minute per process, however many requests miss meanwhile."""
    global _last_warning_at
    now = time.monotonic()
    if _last_warning_at is not None and now - _last_warning_at < WARNING_INTERVAL_SECONDS:
        return
    _last_warning_at = now
    logger.warning("Redis is unavailable; pages are served uncached until it is back: %s", error)


class MissOnErrorRedisCache(RedisCache):
    """RedisCache whose failures are misses (reads) and no-ops (writes)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", DEFAULT_SOCKET_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            warn_redis_unavailable(error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            warn_redis_unavailable(error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            warn_redis_unavailable(error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError as error:
            warn_redis_unavailable(error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError as error:
            warn_redis_unavailable(error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            warn_redis_unavailable(error)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as error:
            warn_redis_unavailable(error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            warn_redis_unavailable(error)
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError as error:
            warn_redis_unavailable(error)

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            warn_redis_unavailable(error)
            return False
