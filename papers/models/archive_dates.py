"""One row per paper, whatever its type, with the date the archive sorts by: the archive
orders every paper newest meeting first from one index instead of sorting rows gathered from
each paper type's own table (10,000 papers: see bench/site_speed.py).

Kept by papers.archive_dates (signals): written when a paper's live row is saved (publishing,
an import, a change of meeting date), deleted with the page."""

from django.db import models
from django.db.models import F
from wagtail.models import Page


class PaperArchiveDate(models.Model):
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="archive_date"
    )
    # The paper's meeting date (PaperPage.meeting_date); empty for a paper with no meeting.
    date = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                F("date").desc(nulls_last=True),
                F("page"),
                name="papers_archive_newest_first",
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.date}"
