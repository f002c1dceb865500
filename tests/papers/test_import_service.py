"""Importing a paper into a page: every paragraph on the rendered page where the paper prints
it, one page per paper however often it is imported, drafts unless published."""

import datetime
import html
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Revision

from papers.exceptions import ImportNotAllowed, PaperFormatError, UnknownGroup
from papers.models import ActionPlanPage, MeetingPage, ProgressReportPage, ReportPage
from papers.seed_papers import SEED_PAPERS_DIR
from papers.services import import_paper
from tests.papers.paper_files import (
    FIXTURES,
    MID_TERM_REVIEW,
    PARTNERSHIP_PLAN,
    PRIORITIES,
    action_plan_docx,
    report_docx,
)

pytestmark = pytest.mark.django_db

REPORT_SEEDS = (MID_TERM_REVIEW, PRIORITIES)


def normalised(text: str) -> str:
    return " ".join(text.split())


def rendered_text(client, page) -> str:
    """The visible text of the paper's page, tags removed and spaces collapsed."""
    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    body = body[body.index('<article class="paper">') :]
    return normalised(html.unescape(re.sub(r"<[^>]+>", " ", body)))


def printed_paragraphs(source: str) -> list[tuple[str, str]]:
    """Every numbered paragraph or subheading of the source ("2.2.1 text", "- 1.1 text"),
    found with a simple pattern of its own, not with the importer."""
    return [
        (match.group(1), normalised(match.group(2)))
        for line in source.splitlines()
        if (match := re.match(r"^(?:- )?(\d+\.\d+(?:\.\d+)*)\s*(\S.*)$", line.strip()))
    ]


def printed_lines_between(source: str, first: str, last: str) -> list[str]:
    lines = [normalised(line) for line in source.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(last))
    return [re.sub(r"^- ", "", line) for line in lines[start:end]]


def assert_in_order(text: str, expected: list[str]) -> None:
    position = 0
    for fragment in expected:
        found = text.find(fragment, position)
        assert found >= 0, f"not found after position {position}: {fragment[:80]!r}"
        position = found + len(fragment)


@pytest.mark.parametrize("name", REPORT_SEEDS)
def test_rendered_report_holds_every_printed_paragraph_in_order_under_its_number(
    client, steering_group, name
):
    source = (SEED_PAPERS_DIR / name).read_text(encoding="utf-8")
    result = import_paper(SEED_PAPERS_DIR / name, publish=True)
    text = rendered_text(client, result.page)
    paragraphs = printed_paragraphs(source)
    assert len(paragraphs) >= 5
    assert_in_order(text, [f"{number} {words}" for number, words in paragraphs])


@pytest.mark.parametrize("name", REPORT_SEEDS)
def test_rendered_report_holds_every_line_of_the_body_in_order(client, steering_group, name):
    source = (SEED_PAPERS_DIR / name).read_text(encoding="utf-8")
    result = import_paper(SEED_PAPERS_DIR / name, publish=True)
    text = rendered_text(client, result.page)
    body = printed_lines_between(source, "1. ", "Contact Officer")
    section = re.compile(r"^(\d+)\.\s*(?=[A-Za-z])")
    expected = [section.sub(r"\1. ", line) for line in body if not _is_status(line)]
    assert_in_order(text, expected)


def _is_status(line: str) -> bool:
    return line.lower() in ("for information", "for approval")


def test_priorities_report_fields_hold_what_the_paper_prints(steering_group):
    page = import_paper(SEED_PAPERS_DIR / PRIORITIES, publish=True).page
    page = ReportPage.objects.get(pk=page.pk)
    assert page.title == "KCP Review – taking forward priorities for 2009/10"
    assert page.status == ReportPage.Status.FOR_INFORMATION
    assert page.status_as_printed == "For information"
    assert page.meeting_date == datetime.date(2009, 5, 13)
    assert page.purpose.startswith("This paper outlines some actions identified")
    assert (page.contact_name, page.contact_job_title) == ("Rachel Smith", "KCP Manager")
    assert (page.contact_phone, page.contact_email) == (
        "020 7361 3671",
        "RachelA.Smith@rbkc.gov.uk",
    )
    assert page.group_name == "Steering Group"
    assert page.get_parent().specific.start.date() == datetime.date(2009, 5, 13)
    assert page.import_warnings == []


