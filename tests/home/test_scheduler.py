"""The scheduler runs periodic jobs: a page set to go live at a time goes live."""

import datetime
import io
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.models import StandardPage

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
