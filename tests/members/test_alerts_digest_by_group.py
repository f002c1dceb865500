"""The weekly digest is grouped by group, newest first: each group's heading once, the group
with the newest posting first, and each group's postings newest first."""

import datetime

import pytest
from django.template.loader import render_to_string

from members.alerts.digest_groups import by_group
from members.models import Posting
from tests.fixtures.alerts import add_report
from tests.fixtures.papers import LONDON

pytestmark = pytest.mark.django_db


def posted(page, day: int) -> Posting:
    posting = Posting.objects.get(page=page)
    posting.posted_at = datetime.datetime(2026, 12, day, 12, tzinfo=LONDON)
    posting.save(update_fields=["posted_at"])
    return posting


def test_the_digest_groups_postings_by_group_newest_first(health_meeting, safety_meeting):
    old_health = posted(add_report(health_meeting, title="Older health report"), 7)
    safety = posted(add_report(safety_meeting, title="Safety report"), 8)
    new_health = posted(add_report(health_meeting, title="Newest health report"), 9)

    groups = by_group([old_health, safety, new_health])
    assert [(group.name, [p.title for p in group.postings]) for group in groups] == [
        ("Health and Well-Being Partnership", ["Newest health report", "Older health report"]),
        ("Community Safety Programme Board", ["Safety report"]),
    ]

    text = render_to_string(
        "members/email/digest.txt",
        {"postings": [old_health, safety, new_health], "week_ending": safety.posted_at},
    )
    order = [
        text.index("== Health and Well-Being Partnership =="),
        text.index("Newest health report"),
        text.index("Older health report"),
        text.index("== Community Safety Programme Board =="),
        text.index("Safety report"),
    ]
    assert order == sorted(order)
