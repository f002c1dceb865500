"""Background work: Wagtail's own jobs run at once; email and slow work go to the database queue."""

import pytest
from django_tasks import task, task_backends
from django_tasks_db.models import DBTaskResult


@task(backend="background")
def note_for_the_worker(message: str) -> str:
    return message


@pytest.mark.django_db
def test_background_tasks_wait_in_the_database_for_the_worker():
    result = note_for_the_worker.enqueue("send alerts")
    assert DBTaskResult.objects.get(id=result.id).status == "READY"


def test_wagtails_own_jobs_run_immediately():
    assert task_backends["default"].__class__.__name__ == "ImmediateBackend"
