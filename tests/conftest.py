"""Fixtures for the whole suite: the throwaway PostgreSQL every test runs on, the real SMTP
server (aiosmtpd) email is delivered to, and the people and pages most tests start from."""

import os
import socket
from pathlib import Path

import pytest

from tests.people import SECRET, give_seat
from tests.site_processes import manage
from tests.smtp_server import SMTPServer
from tests.throwaway_postgres import ThrowawayPostgres

# The fixtures other folders share, one module per area (tests/fixtures/): registered here so
# that no test module imports a conftest. A folder's own conftest may still override a name.
pytest_plugins = [
    "tests.fixtures.papers",
    "tests.fixtures.themegroups",
    "tests.fixtures.members",
    "tests.fixtures.alerts",
    "tests.fixtures.postal",
    "tests.fixtures.events",
    "tests.fixtures.consultations",
    "tests.fixtures.indicators",
    "tests.fixtures.outreach",
]

# Playwright runs an event loop in the test thread; Django's ORM calls from that thread are
# still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session", autouse=True)
def _playwright_starts_before_the_database(request):
    """Playwright's sync API runs tests in a greenlet with its own context variables, where
    Django's connection objects are new ones. Starting it before the test database is set up
    keeps one connection object for the whole run, so the serialized copy of the migrated
    database (restored before each browser test) is not lost."""
    if any(item.get_closest_marker("browser") for item in request.session.items):
        request.getfixturevalue("playwright")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Point Django at a throwaway PostgreSQL server started for this run, unless the
    environment already names one (PGHOST), or the run is the SQLite smoke run."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql" or os.environ.get("PGHOST"):
        yield
        return
    server = ThrowawayPostgres()
    database["HOST"] = server.start()
    database["USER"] = "postgres"
    database["NAME"] = "postgres"
    try:
        yield
    finally:
        from django.db import connections

        connections.close_all()
        server.stop()


@pytest.fixture
def officer(django_user_model):
    """A Partnership officer with a verified email address."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from home.roles import PARTNERSHIP_OFFICERS

    user = django_user_model.objects.create_user(
        email="officer@kcp.example", password="correct horse battery", first_name="Rachel"
    )
    user.groups.add(Group.objects.get(name=PARTNERSHIP_OFFICERS))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()


# The fixtures below import Django's models and mail inside them, like those above: this
# module is imported before pytest-django has set Django up.


@pytest.fixture(autouse=True)
def _email_goes_through_the_outbox(settings):
    """Django's test set-up swaps EMAIL_BACKEND for locmem: put the site's outbox back, so a
    test sees what the site does (a row queued, then delivered)."""
    settings.EMAIL_BACKEND = "home.email_backend.OutboxBackend"


@pytest.fixture
def deliver_outbox(db):
    """Deliver every queued email now, as the worker would, and return what was delivered
    (mail.outbox, unless a test points delivery at the SMTP server)."""
    from django.core import mail

    from home.outbox import deliver_due_emails

    def deliver():
        while deliver_due_emails():
            pass
        return mail.outbox

    return deliver


@pytest.fixture
def run_worker():
    """Run the real django-tasks-db worker over the background queue until it is empty.
    Needs a transactional test: the worker closes stale connections as it goes."""
    from django_tasks_db.management.commands.db_worker import Worker

    def run(max_tasks: int | None = None) -> None:
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="background",
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()

    return run


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server on localhost (aiosmtpd), one per test process."""
    server = SMTPServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server, settings):
    """Delivery goes to the aiosmtpd server over SMTP; the test may stop and start it."""
    settings.KCP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = False
    smtp_server.clear()
    yield smtp_server
    if not smtp_server.is_running:
        smtp_server.start()


@pytest.fixture
def silent_smtp_server(settings):
    """A socket that accepts connections and never says a word: only EMAIL_TIMEOUT ends the
    wait. The kernel completes the handshake for the listening socket's backlog."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    settings.KCP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = listener.getsockname()[1]
    yield listener
    listener.close()


@pytest.fixture(scope="session")
def migrated_sqlite_site(tmp_path_factory):
    """A var/ folder with a migrated SQLite database, as `make run` leaves it: tests that run
    the site in other processes copy it rather than migrate again."""
    var_dir = tmp_path_factory.mktemp("sqlite-site")
    manage(var_dir, "migrate", "--no-input", "-v0")
    return var_dir


@pytest.fixture
def council(db):
    from home.models import Organisation

    return Organisation.objects.create(
        name="Royal Borough of Kensington and Chelsea", short_name="RBKC", sector="council"
    )


@pytest.fixture
def steering_group_member(django_user_model, council):
    """Someone holding a current Steering Group seat (so in the members' role)."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        email="joan.member@kcp.example",
        password="correct horse battery",
        first_name="Joan",
        last_name="Baptiste",
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    give_seat(user, council)
    return user


@pytest.fixture
def wider_partnership_member(django_user_model):
    """A member of the wider partnership, with no Steering Group seat."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from home.roles import WIDER_PARTNERSHIP_MEMBERS

    user = django_user_model.objects.create_user(
        email="wider.member@kcp.example", password="correct horse battery", first_name="Sam"
    )
    user.groups.add(Group.objects.get(name=WIDER_PARTNERSHIP_MEMBERS))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def test_templates(settings):
    """tests/templates/ searched too: templates the extension point tests register."""
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {**engine, "DIRS": [*engine["DIRS"], Path(__file__).parent / "templates"]}
    ]


@pytest.fixture
def officer_with_two_factor(officer):
    """The officer with an authenticator app set up: two-factor is required of officers on
    every signed-in request, documents included."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(officer, SECRET)
    return officer
