"""The one date column every paper type shares (papers.PaperArchiveDate), which the archive
sorts by: it follows what is published, never a draft, and goes with the page."""

import datetime

import pytest

from papers.models import PaperArchiveDate
from tests.papers.test_archive import add_meeting, add_report, archive_html

pytestmark = pytest.mark.django_db


def test_a_published_paper_is_listed_by_its_meetings_date(steering_group):
    report = add_report(add_meeting(steering_group, datetime.date(2009, 5, 13)), "May report")
    assert PaperArchiveDate.objects.get(page=report).date == datetime.date(2009, 5, 13)


def test_a_draft_with_a_new_date_leaves_the_archive_order_until_it_is_published(
    steering_group, paper_archive
):
    may = add_meeting(steering_group, datetime.date(2009, 5, 13))
    older = add_report(may, "Older report")
    add_report(add_meeting(steering_group, datetime.date(2010, 1, 20)), "Newer report")
    older.meeting_date = datetime.date(2011, 3, 1)
    older.save_revision()
    assert PaperArchiveDate.objects.get(page=older).date == datetime.date(2009, 5, 13)
    older.get_latest_revision().publish()
    assert PaperArchiveDate.objects.get(page=older).date == datetime.date(2011, 3, 1)


def test_the_archive_lists_the_newest_meeting_first_across_paper_types(
    client, steering_group, paper_archive, minutes
):
    add_report(add_meeting(steering_group, datetime.date(2030, 1, 1)), "Report from the future")
    html = archive_html(client)
    assert html.index("Report from the future") < html.index(minutes.title)


def test_a_deleted_paper_takes_its_date_with_it(steering_group):
    report = add_report(add_meeting(steering_group, datetime.date(2009, 5, 13)), "Gone")
    report.delete()
    assert not PaperArchiveDate.objects.filter(page_id=report.pk).exists()
