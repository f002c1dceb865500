"""Keeps PaperArchiveDate in step with each paper's live row: saved whole (publishing, an
import, a move between meetings) or with its meeting date among the fields saved. A draft
saved for later changes only the page's revision fields, so the archive keeps the live date."""

from django.db.models.signals import post_save

from .models.archive_dates import PaperArchiveDate
from .models.kinds import PAPER_PAGE_MODELS

KEPT_FIELDS = {"meeting_date"}


def keep_archive_date(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    if raw or (update_fields is not None and not KEPT_FIELDS & set(update_fields)):
        return
    PaperArchiveDate.objects.update_or_create(
        page_id=instance.pk,
        defaults={"date": instance.meeting_date},
    )


def connect_signals() -> None:
    for model in PAPER_PAGE_MODELS:
        post_save.connect(
            keep_archive_date, sender=model, dispatch_uid=f"kcp_archive_date_{model.__name__}"
        )
