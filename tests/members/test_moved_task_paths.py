"""A background task queued before the members app changed shape still runs after it."""

import importlib

import pytest
from django.apps import apps
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

moved = importlib.import_module("members.migrations.0007_moved_task_paths")


@pytest.mark.django_db
def test_a_task_queued_under_its_old_module_is_pointed_at_the_new_one():
    queued = DBTaskResult.objects.create(
        task_path="members.services.alerts.send_postings",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="background",
        queue_name="default",
        priority=0,
    )
    moved.forwards(apps, None)
    queued.refresh_from_db()
    assert queued.task_path == "members.alerts.sending.send_postings"


def test_every_new_task_path_is_a_task():
    for new_path in moved.MOVED_TASKS.values():
        assert isinstance(import_string(new_path), Task)
