"""A database lock held past the request's budget: 503 with Retry-After and a page saying
nothing was saved, never a bare 500, and indeed nothing saved."""

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client

from home.views import server_error
from members.models import Member
from tests.fixtures.members import join_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
BUDGET_MS = 300


@pytest.fixture
def short_lock_budget():
    """Requests wait BUDGET_MS for a lock (production: KCP_DB_LOCK_TIMEOUT_SECONDS)."""
    options = connection.settings_dict["OPTIONS"]
    connection.close()
    connection.settings_dict["OPTIONS"] = {"options": f"-c lock_timeout={BUDGET_MS}"}
    yield
    connection.close()
    connection.settings_dict["OPTIONS"] = options


def test_joining_while_the_members_table_is_locked_answers_503_and_saves_nothing(
    interests,
    short_lock_budget,
    django_user_model,
):
    # Another session (a long migration, a stuck batch) holds the members' table.
    holder = connections.create_connection("default")
    with holder.cursor() as cursor:
        cursor.execute("BEGIN")
        cursor.execute(f"LOCK TABLE {Member._meta.db_table} IN ACCESS EXCLUSIVE MODE")
        response = Client(raise_request_exception=False).post("/join/", join_data(interests))
        cursor.execute("ROLLBACK")
    holder.close()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "Try again in a minute" in page
    assert not Member.objects.exists()  # as the page said: no account either
    assert not django_user_model.objects.filter(email="olwen.prydderch@example.org").exists()
    # Once the lock is gone, the same form goes through.
    assert Client().post("/join/", join_data(interests)).status_code == 302
    assert Member.objects.get().email == "olwen.prydderch@example.org"


def test_any_other_database_error_is_still_a_plain_500(rf):
    """Control: only a lock timeout is 'busy'; a lost connection stays an error."""
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Retry-After" not in response
