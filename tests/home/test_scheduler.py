"""The scheduler runs periodic jobs (a page set to go live at a time goes live), never the same
job in two schedulers, survives a dropped database connection, re-queues abandoned tasks and
clears old records."""

import datetime
import io
import threading
import time

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from home.models import OutgoingEmail, StandardPage
from home.scheduling import file_lock, job_lock

pytestmark = pytest.mark.django_db


def test_scheduler_publishes_a_page_whose_go_live_time_has_passed(client, home_page):
    page = StandardPage(title="Embargoed notice", live=False)
    home_page.add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    page.save_revision().publish()  # with a future go-live time, publishing schedules it
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    assert client.get("/embargoed-notice/").status_code == 404

    time.sleep(1.2)
    call_command("run_scheduler", "--once", stdout=io.StringIO())

    assert client.get("/embargoed-notice/").status_code == 200


def test_a_failing_job_is_reported_and_does_not_stop_the_scheduler(settings):
    settings.KCP_SCHEDULED_JOBS = [("no_such_command", 60), ("publish_scheduled", 60)]
    errors = io.StringIO()
    call_command("run_scheduler", "--once", stdout=io.StringIO(), stderr=errors)
    assert "Scheduled job no_such_command failed" in errors.getvalue()


def run_scheduler(*arguments: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("run_scheduler", *arguments, "--verbosity", "2", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_schedulers_started_at_once_run_each_job_once(settings):
    settings.KCP_SCHEDULED_JOBS = [("publish_scheduled", 60), ("clean_up_old_records", 60)]
    start_together = threading.Barrier(2)
    outputs = []

    def scheduler():
        try:
            start_together.wait(timeout=10)
            outputs.append(run_scheduler("--ticks", "5"))
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    ran = "".join(out for out, _ in outputs)
    assert len(outputs) == 2
    assert ran.count("Ran scheduled job publish_scheduled.") == 1
    assert ran.count("Ran scheduled job clean_up_old_records.") == 1
    assert "".join(err for _, err in outputs) == ""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_while_one_scheduler_runs_a_job_another_cannot_take_its_lock(settings):
    held_elsewhere = []

    def other_scheduler():
        try:
            with job_lock("publish_scheduled") as held:
                held_elsewhere.append(held)
        finally:
            connection.close()

    with job_lock("publish_scheduled") as held:
        assert held
        thread = threading.Thread(target=other_scheduler)
        thread.start()
        thread.join(timeout=10)
    assert held_elsewhere == [False]


def test_on_sqlite_a_file_lock_keeps_a_second_scheduler_out(settings, tmp_path):
    settings.KCP_LOCK_DIR = tmp_path / "locks"
    with file_lock("publish_scheduled") as first:
        with file_lock("publish_scheduled") as second:
            assert (first, second) == (True, False)
    with file_lock("publish_scheduled") as after_release:
        assert after_release


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_the_database_drops_its_connection_the_next_tick_reconnects(settings):
    settings.KCP_SCHEDULED_JOBS = [("publish_scheduled", 0)]
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = None  # a persistent connection, as in production
    try:
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        finally:
            other.close()
        out, err = run_scheduler("--ticks", "2")
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = 0
        connection.close()
    assert err.count("Scheduled job publish_scheduled failed") == 1
    assert out.count("Ran scheduled job publish_scheduled.") == 1


@task(backend="background")
def long_report() -> str:
    return "done"


def test_a_task_left_running_by_a_dead_worker_is_queued_again_after_the_lease(settings):
    settings.KCP_TASK_LEASE_SECONDS = 60
    abandoned = DBTaskResult.objects.get(id=long_report.enqueue().id)
    abandoned.claim("worker-that-died")
    DBTaskResult.objects.filter(id=abandoned.id).update(
        started_at=timezone.now() - datetime.timedelta(seconds=61)
    )
    still_running = DBTaskResult.objects.get(id=long_report.enqueue().id)
    still_running.claim("worker-alive")

    call_command("recover_background_work", stdout=io.StringIO())

    abandoned.refresh_from_db()
    still_running.refresh_from_db()
    assert abandoned.status == "READY"
    assert still_running.status == "RUNNING"


def test_clean_up_deletes_old_results_expired_sessions_and_sent_emails_past_retention(settings):
    settings.KCP_TASK_RESULT_RETENTION_DAYS = 14
    settings.KCP_SENT_EMAIL_RETENTION_DAYS = 90
    now = timezone.now()
    old_result, new_result = (DBTaskResult.objects.get(id=long_report.enqueue().id) for _ in "ab")
    DBTaskResult.objects.filter(id=old_result.id).update(
        status="SUCCESSFUL", finished_at=now - datetime.timedelta(days=15)
    )
    DBTaskResult.objects.filter(id=new_result.id).update(status="SUCCESSFUL", finished_at=now)
    Session.objects.create(session_key="expired", session_data="", expire_date=now)
    Session.objects.create(
        session_key="current", session_data="", expire_date=now + datetime.timedelta(days=1)
    )
    for key, state, sent_days_ago in [
        ("old", "sent", 91),
        ("recent", "sent", 1),
        ("stuck", "failed", None),
    ]:
        OutgoingEmail.objects.create(
            idempotency_key=key,
            kind="test",
            to=["member@kcp.example"],
            subject=key,
            body_text="",
            state=state,
            next_attempt_at=now,
            sent_at=None if sent_days_ago is None else now - datetime.timedelta(days=sent_days_ago),
        )

    call_command("clean_up_old_records", stdout=io.StringIO())

    assert list(DBTaskResult.objects.values_list("id", flat=True)) == [new_result.id]
    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]
    assert sorted(OutgoingEmail.objects.values_list("idempotency_key", flat=True)) == [
        "recent",
        "stuck",
    ]


def test_the_scheduler_runs_the_recovery_and_clean_up_jobs(settings):
    jobs = dict(settings.KCP_SCHEDULED_JOBS)
    assert jobs["recover_background_work"] <= 60
    assert "clean_up_old_records" in jobs
