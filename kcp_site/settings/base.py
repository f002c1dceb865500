"""Settings shared by every environment; each value that differs between machines comes
from an environment variable (see the configuration table in README.md)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from .environment import BASE_DIR, PROJECT_DIR, VAR_DIR, env_bool, env_list

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "papers",
    "papers.governance",
    "papers.indicators",
    "papers.packs",
    "themegroups",
    "themegroups.representation",
    "members",
    "members.events",
    "members.consultations",
    "members.risks",
    "members.membership_issues",
    "members.outreach",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "home.views.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Above the page cache, so cached pages carry the same policy as fresh ones.
    "home.security.SitePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 Not Modified for feed and calendar pollers, cached pages included.
    "django.middleware.http.ConditionalGetMiddleware",
    "home.http_caching.CacheControlMiddleware",
    # Before sessions: a cached page for an anonymous visitor skips everything below.
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.accounts.middleware.StaffIdleTimeoutMiddleware",
    "members.accounts.middleware.RequireTwoFactorForPublishersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A publish an app refuses (a meeting whose agenda is not agreed) is a message, not a 500.
    "papers.refused_publishing.RefusedPublishMiddleware",
    # Last: the site, its settings, navigation and footer, kept per cache generation.
    "home.site_chrome.SiteChromeMiddleware",
]

ROOT_URLCONF = "kcp_site.urls"
WSGI_APPLICATION = "kcp_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # Filters every template may use without {% load %}, as it uses `date`:
            # end_sentence (no "6.30 p.m..").
            "builtins": ["home.templatetags.sentences"],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite under var/ by default (make run); PostgreSQL in production via DATABASE_URL.
DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'kcp.sqlite3'}"
# How long a request waits for a database lock before giving up with a 503 that says nothing
# was saved (home.busy_database), well inside gunicorn's 30 s worker timeout.
KCP_DB_LOCK_TIMEOUT_SECONDS = float(os.environ.get("KCP_DB_LOCK_TIMEOUT_SECONDS", "5"))


def postgres_lock_timeout_options() -> dict:
    return {"options": f"-c lock_timeout={int(KCP_DB_LOCK_TIMEOUT_SECONDS * 1000)}"}


DATABASES = {
    # Persistent connections are checked before reuse, so a database failover costs one
    # reconnect instead of an error on each worker's next request.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_SQLITE_URL,
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = postgres_lock_timeout_options()
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker and the web server read while the other writes; IMMEDIATE
    # transactions take the write lock up front instead of failing with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": KCP_DB_LOCK_TIMEOUT_SECONDS,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    # The database cache is shared by every process (web, worker), so login rate limits hold
    # across all of them. `migrate` creates its table (see home.apps).
    # Its records are allauth's rate limits and codes (a few per member and per address)
    # and the page-cache generation: room for tens of thousands, so a busy day never culls
    # a live record, and when full a tenth (not a third) is culled, expired ones first.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "kcp_cache",
        "OPTIONS": {
            "MAX_ENTRIES": int(os.environ.get("KCP_CACHE_MAX_ENTRIES", "100000")),
            "CULL_FREQUENCY": 10,
        },
    },
    # Pages for anonymous visitors (home.page_cache), in each process's memory: their keys
    # carry a generation kept in the shared default cache, so publishing anywhere empties all.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kcp-pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
# With REDIS_URL, pages and fragments are shared by every process in Redis (home.redis_cache:
# a Redis failure is a miss). The default cache and the sessions stay in the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES["pages"] = {
        "BACKEND": "home.redis_cache.MissOnErrorRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "kcp",
    }
# The shared cache in front (Varnish, deploy/varnish/): where home.front_cache sends its purges
# and bans after each commit. Unset (`make run`): nothing is sent.
KCP_VARNISH_URL = os.environ.get("KCP_VARNISH_URL", "")
WAGTAILFRONTENDCACHE = (
    {"varnish": {"BACKEND": "home.front_cache.FrontCacheBackend", "LOCATION": KCP_VARNISH_URL}}
    if KCP_VARNISH_URL
    else {}
)
# How long an anonymous visitor's page may be served from the cache. Publishing empties the
# cache at once; this bounds only what changes with the clock ("next meetings"). 0 turns it off.
KCP_PAGE_CACHE_SECONDS = int(os.environ.get("KCP_PAGE_CACHE_SECONDS", "300"))
# Cache-Control of what anonymous visitors get (home.http_caching): seconds a browser, and a
# shared cache in front of the site (CDN, proxy), may reuse a page without asking again.
KCP_HTTP_MAX_AGE = int(os.environ.get("KCP_HTTP_MAX_AGE", "60"))
KCP_HTTP_SHARED_MAX_AGE = int(os.environ.get("KCP_HTTP_SHARED_MAX_AGE", "120"))
# Template fragments (a group's members, priorities, links) are keyed on the page's revision and
# the generation, so they are never stale; this bounds only how long an unused one is kept.
KCP_FRAGMENT_CACHE_SECONDS = int(os.environ.get("KCP_FRAGMENT_CACHE_SECONDS", "3600"))
# How long a process trusts the cache generation it read last (home.page_cache) before reading
# it again from the shared cache: what another process published shows here within this time.
KCP_PAGE_CACHE_GENERATION_CHECK_SECONDS = float(
    os.environ.get("KCP_PAGE_CACHE_GENERATION_CHECK_SECONDS", "2")
)

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "members.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
# Joining the wider partnership (/join/) asks for an email address and no password: members
# sign in with a code emailed to them; officers and editors keep their passwords.
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_FORMS = {
    "signup": "members.partnership.forms.JoinForm",
    "login": "members.accounts.forms.SignInForm",
}
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = (
    "website"  # filled in only by robots: see members.partnership.forms
)
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = int(os.environ.get("KCP_LOGIN_CODE_SECONDS", "900"))
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_EMAIL_CONFIRMATION_HMAC = True
# Confirming in the browser that joined signs the person in (allauth allows it only there).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    # Failed logins per client address, and per account *from one address* (the key carries
    # the address: members.adapters), so nobody can lock a named officer out from elsewhere.
    # Both are held in the shared database cache; the windows are short.
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    # Joining and asking for sign-in codes: enough for a family on one connection, too few
    # for a script (allauth's limits stand in for a CAPTCHA, with the join form's honeypot).
    "signup": "10/m/ip,60/h/ip",
    "request_login_code": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kensington and Chelsea Partnership"
KCP_MFA_REQUIRED = env_bool("KCP_MFA_REQUIRED", True)

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kensington and Chelsea Partnership"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Password resets go through allauth (rate-limited, no account enumeration).
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "rtf", "txt", "xlsx", "xls", "ods", "csv"]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "home.search_backend",
        # English stemming on PostgreSQL: "priority" finds "priorities".
        "SEARCH_CONFIG": "english"
        if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
        else None,
    }
}
WAGTAILEMBEDS_FINDERS = []  # no oEmbed look-ups: the site makes no third-party requests
WAGTAIL_I18N_ENABLED = False

# --- Background work ------------------------------------------------------------------------
TASKS = {
    # Wagtail queues its search and reference-index updates on the default backend: they
    # run at once, in the request.
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    # Email and slow work go to the database queue, run by `manage.py db_worker --backend
    # background`.
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# --- Email ----------------------------------------------------------------------------------
# Every message is queued in the outbox (home.outbox) in the transaction that decides to send
# it; the background worker delivers it through KCP_EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "home.email_backend.OutboxBackend"
KCP_EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds the delivery task waits on a silent mail server before trying again later.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "KCP <kcp@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# What the mail relay accepts per minute (0: no limit).
KCP_EMAIL_MAX_PER_MINUTE = int(os.environ.get("KCP_EMAIL_MAX_PER_MINUTE", "60"))
# A temporary failure is retried after this many seconds, doubling each time up to the maximum;
# after KCP_EMAIL_MAX_ATTEMPTS attempts the message is flagged failed for officers.
KCP_EMAIL_RETRY_BACKOFF_SECONDS = float(os.environ.get("KCP_EMAIL_RETRY_BACKOFF_SECONDS", "60"))
KCP_EMAIL_RETRY_MAX_BACKOFF_SECONDS = float(
    os.environ.get("KCP_EMAIL_RETRY_MAX_BACKOFF_SECONDS", "3600")
)
KCP_EMAIL_MAX_ATTEMPTS = int(os.environ.get("KCP_EMAIL_MAX_ATTEMPTS", "40"))
# Sent messages are deleted this many days after they were sent.
KCP_SENT_EMAIL_RETENTION_DAYS = int(os.environ.get("KCP_SENT_EMAIL_RETENTION_DAYS", "90"))

# --- Security that holds everywhere ---------------------------------------------------------
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
HEALTH_CHECK_PATH = "/health/"
KCP_ADMIN_PATH = "/admin/"

# Content-Security-Policy (django-csp 4; home/security.py picks the policy). Public and
# members' pages, and the admin's previews of them: the site's own scripts and styles only,
# no inline script or style, no nonce (anonymous pages are cached and shared).
CSP_REPORT_PATH = "/csp-report/"
_SITE_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],  # data: for the two-factor QR code
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],  # the admin shows previews in an iframe
    "report-uri": CSP_REPORT_PATH,
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _SITE_DIRECTIVES}
# The rest of the admin: Wagtail's widgets use inline scripts and styles, and blob: images
# for upload previews. Still nothing from another host.
KCP_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_SITE_DIRECTIVES,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF],
    }
}
# The admin without 'unsafe-inline' for scripts, in report-only mode: Wagtail 8 still writes
# inline scripts for InlinePanel and MultipleChooserPanel (a meeting's agenda items, a group's
# links) and the date, time and date-time pickers, so enforcing it would break them. Reports go
# to CSP_REPORT_PATH and are logged (README.md, "Production with Docker Compose").
KCP_ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "DIRECTIVES": {
        **KCP_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF],
    }
}
KCP_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# security.txt (RFC 9116): whom to tell about a security problem.
KCP_SECURITY_CONTACT = os.environ.get("KCP_SECURITY_CONTACT", "mailto:kcp@example.org")
# The key of outreach's suppression hashes (members.outreach.contacts.digest), kept apart from
# SECRET_KEY so rotating that never lets an old "leave me alone" lapse. Never rotate this one.
KCP_OUTREACH_SUPPRESSION_KEY = os.environ.get("KCP_OUTREACH_SUPPRESSION_KEY", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint reports every layout step at INFO, and the screen-only media queries of the
        # site's stylesheets (ignored in print, as they should be) as warnings.
        "weasyprint": {"level": "ERROR"},
    },
}

# The Partnership's own behaviour: demo content, scheduled jobs, and each domain's settings.
from .partnership import *  # noqa: E402, F403