def test_mid_term_review_keeps_its_status_contact_and_annex_reference(client, steering_group):
    page = import_paper(SEED_PAPERS_DIR / MID_TERM_REVIEW, publish=True).page
    page = ReportPage.objects.get(pk=page.pk)
    assert page.status == ReportPage.Status.FOR_APPROVAL
    assert page.status_as_printed == "FOR APPROVAL"
    assert page.meeting_date == datetime.date(2007, 11, 14)
    assert page.contact_job_title == "KCP Support Manager"
    assert [block.value["reference"] for block in page.annexes] == ["Annex A"]
    text = rendered_text(client, page)
    assert "Annexes Annex A" in text
    assert "Contact officer Rachel Smith KCP Support Manager 020 7361 3671" in text


def test_action_plan_without_a_date_sits_under_the_group_with_every_row_in_its_table(
    client, steering_group
):
    source = (SEED_PAPERS_DIR / PARTNERSHIP_PLAN).read_text(encoding="utf-8")
    result = import_paper(SEED_PAPERS_DIR / PARTNERSHIP_PLAN, publish=True)
    plan = ActionPlanPage.objects.get(pk=result.page.pk)
    assert plan.get_parent().pk == steering_group.pk
    assert plan.period == "2004/05"
    assert plan.contact_name == "" and plan.status == ""
    response = client.get(plan.url)
    body = response.content.decode()
    rows = re.findall(r"<tr(?: class=\"[^\"]*\")?>\s*<td", body)
    first_cells = [
        line.split("\t")[0]
        for line in source.splitlines()
        if "\t" in line and not line.startswith("Planned Action") and line.split("\t")[0].strip()
    ]
    continuation = [cell for cell in first_cells if cell.strip()[:1].islower()]
    assert len(rows) == len(first_cells) - len(continuation) == 32
    text = rendered_text(client, plan)
    for heading in ("1. Strategic", "2. Inclusive", "6. Learning and Development"):
        assert heading in text
    assert "Meeting or seminar will be held later in the year" in text


def test_progress_report_fixture_becomes_a_progress_report_page(client, steering_group):
    result = import_paper(FIXTURES / "2008-03-12-delivery-plan-progress.txt", publish=True)
    page = ProgressReportPage.objects.get(pk=result.page.pk)
    assert page.status == ProgressReportPage.Status.FOR_NOTING
    assert [block.value["number"] for block in page.objectives] == ["1", "2"]
    text = rendered_text(client, page)
    assert_in_order(text, ["Objective 1: A safer borough", "1.1 Reduce burglary by 10%"])
    assert "Ellie Hobart" in text


def test_report_with_gaps_in_its_numbers_keeps_the_printed_numbers(client, steering_group):
    result = import_paper(
        FIXTURES / "2009-05-13-membership-review-run-in-numbers.txt", publish=True
    )
    text = rendered_text(client, result.page)
    assert_in_order(text, ["2.2 Membership will", "2.5 The Learning", "2.7 The Chairman"])
    assert "2.3 " not in text and "2.6 " not in text


def test_reimporting_a_paper_adds_a_revision_to_the_same_page(steering_group):
    path = SEED_PAPERS_DIR / PRIORITIES
    first = import_paper(path)
    revisions = Revision.page_revisions.filter(object_id=str(first.page.pk)).count()
    pages = Page.objects.count()
    again = import_paper(path)
    assert (first.created, again.created) == (True, False)
    assert again.page.pk == first.page.pk
    assert Page.objects.count() == pages
    assert Revision.page_revisions.filter(object_id=str(first.page.pk)).count() == revisions + 1


def test_reimporting_an_edited_paper_updates_the_page_with_the_same_title(steering_group, tmp_path):
    path = SEED_PAPERS_DIR / PRIORITIES
    first = import_paper(path, publish=True)
    edited = tmp_path / "priorities.txt"
    edited.write_text(
        path.read_text(encoding="utf-8").replace("Away Day", "away day"), encoding="utf-8"
    )
    again = import_paper(edited, publish=True)
    assert again.page.pk == first.page.pk
    assert ReportPage.objects.count() == 1
    assert "arrange away day" in str(ReportPage.objects.get().body.raw_data)


