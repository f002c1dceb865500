"""Settings for `make run`: a laptop, SQLite, email delivered to the console."""

import os

from .base import *  # noqa: F403
from .base import env_bool
from .environment import local_key

# Off by default so `make run` shows the site's own error pages; DEBUG=true for tracebacks.
DEBUG = env_bool("DEBUG", False)
# Whitenoise serves static files straight from the apps' folders: no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
KCP_OUTREACH_SUPPRESSION_KEY = os.environ.get("KCP_OUTREACH_SUPPRESSION_KEY") or local_key(
    "outreach-suppression"
)
# Queued in the outbox like everywhere else; the worker prints each message to the console.
KCP_EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
KCP_DEMO_CONTENT_ALLOWED = True
