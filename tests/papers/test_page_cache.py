"""The anonymous page cache (home.page_cache), seen through papers: fast for visitors, yet
publishing, unpublishing or moving a page shows at once everywhere, and nobody is ever served
someone else's page or form."""

import datetime

import pytest
from django.core.cache import caches
from django.core.mail import EmailMessage
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.audit import record_access
from home.models import ScheduledJob, StandardPage
from home.outbox import queue_message
from home.page_cache import HIT_HEADER, current_generation
from papers.models import MeetingPage
from tests.fixtures.papers import LONDON, publish
from tests.papers.test_archive import add_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.KCP_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


@pytest.fixture
def upcoming_meeting(steering_group):
    start = datetime.datetime.now(LONDON).replace(microsecond=0) + datetime.timedelta(days=7)
    return publish(
        steering_group,
        MeetingPage(title="Next Steering Group", start=start, venue_name="The Town Hall"),
    )


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user(email="member@kcp.example", password="x" * 12)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_an_anonymous_visitor_gets_the_cached_page_the_second_time(client, report):
    get(client, "/")  # the very first request creates the site's settings row
    assert get(client, report.url)[HIT_HEADER] == "miss"
    assert get(client, report.url)[HIT_HEADER] == "hit"


def test_a_link_with_tracking_parameters_is_served_from_the_same_cache_entry(client, report):
    get(client, "/")
    assert get(client, report.url)[HIT_HEADER] == "miss"
    tracked = f"{report.url}?utm_source=alert&utm_medium=email&UTM_campaign=agenda"
    assert get(client, tracked)[HIT_HEADER] == "hit"
    assert get(client, f"{report.url}?print=1")[HIT_HEADER] == "miss"  # a real parameter


def test_a_process_reads_the_generation_from_memory_between_checks(
    settings, report, django_assert_num_queries, django_capture_on_commit_callbacks
):
    settings.KCP_PAGE_CACHE_GENERATION_CHECK_SECONDS = 60
    first = current_generation()
    with django_assert_num_queries(0):
        assert current_generation() == first
    with django_capture_on_commit_callbacks(execute=True):
        report.save_revision().publish()
    with django_assert_num_queries(0):  # this process made it: taken at once, once committed
        assert current_generation() != first


WHERE_A_PAPER_SHOWS = ["paper", "/papers/", "/papers/feed/", "/"]


def texts(client, report) -> dict[str, str]:
    urls = [report.url if url == "paper" else url for url in WHERE_A_PAPER_SHOWS]
    return {url: get(client, url).content.decode() for url in urls}


def test_publishing_a_change_shows_at_once_on_the_paper_archive_feed_and_home(
    client, paper_archive, report
):
    texts(client, report)
    assert get(client, "/papers/")[HIT_HEADER] == "hit"

    report.title = "Priorities for 2010/11"
    report.save_revision().publish()

    for url, html in texts(client, report).items():
        assert "Priorities for 2010/11" in html, url


def test_unpublishing_a_paper_removes_it_at_once_everywhere(client, paper_archive, report):
    texts(client, report)
    report.unpublish()
    assert client.get(report.url).status_code == 404
    for url in ("/papers/", "/papers/feed/", "/"):
        assert report.title not in get(client, url).content.decode(), url


def test_moving_a_paper_shows_its_new_address_at_once(client, paper_archive, report, later_meeting):
    old_url = report.url
    texts(client, report)
    report.move(later_meeting, pos="last-child")
    report.refresh_from_db()
    assert report.url != old_url
    moved = client.get(old_url)
    assert (moved.status_code, moved["Location"]) == (301, report.url)
    for url in ("/papers/", "/"):
        assert f'href="{report.url}"' in get(client, url).content.decode(), url


def test_a_new_paper_shows_at_once_in_the_archive_feed_and_home(client, paper_archive, meeting):
    for url in ("/papers/", "/papers/feed/", "/"):
        get(client, url)
    add_report(meeting, "Brand new report")
    for url in ("/papers/", "/papers/feed/", "/"):
        assert "Brand new report" in get(client, url).content.decode(), url


def test_cancelling_a_meeting_shows_at_once_in_the_calendar(
    client, meetings_index, upcoming_meeting
):
    get(client, "/meetings/calendar.ics")
    get(client, "/meetings/")
    upcoming_meeting.status = MeetingPage.Status.CANCELLED
    upcoming_meeting.save_revision().publish()
    assert "STATUS:CANCELLED" in get(client, "/meetings/calendar.ics").content.decode()
    assert "Cancelled" in get(client, "/meetings/").content.decode()


def test_restricting_a_page_takes_it_from_anonymous_visitors_at_once(client, paper_archive, report):
    texts(client, report)
    PageViewRestriction.objects.create(page=report, restriction_type="login")
    assert client.get(report.url).status_code == 302
    assert report.title not in get(client, "/papers/").content.decode()


def test_a_signed_in_member_never_gets_the_anonymous_cached_page(client, member, home_page):
    get(client, "/")
    get(client, "/")  # now cached for anonymous visitors
    client.force_login(member)
    response = get(client, "/")
    assert HIT_HEADER not in response
    assert "Sign out" in response.content.decode()


def test_an_anonymous_visitor_never_gets_a_signed_in_members_page(client, member, home_page):
    client.force_login(member)
    get(client, "/")
    client.logout()
    response = get(client, "/")
    assert response[HIT_HEADER] == "miss"
    assert "Sign out" not in response.content.decode()
    assert "Sign in" in response.content.decode()


def test_a_page_with_a_form_is_never_cached(client, home_page):
    locked = StandardPage(title="Password page", slug="password-page")
    publish(home_page, locked)
    PageViewRestriction.objects.create(page=locked, restriction_type="password", password="pw")
    first = get(client, "/password-page/")
    second = get(client, "/password-page/")
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert HIT_HEADER not in first and HIT_HEADER not in second


def test_a_visitor_with_a_message_waiting_is_not_served_from_the_cache(client, home_page):
    get(client, "/")
    client.cookies["messages"] = "anything"
    assert HIT_HEADER not in get(client, "/")


def test_sign_in_and_admin_pages_are_never_cached(client, home_page):
    for url in ("/accounts/login/", "/accounts/login/"):
        response = client.get(url)
        assert HIT_HEADER not in response


def test_search_results_are_cached_per_query(client, report):
    assert get(client, "/search/?query=priorities")[HIT_HEADER] == "miss"
    other = get(client, "/search/?query=nothing-like-it")
    assert other[HIT_HEADER] == "miss"
    assert report.title not in other.content.decode()


def test_queueing_an_email_or_a_scheduler_tick_keeps_the_cached_pages(client, report):
    get(client, "/")
    assert get(client, report.url)[HIT_HEADER] == "miss"
    queue_message(EmailMessage("Hello", "Body", to=["someone@kcp.example"]))
    ScheduledJob.objects.create(name="a job", next_run_at=timezone.now())
    assert get(client, report.url)[HIT_HEADER] == "hit"


def test_an_officer_viewing_personal_data_keeps_the_cached_pages(client, report, officer):
    """Every view of personal data writes an audit entry: none of them is on a page."""
    get(client, "/")
    assert get(client, report.url)[HIT_HEADER] == "miss"
    record_access(officer, "home.viewed_email", subject=("home.outgoingemail", 1))
    assert get(client, report.url)[HIT_HEADER] == "hit"
