"""Every public page type answers in at most 12 queries, and in the same number on a site with
a little content and on one with a lot: the site chrome (settings, navigation, footer) comes
from memory, page links, documents and images are fetched in bulk, listings do not query per
item, and a group's members and links are a cached fragment.

Each page is asked for twice and the second answer counted: the first builds what is kept
per cache generation (the chrome, the fragments), as the first visitor after a publish does.
The page cache is off (test settings), so every count is a full render."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.models import HomePage, StandardPage
from members.consultations.models import Response
from papers.demo import CLOSED_CONSULTATION_SLUG, OPEN_CONSULTATION_SLUG
from papers.models import (
    ActionPlanPage,
    AgendaItem,
    CommentPeriod,
    ConsultationPage,
    MeetingPage,
    MinutesPage,
    ProgressReportPage,
    ReportPage,
)
from papers.services import collection_for_group
from tests.fixtures.papers import LONDON, paragraph, publish, report_body, section
from themegroups.models import GroupContentPage, GroupIndexPage, GroupPage

pytestmark = pytest.mark.django_db

MOST_QUERIES = 12
# A search page's two searches (the count and the page of results) each steer PostgreSQL's
# planner to the search index and back (home/search_backend.py): two statements each.
SEARCH_PAGES = {"site search", "archive search"}
PLANNER_STATEMENTS = 4


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def page_links(pages) -> str:
    return "".join(f'<p><a linktype="page" id="{page.pk}">{page.title}</a></p>' for page in pages)


def content_body(pages) -> list:
    """Text with page links and a call to action to each page: what editors write."""
    return [
        {"type": "text", "value": page_links(pages)},
        *[
            {
                "type": "call_to_action",
                "value": {
                    "heading": f"Read about {page.title}",
                    "text": "",
                    "link_page": page.pk,
                    "link_url": "",
                    "link_text": "Read more",
                },
            }
            for page in pages
        ],
    ]


def annexes(documents) -> list:
    return [
        {
            "type": "document",
            "value": {"reference": f"Annex {n}", "document": document.pk, "title": ""},
        }
        for n, document in enumerate(documents, start=1)
    ]


def make_documents(group, count: int) -> list:
    collection = collection_for_group(group)
    return [
        get_document_model().objects.create(
            title=f"Annex {n}",
            file=ContentFile(b"%PDF-1.4 annex", name=f"annex-{n}.pdf"),
            collection=collection,
        )
        for n in range(count)
    ]


@pytest.fixture
def demo_site(db):
    """The demo site, plus the page types it has no example of, each already holding page
    links and documents."""
    call_command("load_demo_content", stdout=io.StringIO())
    home = HomePage.objects.get()
    steering_group = GroupPage.objects.get(kind=GroupPage.Kind.STEERING_GROUP)
    theme_group = GroupPage.objects.exclude(pk=steering_group.pk).filter(live=True).first()
    first_pages = list(home.get_children().live()[:2])
    publish(
        home,
        StandardPage(
            title="How the Partnership works", slug="how-it-works", body=content_body(first_pages)
        ),
    )
    publish(
        theme_group,
        GroupContentPage(
            title="Our action plan explained", slug="explained", body=content_body(first_pages)
        ),
    )
    meeting = MeetingPage.objects.child_of(steering_group).live().order_by("start").first()
    report = ReportPage.objects.child_of(meeting).live().first()
    report.annexes = annexes(make_documents(steering_group, 2))
    report.background_papers = annexes(make_documents(steering_group, 1))
    report.save_revision().publish()
    for consultation in ConsultationPage.objects.all():
        consultation.documents = annexes(make_documents(steering_group, 1))
        consultation.save_revision().publish()
    return {"home": home, "steering_group": steering_group, "theme_group": theme_group}


def public_urls(demo_site) -> dict[str, str]:
    steering_group = demo_site["steering_group"]
    meeting = MeetingPage.objects.child_of(steering_group).live().order_by("start").first()

    def first(model) -> str:
        return model.objects.live().public().order_by("path").first().url

    return {
        "home": "/",
        "content page": first(StandardPage),
        "accessibility statement": "/accessibility/",
        "privacy notice": "/privacy/",
        "site search": "/search/?query=housing",
        "archive": "/papers/",
        "archive filtered": "/papers/?year=2007&kind=report",
        "archive search": "/papers/?q=community+strategy",
        "meetings": "/meetings/",
        "meeting": meeting.url,
        "report": ReportPage.objects.child_of(meeting).live().first().url,
        "minutes": first(MinutesPage),
        "action plan": first(ActionPlanPage),
        "progress report": first(ProgressReportPage),
        "group index": first(GroupIndexPage),
        "group": demo_site["theme_group"].url,
        "Steering Group": steering_group.url,
        "group content page": first(GroupContentPage),
        "papers feed": "/papers/feed/",
        "group feed": f"/papers/feed/{steering_group.slug}/",
        "meetings calendar": "/meetings/calendar.ics",
        "group calendar": f"/meetings/calendar/{steering_group.slug}.ics",
        "meeting calendar": meeting.url.rstrip("/") + ".ics",
        "consultation, open": ConsultationPage.objects.get(slug=OPEN_CONSULTATION_SLUG).url,
        "consultation, results": ConsultationPage.objects.get(slug=CLOSED_CONSULTATION_SLUG).url,
        "paper open for comments": CommentPeriod.objects.first().page.url,
        "archive, open consultations": "/papers/?consultation=open",
    }


def queries_per_page(client, urls: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(queries)
    return counts


def grow(demo_site) -> None:
    """Many times the content on every page measured: more menu pages, groups, meetings,
    papers, agenda items, page links and documents."""
    home, steering_group = demo_site["home"], demo_site["steering_group"]
    group_index = GroupIndexPage.objects.live().first()
    for n in range(6):
        publish(home, StandardPage(title=f"Menu page {n}", slug=f"menu-{n}", show_in_menus=True))
        group = publish(group_index, GroupPage(title=f"Group {n}", slug=f"group-{n}", purpose="."))
        publish(
            group,
            MeetingPage(
                title=f"Group {n} meeting",
                start=datetime.datetime(2099, 5, n + 1, 18, tzinfo=LONDON),
                venue_name="The Town Hall",
            ),
        )
    linked = list(Page.objects.live().public().filter(depth__gte=3).order_by("path")[:12])
    for page in (
        StandardPage.objects.get(slug="how-it-works"),
        GroupContentPage.objects.get(slug="explained"),
    ):
        page.body = content_body(linked)
        page.save_revision().publish()

    meeting = MeetingPage.objects.child_of(steering_group).live().order_by("start").first()
    for n in range(12):
        paper = publish(
            meeting,
            ReportPage(
                title=f"Another report {n}",
                slug=f"another-report-{n}",
                purpose="This paper is about community strategy.",
                body=report_body(4),
                annexes=annexes(make_documents(steering_group, 2)),
            ),
        )
        meeting.agenda_items.add(AgendaItem(title=f"Item {n}", paper=paper))
    meeting.save_revision().publish()
    report = ReportPage.objects.child_of(meeting).live().order_by("path").first()
    report.body = [
        section(f"Section {n}", [paragraph("Community strategy.") for _ in range(8)])
        for n in range(10)
    ]
    report.annexes = annexes(make_documents(steering_group, 15))
    report.background_papers = annexes(make_documents(steering_group, 5))
    report.save_revision().publish()
    for consultation in ConsultationPage.objects.all():
        consultation.documents = annexes(make_documents(steering_group, 6))
        consultation.save_revision().publish()
        for n in range(20):
            Response.objects.create(
                page=consultation, name=f"Person {n}", channel="post", answers=[]
            )


def test_every_public_page_type_needs_at_most_12_queries_however_much_content_it_shows(
    client, demo_site
):
    urls = public_urls(demo_site)
    small = queries_per_page(client, urls)
    for name, count in small.items():
        allowed = MOST_QUERIES + (PLANNER_STATEMENTS if name in SEARCH_PAGES else 0)
        assert count <= allowed, (name, count, small)

    grow(demo_site)
    large = queries_per_page(client, urls)
    assert large == small
