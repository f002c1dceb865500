"""Production settings: behind a TLS-terminating proxy, PostgreSQL from DATABASE_URL."""

import os
import sys

from .base import *  # noqa: F403
from .base import HEALTH_CHECK_PATH, STORAGES, env_bool

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    sys.exit("SECRET_KEY is not set: production settings refuse to start without it.")
KCP_OUTREACH_SUPPRESSION_KEY = os.environ.get("KCP_OUTREACH_SUPPRESSION_KEY", "")
if not KCP_OUTREACH_SUPPRESSION_KEY:
    sys.exit(
        "KCP_OUTREACH_SUPPRESSION_KEY is not set: production settings refuse to start without "
        "it (README.md says how to make one; never change it once set)."
    )

DEBUG = env_bool("DEBUG", False)

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer's health check speaks plain HTTP to the container.
SECURE_REDIRECT_EXEMPT = [rf"^{HEALTH_CHECK_PATH.strip('/')}/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
KCP_DEMO_CONTENT_ALLOWED = False
