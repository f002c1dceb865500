"""Settings for the test suite: PostgreSQL (the production database) started by tests/conftest.py.

The engine must already be PostgreSQL when settings load: pytest-django reads them before
conftest runs, and the conftest fills in the host (a throwaway server's socket) afterwards.
Set KCP_TEST_DATABASE=sqlite only for the SQLite smoke run."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR, postgres_lock_timeout_options

SECRET_KEY = "test-only-insecure-key"
KCP_OUTREACH_SUPPRESSION_KEY = "test-only-outreach-suppression-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Email is queued in the outbox as on the site (tests/conftest.py keeps EMAIL_BACKEND so,
# since Django's test set-up swaps in locmem); delivery goes to locmem's mail.outbox unless a
# test points it at the aiosmtpd server.
EMAIL_BACKEND = "home.email_backend.OutboxBackend"
KCP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
KCP_EMAIL_MAX_PER_MINUTE = 0
# Backoffs, leases, ticks and timeouts in milliseconds, so the suite stays fast.
EMAIL_TIMEOUT = 0.2
KCP_EMAIL_RETRY_BACKOFF_SECONDS = 0.02
KCP_EMAIL_RETRY_MAX_BACKOFF_SECONDS = 0.1
KCP_SCHEDULER_TICK_SECONDS = 0.01
KCP_TASK_LEASE_SECONDS = 0.5
KCP_DEMO_CONTENT_ALLOWED = True
KCP_POSTAL_PDF_CHUNK_SIZE = 2  # so a three-letter batch is rendered in two chunks and joined
KCP_ALERT_BUNDLE_SECONDS = 0  # bundling tests pass `now`
KCP_EVENT_OFFER_HOLD_MS = 50  # offers run out within a test; fixed-clock tests pass `now`
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # static files come from the apps' folders; no collectstatic in tests
# Tests that count queries or change rows without signals measure the view, not the page
# cache: it is off unless a test turns it on (tests/home/test_page_cache.py does), or the
# whole suite is run with KCP_TEST_PAGE_CACHE_SECONDS=300 to check nothing leaks through it.
KCP_PAGE_CACHE_SECONDS = int(os.environ.get("KCP_TEST_PAGE_CACHE_SECONDS", "0"))
# Every request reads the generation: tests roll back the database under the process's memory.
KCP_PAGE_CACHE_GENERATION_CHECK_SECONDS = 0

if os.environ.get("KCP_TEST_DATABASE", "postgres") == "postgres":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("PGDATABASE", "kcp"),
            "USER": os.environ.get("PGUSER", "postgres"),
            "PASSWORD": os.environ.get("PGPASSWORD", ""),
            "HOST": os.environ.get("PGHOST", ""),
            "PORT": os.environ.get("PGPORT", ""),
            "TEST": {"NAME": "kcp_test"},
            "OPTIONS": postgres_lock_timeout_options(),
        }
    }
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "home.search_backend", "SEARCH_CONFIG": "english"}
    }
else:
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
