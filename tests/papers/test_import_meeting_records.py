"""Minutes bring in their attendance, items, decisions and actions; an agenda brings in its
items, each linked to its paper where that paper is already on the site."""

import datetime
import json

import pytest
from lxml import html as lxml_html

from papers.importer import parse_paper, read_paper_text
from papers.importer.minutes import decisions_and_actions
from papers.models import MeetingPage, MinutesPage
from papers.services import import_paper, preview_import
from tests.papers.test_import_structure import STRUCTURED

pytestmark = pytest.mark.django_db

EXPECTED = json.loads((STRUCTURED / "expected.json").read_text(encoding="utf-8"))
MINUTES = "2022-01-19-steering-group-minutes"
AGENDA = "2022-03-16-steering-group-agenda"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_minutes_keep_attendance_items_decisions_and_actions_as_printed(suffix):
    expected = EXPECTED[f"{MINUTES}.txt"]
    minutes = parse_paper(read_paper_text(STRUCTURED / f"{MINUTES}{suffix}"))
    assert minutes.kind == "minutes"
    assert minutes.header.meeting_date == datetime.date.fromisoformat(expected["meeting_date"])
    assert minutes.header.group == expected["group"]
    assert minutes.present == expected["present"]
    assert minutes.apologies == expected["apologies"]
    assert minutes.in_attendance == expected["in_attendance"]
    assert [
        {"number": i.number, "heading": i.heading, "paragraphs": [p.number for p in i.paragraphs]}
        for i in minutes.items
    ] == expected["items"]
    decisions, actions = decisions_and_actions(minutes)
    assert [{"item": d.item, "kind": d.kind, "text": d.text} for d in decisions] == expected[
        "decisions"
    ]
    assert [
        {"item": a.item, "owner": a.owner, "text": a.text, "due": a.due} for a in actions
    ] == expected["actions"]
    assert sum(warning.is_unplaced for warning in minutes.warnings) <= 2


def test_imported_minutes_publish_as_the_minutes_page_of_their_meeting(client, steering_group):
    result = import_paper(STRUCTURED / f"{MINUTES}.txt", group=steering_group)
    page = result.page
    assert isinstance(page, MinutesPage)
    assert page.get_parent().specific.start.date() == datetime.date(2022, 1, 19)
    assert page.attendees.splitlines() == [
        "Cllr Elizabeth Campbell (Chair)",
        "Tom Reilly",
        "Dr Sarah Lewis",
        "Inspector Mark Dale",
        "Helen Kay (minutes) (in attendance)",
    ]
    assert page.apologies.splitlines() == ["Jo Brown", "Priya Shah"]
    assert [(a.value["owner"], a.value["due_date"]) for a in page.actions_arising] == [
        ("Tom Reilly", "31 January 2022"),
        ("Inspector Mark Dale", ""),
    ]
    page.get_latest_revision().publish()
    body = client.get(page.url).content.decode()
    text = " ".join(lxml_html.fromstring(body).xpath("string(//main)").split())
    for said in (
        "RESOLVED: That option two be approved.",
        "NOTED: The crime figures for the year to September 2021.",
        "Action: Tom Reilly to write to the libraries' staff by 31 January 2022.",
        "1.1 The minutes of the meeting on 17 November 2021 were agreed as a true record.",
    ):
        assert said in text


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_an_agenda_keeps_each_items_number_title_time_and_presenter(suffix):
    agenda = parse_paper(read_paper_text(STRUCTURED / f"{AGENDA}{suffix}"))
    assert agenda.kind == "agenda"
    assert agenda.header.meeting_date == datetime.date(2022, 3, 16)
    assert [
        {"number": i.number, "title": i.title, "time": i.time, "presenter": i.presenter}
        for i in agenda.items
    ] == EXPECTED[f"{AGENDA}.txt"]["items"]


def test_an_imported_agenda_becomes_its_meetings_agenda_linking_papers_on_the_site(
    client, steering_group
):
    paper = import_paper(STRUCTURED / "2018-11-07-crime-figures-tables.txt", group=steering_group)
    paper.page.get_latest_revision().publish()
    result = import_paper(STRUCTURED / f"{AGENDA}.pdf", group=steering_group)
    meeting = result.page
    assert isinstance(meeting, MeetingPage) and result.meeting_created
    assert meeting.start.date() == datetime.date(2022, 3, 16)
    draft = meeting.get_latest_revision_as_object()
    items = list(draft.agenda_items.all())
    assert [(i.number, i.time, i.presenter) for i in items][2:4] == [
        ("3", "6.40 pm", "Priya Shah"),
        ("4", "7.00 pm", "Inspector Mark Dale"),
    ]
    assert items[3].paper.id == paper.page.id
    assert [i.paper for i in items if i.number != "4"] == [None] * 4

    meeting.get_latest_revision().publish()
    meeting.refresh_from_db()
    body = client.get(meeting.url).content.decode()
    link = lxml_html.fromstring(body).xpath('//ol[@class="agenda"]//a')[0]
    assert link.text_content() == "Crime figures for the year to September 2018"
    assert link.get("href") == paper.page.url


