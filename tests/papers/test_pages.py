"""Paper and meeting pages as the public sees them, and the checks editors get when saving."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.fixtures.papers import LONDON, paragraph, publish, report_body, section

pytestmark = pytest.mark.django_db


def html_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


# --- Reports ------------------------------------------------------------------------------


def test_report_shows_its_title_block_and_numbered_paragraphs_with_links(client, report):
    html = html_of(client, report)
    assert html.count("<h1>") == 1
    assert "<h1>KCP Review – taking forward priorities for 2009/10</h1>" in html
    assert 'Steering Group, <time datetime="2009-05-13">13 May 2009</time>' in html
    assert 'id="para-2-2-1"' in html
    assert (
        '<a class="paragraph-link" href="#para-2-2-1" data-copy-link>Link to paragraph 2.2.1</a>'
        in html
    )
    assert '<span class="paper-number">2.2</span> Role of the KCP</h3>' in html
    assert '<p class="paper-label"><strong>Actions:</strong></p>' in html


def test_report_status_shows_at_the_top_and_at_the_end(client, report):
    html = html_of(client, report)
    assert html.count("For information</p>") == 2
    assert (
        html.index('class="paper-status"')
        < html.index("para-1-1")
        < html.index('class="paper-status paper-status--end"')
    )


def test_contact_block_is_shown_as_printed_with_todays_contact_beside_it(client, report):
    html = html_of(client, report)
    assert "Rachel Smith<br>" in html
    assert "KCP Manager<br>" in html
    assert '<a href="mailto:RachelA.Smith@rbkc.gov.uk">' in html
    assert "To ask about it today, contact Partnership team" in html


def test_every_paper_offers_another_format_from_todays_partnership_contact(client, report):
    html = html_of(client, report)
    assert (
        'href="mailto:kcp@rbkc.gov.uk?subject=Request%20for%20another%20format%3A%20KCP%20Review'
        in html
    )
    assert "Request this paper in another format" in html


def test_paper_copies_meeting_date_and_group_from_its_meeting(report):
    assert report.meeting_date == datetime.date(2009, 5, 13)
    assert report.group_name == "Steering Group"


def test_a_corrected_paper_says_when_it_was_revised_and_what_changed(client, report):
    report.corrected_on = datetime.date(2009, 6, 1)
    report.correction_note = "Paragraph 2.2.1 now names the right officer."
    report.save_revision().publish()
    html = html_of(client, report)
    assert (
        'Revised on <time datetime="2009-06-01">1 June 2009</time>:</strong> Paragraph 2.2.1'
        in html
    )


def test_a_revision_date_without_a_note_is_refused_in_plain_words(report):
    report.corrected_on = datetime.date(2009, 6, 1)
    with pytest.raises(ValidationError, match="Say in a sentence what changed"):
        report.full_clean()


def test_breadcrumbs_lead_from_home_to_the_paper(client, report):
    html = html_of(client, report)
    assert '<nav aria-label="Breadcrumb" class="breadcrumbs">' in html
    crumbs = html[
        html.index('aria-label="Breadcrumb"') : html.index(
            "</nav>", html.index('aria-label="Breadcrumb"')
        )
    ]
    assert (
        crumbs.index(">Home<")
        < crumbs.index(">Steering Group<")
        < crumbs.index(">Steering Group meeting, 13 May 2009<")
        < crumbs.index('aria-current="page"')
    )


def test_a_draft_paper_is_not_shown_to_the_public(client, meeting):
    from papers.models import ReportPage

    draft = ReportPage(title="Not yet", slug="not-yet", body=report_body(1), live=False)
    meeting.add_child(instance=draft)
    draft.save_revision()
    assert client.get("/steering-group/2009-05-13/not-yet/").status_code == 404


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_report_runs_the_same_queries_with_5_and_200_paragraphs(client, meeting):
    from papers.models import ReportPage

    short = publish(meeting, ReportPage(title="Short", slug="short", body=report_body(5)))
    long = publish(meeting, ReportPage(title="Long", slug="long", body=report_body(200)))
    count_queries(client, short.url)  # warm the site and settings caches
    assert count_queries(client, long.url) == count_queries(client, short.url)


def test_a_report_page_needs_few_queries(client, report, django_assert_max_num_queries):
    client.get(report.url)
    with django_assert_max_num_queries(12):
        client.get(report.url)


# --- Action plans and progress reports ------------------------------------------------------


def test_action_plan_table_has_a_caption_and_column_headers_as_printed(client, action_plan):
    html = html_of(client, action_plan)
    assert "<caption>Actions under 1. Strategic</caption>" in html
    assert '<th scope="col">Planned Action agreed April 2004</th>' in html
    assert 'data-label="Lead contact/organisation"' in html


def test_action_plan_cells_turn_bullet_lines_into_lists(client, action_plan):
    html = html_of(client, action_plan)
    assert "<ul><li>redefine the aims</li><li>reshape the Terms of Reference</li></ul>" in html


def test_glossary_is_a_definition_list_and_acronyms_expand_on_first_use_only(client, action_plan):
    html = html_of(client, action_plan)
    assert '<dt><abbr title="Kensington and Chelsea Partnership">KCP</abbr></dt>' in html
    first_use = '<abbr title="Kensington and Chelsea Partnership">KCP</abbr>'
    assert f"<p>The {first_use} agreed it. The KCP met.</p>" in html
    body = html[html.index("<table") :]
    assert body.count('<abbr title="Community Strategy">CS</abbr>') == 1


def test_due_dates_are_kept_as_written_and_parsed_for_sorting(client, action_plan):
    row = action_plan.sections[0].value["rows"][0]
    assert row["due_date"] == "July/August 2004"
    assert row["due_on"] == datetime.date(2004, 8, 31)
    html = html_of(client, action_plan)
    assert "<p>July/August 2004</p>" in html
    assert "Overdue" in html  # at risk and past its date
    assert '<span class="rag rag--at_risk">At risk</span>' in html


def test_progress_report_lists_each_objective_with_its_actions(client, progress_report):
    html = html_of(client, progress_report)
    assert "Objective 1:</span> A more inclusive Partnership</h2>" in html
    assert "<caption>Progress on objective 1</caption>" in html
    assert '<span class="rag rag--done">Done</span>' in html
    assert "For noting" in html


# --- Minutes --------------------------------------------------------------------------------


def test_minutes_show_who_came_what_was_agreed_and_the_actions_arising(
    client, minutes, later_meeting
):
    html = html_of(client, minutes)
    assert "<li>Councillor Merrick Cockell (Chairman)</li>" in html
    assert '<h2 id="apologies-heading">Apologies</h2>' in html
    assert 'id="para-2"' in html
    assert "Confirmed at the meeting of" in html
    assert f'href="{later_meeting.url}"' in html
    assert '<td data-label="Who">Rachel Smith</td>' in html
    # A minute's printed paragraph number is its number and anchor; its action links there.
    assert '<div class="numbered-paragraph" id="para-2-1">' in html
    assert '<span class="paper-number">2.1</span>' in html
    assert '<td data-label="Minute"><a href="#para-2-1">2.1</a></td>' in html


def test_confirmed_minutes_must_name_the_meeting_that_agreed_them(minutes):
    minutes.confirmed_at_meeting = None
    with pytest.raises(ValidationError, match="Choose the meeting that agreed these minutes"):
        minutes.full_clean()


def test_a_meeting_can_have_only_one_set_of_minutes(minutes, meeting):
    from papers.models import MinutesPage

    assert not MinutesPage.can_create_at(meeting)


# --- Meetings -------------------------------------------------------------------------------


def test_meeting_address_is_its_date(meeting):
    assert meeting.url == "/steering-group/2009-05-13/"


def test_meeting_page_shows_when_where_access_and_how_to_attend(client, meeting):
    html = html_of(client, meeting)
    assert "Wednesday 13 May 2009, 6.30 p.m." in html
    assert "Hornton Street<br>London W8 7NX" in html
    assert "Step-free access" in html
    assert "Hearing loop available" in html
    assert "Members of the public are welcome." in html


def test_a_meeting_that_ends_before_it_starts_is_refused_in_plain_words(meeting):
    meeting.end = meeting.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError, match="The meeting must end after it starts"):
        meeting.full_clean()


def test_agenda_links_published_papers_and_lists_confidential_items_without_them(
    client, meeting, report
):
    from papers.models import AgendaItem, ReportPage

    draft = ReportPage(title="Budget draft", slug="budget", body=report_body(1), live=False)
    meeting.add_child(instance=draft)
    draft.save_revision()
    meeting.agenda_items = [
        AgendaItem(title="KCP Review", paper=report, presenter="Rachel Smith"),
        AgendaItem(title="Budget", paper=draft),
        AgendaItem(title="Staffing", paper=report, is_confidential=True),
    ]
    meeting.save_revision().publish()
    html = html_of(client, meeting)
    assert f'<a href="{report.url}">KCP Review</a>' in html
    assert "Paper to follow." in html
    assert "Confidential item: the paper is not published." in html
    assert html.count(f'<a href="{report.url}">') == 2  # the agenda item and the papers list


def add_agenda(meeting, papers):
    from papers.models import AgendaItem

    meeting.agenda_items = [AgendaItem(title=f"Item for {p.title}", paper=p) for p in papers]
    meeting.save_revision().publish()


def test_a_meeting_runs_the_same_queries_with_3_and_30_agenda_items(client, steering_group):
    from papers.models import MeetingPage, ReportPage

    counts = []
    for day, size in [(1, 3), (2, 30)]:
        meeting = publish(
            steering_group,
            MeetingPage(
                title=f"Meeting {day}",
                start=datetime.datetime(2010, 1, day, 18, tzinfo=LONDON),
                venue_name="Town Hall",
            ),
        )
        papers = [
            publish(
                meeting,
                ReportPage(
                    title=f"Paper {n}", slug=f"paper-{n}", body=[section("A", [paragraph("x")])]
                ),
            )
            for n in range(size)
        ]
        add_agenda(meeting, papers)
        count_queries(client, meeting.url)
        counts.append(count_queries(client, meeting.url))
    assert counts[0] == counts[1]


def test_editor_is_warned_when_the_agenda_links_an_unpublished_paper(client, meeting, officer):
    from django.contrib.messages import get_messages
    from django.test import RequestFactory

    from papers.models import AgendaItem, ReportPage
    from papers.wagtail_hooks import warn_after_editing_meeting

    draft = ReportPage(title="Budget draft", slug="budget", body=report_body(1), live=False)
    meeting.add_child(instance=draft)
    draft.save_revision()
    meeting.agenda_items = [AgendaItem(title="Budget", paper=draft)]
    meeting.save_revision()

    from django.contrib.messages.storage.fallback import FallbackStorage

    request = RequestFactory().post("/admin/")
    request.session = {}
    request._messages = FallbackStorage(request)
    warn_after_editing_meeting(request, meeting)
    warnings = [str(m) for m in get_messages(request)]
    assert warnings == [
        "Agenda item “1. Budget” links a paper that is not published yet. The public agenda "
        "says “Paper to follow” until it is."
    ]


# --- Home page slots ------------------------------------------------------------------------


def test_home_page_lists_the_latest_public_papers_and_next_meetings(client, report, steering_group):
    from papers.models import MeetingPage

    publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, 10 March 2099",
            start=datetime.datetime(2099, 3, 10, 18, 30, tzinfo=LONDON),
            venue_name="Town Hall",
        ),
    )
    html = client.get("/").content.decode()
    assert f'<a href="{report.url}">{report.title}</a>' in html
    assert "Steering Group meeting, 10 March 2099" in html
    assert "Steering Group meeting, 13 May 2009</a>" not in html  # past meetings are not "next"
