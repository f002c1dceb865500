"""Consultation pages and comment periods: the status follows the clock (tested at a fixed
one), shows at the top, filters the archive; consultations are papers for the archive,
search, feeds and their group's page; opening a paper for comments republishes nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Revision
from wagtail.signals import page_published

from papers.archive import archive_listing
from papers.consultations import ConsultationStatus, status_at
from papers.exceptions import CommentPeriodNotValid
from papers.models import CommentPeriod, ConsultationPage
from papers.services import open_for_comments
from tests.fixtures.papers import FIXED_NOW, LONDON, make_consultation
from tests.papers.test_archive import archive_html

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
OPENS = datetime.datetime(2009, 6, 1, 9, 0, tzinfo=LONDON)
CLOSES = datetime.datetime(2009, 7, 31, 17, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("now", "results_at", "expected"),
    [
        (OPENS - HOUR, None, ConsultationStatus.UPCOMING),
        (OPENS, None, ConsultationStatus.OPEN),
        (CLOSES - HOUR, None, ConsultationStatus.OPEN),
        (CLOSES, None, ConsultationStatus.CLOSED),
        (CLOSES + HOUR, CLOSES + 2 * HOUR, ConsultationStatus.CLOSED),
        (CLOSES + 2 * HOUR, CLOSES + 2 * HOUR, ConsultationStatus.RESULTS),
        # Results set early never show while it is still open.
        (CLOSES - HOUR, OPENS, ConsultationStatus.OPEN),
    ],
)
def test_the_status_follows_the_clock(now, results_at, expected):
    assert status_at(OPENS, CLOSES, now, results_at) == expected


@pytest.fixture
def four_consultations(steering_group):
    """One consultation in each state at FIXED_NOW (1 June 2009, noon)."""
    day = datetime.timedelta(days=1)
    return {
        "upcoming": make_consultation(
            steering_group,
            title="Upcoming one",
            opens_at=FIXED_NOW + day,
            closes_at=FIXED_NOW + 9 * day,
        ),
        "open": make_consultation(
            steering_group,
            title="Open one",
            opens_at=FIXED_NOW - day,
            closes_at=FIXED_NOW + day,
        ),
        "closed": make_consultation(
            steering_group,
            title="Closed one",
            opens_at=FIXED_NOW - 9 * day,
            closes_at=FIXED_NOW - day,
        ),
        "results": make_consultation(
            steering_group,
            title="Results one",
            opens_at=FIXED_NOW - 9 * day,
            closes_at=FIXED_NOW - 2 * day,
            results_published_at=FIXED_NOW - day,
        ),
    }


def test_each_page_reports_its_own_status_at_a_fixed_clock(four_consultations):
    assert {name: page.status_at(FIXED_NOW) for name, page in four_consultations.items()} == {
        name: ConsultationStatus(name) for name in four_consultations
    }


@pytest.mark.parametrize("status", ["upcoming", "open", "closed", "results"])
def test_the_archive_filters_consultations_by_status_at_a_fixed_clock(
    paper_archive, four_consultations, report, status
):
    listing = archive_listing({"consultation": status}, now=FIXED_NOW)
    assert [entry.title for entry in listing.entries] == [four_consultations[status].title]


def test_the_archive_page_offers_the_status_filter_and_lists_consultations_as_a_kind(
    client, paper_archive, consultation, report
):
    html = archive_html(client, consultation="open")
    assert 'name="consultation"' in html and "Consultations: open" in html
    assert consultation.title in html and report.title not in html
    html = archive_html(client, kind="consultation")
    assert consultation.title in html and report.title not in html
    html = archive_html(client, consultation="nonsense")
    assert "We could not use the consultation" in html and report.title in html


def test_a_status_filtered_archive_is_never_served_from_the_page_cache(
    client, paper_archive, consultation
):
    assert "no-cache" in client.get("/papers/?consultation=open")["Cache-Control"]


def test_search_finds_a_consultation_by_its_words(client, paper_archive, consultation, report):
    html = archive_html(client, q="priorities matter")
    assert consultation.title in html
    assert "1 paper matching" in html


def test_consultations_are_in_the_feeds_and_on_their_groups_page(
    client, steering_group, consultation
):
    feed = client.get("/papers/feed/").content.decode()
    assert consultation.title in feed
    group_feed = client.get(f"/papers/feed/{steering_group.slug}/").content.decode()
    assert consultation.title in group_feed
    assert consultation.title in client.get(steering_group.url).content.decode()


def test_a_consultation_page_shows_its_status_at_the_top_and_its_questions(client, consultation):
    response = client.get(consultation.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Open: we want your views") < html.index("About this consultation")
    assert "Which area for action matters most to you?" in html
    assert "Request these documents in another format" not in html  # no documents
    assert "By post, to:" in html and "020 7361 3671" in html
    assert "no-cache" in response["Cache-Control"]


def test_an_upcoming_consultation_says_when_it_opens(client, upcoming_consultation):
    html = client.get(upcoming_consultation.url).content.decode()
    assert "This consultation is not open yet." in html
    assert f'opens on <time datetime="{upcoming_consultation.opens_at:%Y-%m-%d}' in html
    assert 'name="answer_first"' not in html


def test_results_show_only_once_published_and_closed(client, closed_consultation):
    closed_consultation.results_summary = "<p>Nine groups sent suggestions.</p>"
    closed_consultation.save_revision().publish()
    html = client.get(closed_consultation.url).content.decode()
    assert "Closed.</strong>" in html and "Nine groups sent suggestions" not in html
    closed_consultation.results_published_at = closed_consultation.closes_at
    closed_consultation.save_revision().publish()
    html = client.get(closed_consultation.url).content.decode()
    assert "Closed: results published." in html and "Nine groups sent suggestions" in html


def test_a_consultation_with_results_shows_you_said_we_did(client, consultation_with_results):
    html = client.get(consultation_with_results.url).content.decode()
    assert "You said" in html and "The draft update adds each suggestion." in html


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"closes_at": OPENS - HOUR}, "closes_at", "must close after it opens"),
        ({"results_published_at": CLOSES - HOUR}, "results_published_at", "once the consultation"),
        (
            {"questions": [{"type": "free_text", "value": {"key": "Bad Key!", "question": "Q"}}]},
            "questions",
            "short name",
        ),
        (
            {
                "questions": [
                    {
                        "type": "choice",
                        "value": {"key": "a", "question": "Pick", "choices": "Only one"},
                    }
                ]
            },
            "questions",
            "at least two choices",
        ),
        (
            {
                "questions": [
                    {"type": "free_text", "value": {"key": "a", "question": "One"}},
                    {"type": "free_text", "value": {"key": "a", "question": "Two"}},
                ]
            },
            "questions",
            "two share one",
        ),
    ],
)
def test_an_editor_is_told_what_to_fix(steering_group, change, field, message):
    page = ConsultationPage(
        title="Bad",
        slug="bad",
        audience="Everyone",
        opens_at=OPENS,
        closes_at=CLOSES,
        questions=[{"type": "free_text", "value": {"key": "a", "question": "Q"}}],
    )
    for name, value in change.items():
        setattr(page, name, value)
    page.path, page.depth = steering_group.path + "0001", steering_group.depth + 1
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert message in " ".join(raised.value.message_dict[field])


def test_opening_a_paper_for_comments_republishes_nothing(report):
    revisions = Revision.objects.for_instance(report).count()
    published = []
    page_published.connect(lambda **kw: published.append(kw), weak=False, dispatch_uid="t20")
    try:
        period = open_for_comments(report, closes_at=FIXED_NOW + HOUR, now=FIXED_NOW)
    finally:
        page_published.disconnect(dispatch_uid="t20")
    assert published == []
    assert Revision.objects.for_instance(report).count() == revisions
    assert period.status_at(FIXED_NOW) == ConsultationStatus.OPEN
    assert period.status_at(FIXED_NOW + HOUR) == ConsultationStatus.CLOSED


def test_opening_again_while_open_moves_the_closing_date(report):
    open_for_comments(report, closes_at=FIXED_NOW + HOUR, now=FIXED_NOW)
    open_for_comments(report, closes_at=FIXED_NOW + 5 * HOUR, now=FIXED_NOW + HOUR / 2)
    assert list(CommentPeriod.objects.values_list("closes_at", flat=True)) == [FIXED_NOW + 5 * HOUR]


@pytest.mark.parametrize("what", ["past", "draft", "consultation"])
def test_a_comment_period_that_cannot_be_is_refused_with_a_reason(report, consultation, what):
    page, closes = report, FIXED_NOW - HOUR
    if what == "draft":
        report.unpublish()
        closes = FIXED_NOW + HOUR
    if what == "consultation":
        page, closes = consultation, FIXED_NOW + HOUR
    with pytest.raises(CommentPeriodNotValid) as raised:
        open_for_comments(page, closes_at=closes, now=FIXED_NOW)
    assert raised.value.message
    assert not CommentPeriod.objects.exists()


def test_a_paper_open_for_comments_says_so_at_the_top_and_lets_members_sign_in(
    client, report_open_for_comments
):
    response = client.get(report_open_for_comments.url)
    html = response.content.decode()
    assert "Open for comments" in html
    assert html.index("Open for comments") < html.index('class="paper-body"')
    assert "Sign in to respond" in html
    assert "no-cache" in response["Cache-Control"]


def test_a_paper_without_a_comment_period_is_unchanged_and_cacheable(client, report):
    response = client.get(report.url)
    assert "Open for comments" not in response.content.decode()
    assert "no-cache" not in response.get("Cache-Control", "")


def test_an_alert_about_a_consultation_says_until_when_it_takes_responses(steering_group):
    page = make_consultation(steering_group, slug="alerted", opens_at=OPENS, closes_at=CLOSES)
    assert page.posting_summary() == (
        "Which of the KCP Review's priorities matter most to you? Responses close on "
        "31 July 2009 at 5:00 PM."
    )
