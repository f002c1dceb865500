"""Settings shared by every environment; each value that differs between machines comes
from an environment variable (see the configuration table in README.md)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "kcp_site"
VAR_DIR = Path(os.environ.get("KCP_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "papers",
    "themegroups",
    "members",
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
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a cached page for an anonymous visitor skips everything below.
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.RequireTwoFactorForPublishersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "kcp_site.urls"
WSGI_APPLICATION = "kcp_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
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
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_SQLITE_URL, conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker and the web server read while the other writes; IMMEDIATE
    # transactions take the write lock up front instead of failing with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    # The database cache is shared by every process (web, worker), so login rate limits hold
    # across all of them. `migrate` creates its table (see home.apps).
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "kcp_cache",
    },
    # Pages for anonymous visitors (home.page_cache), in each process's memory: their keys
    # carry a generation kept in the shared default cache, so publishing anywhere empties all.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kcp-pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
# How long an anonymous visitor's page may be served from the cache. Publishing empties the
# cache at once; this bounds only what changes with the clock ("next meetings"). 0 turns it off.
KCP_PAGE_CACHE_SECONDS = int(os.environ.get("KCP_PAGE_CACHE_SECONDS", "300"))

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
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
# Joining the wider partnership (/join/) asks for an email address and no password: members
# sign in with a code emailed to them; officers and editors keep their passwords.
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_FORMS = {"signup": "members.forms.JoinForm", "login": "members.forms.SignInForm"}
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"  # filled in only by robots: see members.forms
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
    # Failed logins per IP and per account; both are held in the shared database cache.
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
        "BACKEND": "wagtail.search.backends.database",
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
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "KCP <kcp@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security that holds everywhere ---------------------------------------------------------
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
HEALTH_CHECK_PATH = "/health/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Demo content for `make run`, loaded in this order by `manage.py load_demo_content`.
KCP_DEMO_CONTENT_LOADERS = ["home.demo", "themegroups.demo", "papers.demo", "members.demo"]
KCP_DEMO_CONTENT_ALLOWED = False

# Periodic jobs run by `manage.py run_scheduler`: (management command, every N seconds).
KCP_SCHEDULED_JOBS = [
    ("publish_scheduled", 60),
    ("send_news_and_views_reminders", 3600),
    ("apply_member_retention", 24 * 3600),
]

# News and Views (themegroups): updates are due this many days before a Steering Group
# meeting, and lead officers whose group has sent none are reminded this many days before that.
KCP_NEWS_AND_VIEWS_DEADLINE_DAYS = 7
KCP_NEWS_AND_VIEWS_REMINDER_DAYS = 3
