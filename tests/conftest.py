"""Fixtures for the whole suite: the throwaway PostgreSQL every test runs on, and the people
and pages most tests start from."""

import os
from pathlib import Path

import pytest

from tests.throwaway_postgres import ThrowawayPostgres

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


@pytest.fixture
def test_templates(settings):
    """tests/templates/ searched too: templates the extension point tests register."""
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {**engine, "DIRS": [*engine["DIRS"], Path(__file__).parent / "templates"]}
    ]
