"""Keeping background work alive: tasks left RUNNING by a worker that died are queued again
after the lease (KCP_TASK_LEASE_SECONDS), and old records are cleared away."""

import datetime
import logging
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from . import outbox

logger = logging.getLogger(__name__)


def recover_abandoned_tasks() -> int:
    """A task still RUNNING a lease after it started lost its worker: make it READY again so
    another worker runs it. Every task must therefore be safe to run twice and finish well
    within the lease. Returns how many were re-queued."""
    stale = timezone.now() - datetime.timedelta(seconds=settings.KCP_TASK_LEASE_SECONDS)
    with transaction.atomic():
        abandoned = list(
            DBTaskResult.objects.filter(status="RUNNING", started_at__lt=stale)
            .select_for_update(skip_locked=True)
            .values_list("id", "task_path")
        )
        for task_id, task_path in abandoned:
            logger.warning("Task %s (%s) outlived its lease: queued again.", task_id, task_path)
        DBTaskResult.objects.filter(id__in=[task_id for task_id, _ in abandoned]).update(
            status="READY"
        )
    return len(abandoned)


def recover_background_work() -> dict[str, int]:
    return {
        "tasks": recover_abandoned_tasks(),
        "emails": outbox.recover_abandoned_emails(),
    }


def delete_old_task_results() -> int:
    cutoff = timezone.now() - datetime.timedelta(days=settings.KCP_TASK_RESULT_RETENTION_DAYS)
    deleted, _ = DBTaskResult.objects.filter(
        status__in=["SUCCESSFUL", "FAILED"], finished_at__lt=cutoff
    ).delete()
    return deleted


def delete_expired_sessions() -> None:
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


def clean_up_old_records() -> dict[str, int]:
    delete_expired_sessions()
    return {
        "task results": delete_old_task_results(),
        "sent emails": outbox.delete_sent_emails_past_retention(),
    }
