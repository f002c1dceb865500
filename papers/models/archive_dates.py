"""One row per paper, whatever its type, with the date the archive sorts by: the archive
orders every paper newest meeting first from one index instead of sorting rows gathered from
each paper type's own table (10,000 papers: see bench/site_speed.py).

Kept by papers.archive_dates (signals): written when a paper's live row is saved (publishing,
an import, a change of meeting date), deleted with the page."""

from django.db import models
from wagtail.models import Page


class PaperArchiveDate(models.Model):
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="archive_date"
    )
    # The paper's meeting date (PaperPage.meeting_date); empty for a paper with no meeting.
    date = models.DateField(null=True, blank=True)

    # Its index, newest meeting first with undated papers last, is made by the migration
    # (papers 0008): PostgreSQL's `DESC NULLS LAST`, which SQLite's DESC already means.

    def __str__(self) -> str:
        return f"{self.page_id}: {self.date}"