def test_import_is_a_draft_by_default_not_live_and_not_found_by_search(client, steering_group):
    result = import_paper(SEED_PAPERS_DIR / PRIORITIES)
    page = ReportPage.objects.get(pk=result.page.pk)
    assert not page.live
    assert page.has_unpublished_changes
    assert client.get(page.url).status_code == 404
    found = client.get("/search/?query=priorities").content.decode()
    assert "taking forward priorities" not in found


def test_publish_makes_the_page_and_its_new_meeting_live(client, steering_group):
    result = import_paper(SEED_PAPERS_DIR / PRIORITIES, publish=True)
    page = ReportPage.objects.get(pk=result.page.pk)
    assert page.live and result.meeting_created
    assert MeetingPage.objects.get().live
    assert client.get(page.url).status_code == 200
    assert "taking forward priorities" in client.get("/search/?query=priorities").content.decode()


def test_paper_goes_to_the_existing_meeting_on_its_date(steering_group, meeting):
    result = import_paper(SEED_PAPERS_DIR / PRIORITIES)
    assert result.page.get_parent().pk == meeting.pk
    assert not result.meeting_created
    assert MeetingPage.objects.count() == 1


def test_new_meeting_is_made_on_the_papers_date_and_named_after_the_group(steering_group):
    result = import_paper(SEED_PAPERS_DIR / MID_TERM_REVIEW)
    meeting = result.page.get_parent().specific
    assert meeting.title == "Steering Group meeting, 14 November 2007"
    assert meeting.slug == "2007-11-14"
    assert meeting.status == MeetingPage.Status.HELD
    assert any("give it its time and venue" in warning for warning in result.warnings)


def test_meeting_date_option_wins_over_the_papers_date_and_says_so(steering_group):
    result = import_paper(SEED_PAPERS_DIR / PRIORITIES, meeting_date=datetime.date(2009, 7, 8))
    assert result.page.specific.meeting_date == datetime.date(2009, 7, 8)
    assert result.page.get_parent().slug == "2009-07-08"
    assert any("dated 13 May 2009" in warning for warning in result.warnings)


def test_report_without_a_date_is_refused_unless_a_meeting_date_is_given(steering_group):
    """A report page sits at its meeting: the one missing fact the importer cannot leave
    for later. The command asks for --meeting-date; the admin asks on the preview."""
    text = (FIXTURES / "2009-05-13-membership-review-run-in-numbers.txt").read_text()
    undated = text.replace("13/05/2009", "")
    pages = Page.objects.count()
    with pytest.raises(PaperFormatError) as raised:
        import_paper(undated, source_name="undated.txt")
    assert raised.value.code == "no_meeting_date"
    assert str(raised.value).startswith("undated.txt: the paper prints no meeting date")
    assert Page.objects.count() == pages
    result = import_paper(undated, meeting_date=datetime.date(2009, 5, 13))
    assert result.page.get_parent().slug == "2009-05-13"


def test_paper_can_go_to_another_group_by_its_slug(steering_group, home_page):
    from tests.fixtures.papers import publish
    from themegroups.models import GroupPage

    health = publish(
        home_page,
        GroupPage(title="Health and Well-Being Partnership", slug="health", purpose="Health."),
    )
    result = import_paper(SEED_PAPERS_DIR / PRIORITIES, group="health")
    assert result.page.get_parent().get_parent().pk == health.pk
    assert result.page.specific.group_name == "Health and Well-Being Partnership"


def test_unknown_group_lists_the_groups_there_are(steering_group):
    with pytest.raises(UnknownGroup) as raised:
        import_paper(SEED_PAPERS_DIR / PRIORITIES, group="nowhere")
    assert "steering-group" in raised.value.message
    assert ReportPage.objects.count() == 0


def test_paper_that_prints_a_paragraph_number_twice_is_a_draft_with_a_warning_naming_the_line(
    client, steering_group
):
    text = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")
    twice = text.replace("2.2.2 KCP members", "2.2.1 KCP members")
    result = import_paper(twice, source_name="twice.txt", publish=True)
    line = next(n for n, text in enumerate(twice.splitlines(), 1) if "2.2.1 KCP m" in text)
    assert (
        f"line {line}: paragraph 2.2.1 is printed twice: the second is kept with its number in "
        "its text, as a link can go to only one of them; correct the numbering in the editor"
    ) in result.warnings
    page = rendered_text(client, result.page)
    assert "2.2.1 KCP members to ensure that they update" in page
    assert page.index("RBCK officers to enhance KCP website") < page.index("2.2.1 KCP members")