def test_importing_the_agenda_again_replaces_the_items_and_makes_no_second_meeting(
    steering_group,
):
    import_paper(STRUCTURED / f"{AGENDA}.txt", group=steering_group)
    again = import_paper(STRUCTURED / f"{AGENDA}.docx", group=steering_group)
    assert not again.meeting_created
    assert MeetingPage.objects.child_of(steering_group).count() == 1
    assert again.page.get_latest_revision_as_object().agenda_items.count() == 5


NUMBERED_MINUTES = "2023-06-14-safer-neighbourhoods-minutes"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_decisions_and_actions_name_the_printed_paragraph_they_follow(suffix):
    expected = EXPECTED[f"{NUMBERED_MINUTES}.txt"]
    minutes = parse_paper(read_paper_text(STRUCTURED / f"{NUMBERED_MINUTES}{suffix}"))
    assert (minutes.present, minutes.apologies, minutes.in_attendance) == (
        expected["present"],
        expected["apologies"],
        expected["in_attendance"],
    )
    assert [
        {"number": i.number, "heading": i.heading, "paragraphs": [p.number for p in i.paragraphs]}
        for i in minutes.items
    ] == expected["items"]
    decisions, actions = decisions_and_actions(minutes)
    assert [
        {"item": d.item, "paragraph": d.paragraph, "kind": d.kind, "text": d.text}
        for d in decisions
    ] == expected["decisions"]
    assert [
        {"item": a.item, "paragraph": a.paragraph, "owner": a.owner, "text": a.text, "due": a.due}
        for a in actions
    ] == expected["actions"]
    assert not any(warning.is_unplaced for warning in minutes.warnings)


def test_printed_minute_numbers_are_each_paragraphs_number_and_anchor_not_its_text(
    client, steering_group
):
    expected = EXPECTED[f"{NUMBERED_MINUTES}.txt"]
    page = import_paper(STRUCTURED / f"{NUMBERED_MINUTES}.pdf", group=steering_group).page
    page.get_latest_revision().publish()
    tree = lxml_html.fromstring(client.get(page.url).content.decode())
    for number, anchor in expected["anchors"].items():
        (paragraph,) = tree.xpath(f'//*[@id="{anchor}"]')
        assert paragraph.xpath('string(.//*[@class="paper-number"])') == number
        said = " ".join(paragraph.xpath('string(.//*[@class="numbered-paragraph__text"])').split())
        assert said and not said.startswith(number.strip("()"))
        assert paragraph.xpath(f'.//a[@href="#{anchor}"]')
    resolved = tree.xpath('//*[@id="para-13-2"]')[0].text_content()
    assert "RESOLVED: that a joint patrol plan for Latimer Road" in " ".join(resolved.split())
    links = [
        (row.xpath("string(td[1])").split(" to ")[0], row.xpath("string(td[4]/a/@href)"))
        for row in tree.xpath('//section[@aria-labelledby="actions-heading"]//tbody/tr')
    ]
    assert links == [("Superintendent Lucy Grant", "#para-13-2"), ("Sam Patel", "#para-14-b")]


NEAR_MISS_AGENDA = "2017-11-08-environment-group-agenda"


def test_agenda_items_link_near_miss_titles_as_guessed_and_never_one_of_two(steering_group):
    expected = EXPECTED[f"{NEAR_MISS_AGENDA}.txt"]
    links = expected["links_when_on_the_site"]
    for name in links["papers"][:-1]:
        import_paper(STRUCTURED / name, group=steering_group)
    crime_2018 = (STRUCTURED / "2018-11-07-crime-figures-tables.txt").read_text(encoding="utf-8")
    import_paper(crime_2018.replace("2018", "2019"), group=steering_group, source_name="c.txt")

    preview = preview_import(
        (STRUCTURED / f"{NEAR_MISS_AGENDA}.txt").read_text(encoding="utf-8"),
        source_name=f"{NEAR_MISS_AGENDA}.txt",
        group=steering_group,
    )
    shown = {
        entry.number: {"title": link.paper.title, "guessed": link.is_guessed} if link else None
        for entry, link in zip(preview.parsed.items, preview.agenda_links, strict=True)
    }
    assert shown == {number: links[number] for number in shown}
    assert sum("(guessed)" in warning for warning in preview.warnings) == 3

    result = import_paper(STRUCTURED / f"{NEAR_MISS_AGENDA}.txt", group=steering_group)
    items = result.page.get_latest_revision_as_object().agenda_items.all()
    assert {i.number: i.paper.title if i.paper else None for i in items} == {
        number: link["title"] if link else None for number, link in shown.items()
    }
    assert [w for w in result.warnings if "(guessed)" in w][0].startswith(
        "agenda item 2 “Volunteering in Borough Parks” is linked to the paper “VOLUNTEERING"
    )