def test_paper_the_page_cannot_hold_leaves_no_meeting_behind(steering_group, monkeypatch):
    def refuse(page):
        raise ValidationError({"contact_phone": "Ensure this value has at most 60 characters."})

    monkeypatch.setattr(ReportPage, "clean", refuse)
    pages, revisions = Page.objects.count(), Revision.objects.count()
    with pytest.raises(PaperFormatError) as raised:
        import_paper(SEED_PAPERS_DIR / PRIORITIES)
    assert str(raised.value) == (
        f"{PRIORITIES}: the page could not hold the paper as printed: "
        "contact_phone: Ensure this value has at most 60 characters."
    )
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_someone_without_add_permission_on_the_group_cannot_import(
    steering_group, django_user_model
):
    user = django_user_model.objects.create_user(email="member@kcp.example", password="x")
    with pytest.raises(ImportNotAllowed):
        import_paper(SEED_PAPERS_DIR / PRIORITIES, user=user)
    assert Page.objects.type(MeetingPage).count() == 0


def test_officer_import_records_who_made_the_draft(steering_group, officer):
    result = import_paper(SEED_PAPERS_DIR / PRIORITIES, user=officer)
    page = ReportPage.objects.get(pk=result.page.pk)
    assert page.owner == officer
    assert page.latest_revision.user == officer


def without_ids(data):
    if isinstance(data, list):
        return [without_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key != "id"}
    return data


def stream_fields(page) -> dict:
    page = page.specific.get_latest_revision_as_object()
    names = ("body", "sections", "glossary", "annexes", "background_papers")
    return {
        name: without_ids(list(getattr(page, name).raw_data))
        for name in names
        if hasattr(page, name)
    }


def header_fields(page) -> tuple:
    page = page.specific.get_latest_revision_as_object()
    return (
        page.title,
        page.status,
        page.meeting_date,
        page.purpose,
        page.contact_name,
        page.contact_email,
    )


@pytest.mark.parametrize("name", REPORT_SEEDS)
def test_word_report_imports_to_the_same_page_structure_as_its_text(steering_group, tmp_path, name):
    source = (SEED_PAPERS_DIR / name).read_text(encoding="utf-8")
    from_text = import_paper(SEED_PAPERS_DIR / name).page
    expected = stream_fields(from_text), header_fields(from_text)
    word = report_docx(source, tmp_path / f"{name}.docx", title_style="2009" in name)
    from_word = import_paper(word)
    assert from_word.page.pk == from_text.pk  # the same paper, so the same page
    assert (stream_fields(from_word.page), header_fields(from_word.page)) == expected
    assert from_word.page.specific.import_warnings == []


def test_word_action_plan_imports_to_the_same_tables_as_its_text(steering_group, tmp_path):
    source = (SEED_PAPERS_DIR / PARTNERSHIP_PLAN).read_text(encoding="utf-8")
    from_text = import_paper(SEED_PAPERS_DIR / PARTNERSHIP_PLAN).page
    expected = stream_fields(from_text)
    from_word = import_paper(action_plan_docx(source, tmp_path / "plan.docx")).page
    assert from_word.pk == from_text.pk
    assert stream_fields(from_word) == expected


def test_reimporting_the_same_text_updates_it_where_it_is_without_making_a_meeting(
    steering_group,
):
    first = import_paper(SEED_PAPERS_DIR / PRIORITIES, meeting_date=datetime.date(2009, 7, 8))
    again = import_paper(SEED_PAPERS_DIR / PRIORITIES)
    assert again.page.pk == first.page.pk
    assert list(MeetingPage.objects.values_list("slug", flat=True)) == ["2009-07-08"]
    assert any("imported before under" in warning for warning in again.warnings)
    assert ReportPage.objects.get().get_latest_revision_as_object().meeting_date == (
        datetime.date(2009, 7, 8)
    )
