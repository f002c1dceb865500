"""Imported minutes bring their decisions and actions into the meeting cycle's registers:
each decision with its outcome, minute paragraph and agenda item, each action with its owner
as printed and its due date where printed; a second import adds nothing twice; and nothing of
minutes still in draft reaches the public registers."""

import datetime
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html as lxml_html

from papers.governance.models import Action, Decision
from papers.models import AgendaItem, MeetingPage
from papers.services import import_paper
from tests.papers.test_import_meeting_records import EXPECTED, NEAR_MISS_AGENDA
from tests.papers.test_import_structure import STRUCTURED
from tests.people import SECRET

pytestmark = pytest.mark.django_db

MINUTES = "2023-06-14-safer-neighbourhoods-minutes"
IMPORT_URL = "/admin/import-paper/"


@pytest.fixture
def officer_client(client, officer):
    TOTP.activate(officer, SECRET)
    client.force_login(officer)
    return client


def import_minutes(group, suffix=".txt", **kwargs):
    return import_paper(STRUCTURED / f"{MINUTES}{suffix}", group=group, **kwargs)


def publish_all(result):
    meeting = result.page.get_parent().specific
    meeting.get_latest_revision().publish()
    result.page.get_latest_revision().publish()
    result.page.refresh_from_db()
    return result.page


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_importing_minutes_records_each_decision_with_its_outcome_and_minute(
    steering_group, suffix
):
    page = import_minutes(steering_group, suffix).page
    decisions = Decision.objects.filter(minutes_id=page.pk).order_by("pk")
    assert [(d.minute_number, d.outcome, d.wording) for d in decisions] == [
        (
            "13.2",
            "approved",
            "that a joint patrol plan for Latimer Road be brought to the next meeting.",
        ),
        ("14(b)", "noted", "The panel's shortlist of six applications."),
    ]
    assert [d.item_title for d in decisions] == [
        "Antisocial behaviour in the north of the borough",
        "Youth diversion grants",
    ]
    assert {d.meeting.start.date() for d in decisions} == {datetime.date(2023, 6, 14)}
    assert {d.decided_on for d in decisions} == {datetime.date(2023, 6, 14)}


def test_importing_minutes_records_each_action_with_its_owner_as_printed_and_due_date(
    steering_group,
):
    page = import_minutes(steering_group).page
    actions = Action.objects.filter(source_page_id=page.pk).order_by("pk")
    assert [(a.who, a.owner, a.due_on, a.source_number) for a in actions] == [
        ("Superintendent Lucy Grant", None, datetime.date(2023, 8, 30), "13.2"),
        ("Sam Patel", None, None, "14(b)"),
    ]
    assert actions[0].text.startswith("Superintendent Lucy Grant to draw up the joint patrol")


def test_a_decision_takes_the_meetings_agenda_item_and_its_paper_when_the_titles_match(
    steering_group,
):
    meeting = import_minutes(steering_group).page.get_parent().specific
    paper = import_paper(
        STRUCTURED / "2018-11-07-crime-figures-tables.txt", group=steering_group
    ).page
    AgendaItem.objects.create(
        page=meeting,
        number="13",
        title="Anti-social behaviour in the North of the Borough",
        paper=paper,
    )
    import_minutes(steering_group)  # again, now that the agenda is there
    first, second = Decision.objects.order_by("pk")
    assert (first.item_title, first.paper_id) == (
        "Anti-social behaviour in the North of the Borough",
        paper.pk,
    )
    assert (second.item_title, second.paper_id) == ("Youth diversion grants", None)


def test_importing_the_same_minutes_again_adds_no_decision_or_action_twice(steering_group):
    import_minutes(steering_group, ".txt")
    before = (
        sorted(Decision.objects.values_list("pk", flat=True)),
        sorted(Action.objects.values_list("pk", flat=True)),
    )
    again = import_minutes(steering_group, ".docx")
    assert not again.created
    assert MeetingPage.objects.child_of(steering_group).count() == 1
    assert (
        sorted(Decision.objects.values_list("pk", flat=True)),
        sorted(Action.objects.values_list("pk", flat=True)),
    ) == before


def test_a_decision_links_to_its_paragraph_on_the_published_minutes_and_back(
    client, steering_group
):
    page = publish_all(import_minutes(steering_group))
    decision = Decision.objects.get(minute_number="13.2")
    action = Action.objects.get(source_number="13.2")
    minutes = lxml_html.fromstring(client.get(page.url).content.decode())
    (paragraph,) = minutes.xpath(f'//*[@id="{decision.anchor}"]')
    back = paragraph.xpath(".//a/@href")
    assert f"{reverse('governance_decisions')}#{decision.anchor_id}" in back
    assert f"{reverse('governance_actions')}#{action.anchor_id}" in back
    register = lxml_html.fromstring(client.get(reverse("governance_decisions")).content)
    hrefs = register.xpath("//a/@href")
    assert f"{page.url}#{decision.anchor}" in hrefs


def test_draft_minutes_keep_their_decisions_and_actions_from_the_public_until_published(
    client, steering_group
):
    result = import_minutes(steering_group)
    meeting = result.page.get_parent().specific
    meeting.get_latest_revision().publish()  # the meeting is public, its minutes not yet
    decisions = client.get(reverse("governance_decisions")).content.decode()
    actions = client.get(reverse("governance_actions")).content.decode()
    assert "joint patrol plan" not in decisions
    assert "joint patrol plan" not in actions
    assert "shortlist of six" not in decisions

    publish_all(result)
    decisions = client.get(reverse("governance_decisions")).content.decode()
    actions = client.get(reverse("governance_actions")).content.decode()
    assert "joint patrol plan for Latimer Road be brought" in decisions
    assert "shortlist of six" in decisions
    assert "Superintendent Lucy Grant to draw up the joint patrol plan" in actions


def preview_screen(client, group, name: str) -> lxml_html.HtmlElement:
    upload = SimpleUploadedFile(name, (STRUCTURED / name).read_bytes(), content_type="text/plain")
    response = client.post(IMPORT_URL, {"file": upload, "group": group.pk})
    assert response.status_code == 200
    return lxml_html.fromstring(response.content.decode())


def said(element) -> str:
    return " ".join(element.text_content().split())


def test_the_minutes_preview_says_each_decision_and_action_becomes_a_register_entry(
    officer_client, steering_group
):
    screen = preview_screen(officer_client, steering_group, f"{MINUTES}.txt")
    entries = [said(li) for li in screen.xpath("//main//li") if "becomes" in said(li)]
    assert entries == [
        "Decision, RESOLVED (minute 13.2): that a joint patrol plan for Latimer Road be brought "
        "to the next meeting. (becomes a register entry: approved)",
        "Action: Superintendent Lucy Grant to draw up the joint patrol plan by 30 August 2023. "
        "— owner Superintendent Lucy Grant (guessed from the wording: check it), due 30 August "
        "2023 (guessed) (becomes an action in the tracker)",
        "Decision, NOTED (minute 14(b)): The panel's shortlist of six applications. (becomes a "
        "register entry: noted)",
        "Action: Sam Patel to write to the unsuccessful applicants. — owner Sam Patel (guessed "
        "from the wording: check it) (becomes an action in the tracker)",
    ]
    assert not Decision.objects.exists() and not Action.objects.exists()


def test_the_agenda_preview_marks_a_link_guessed_by_near_match_beside_its_item(
    officer_client, steering_group
):
    for name in EXPECTED[f"{NEAR_MISS_AGENDA}.txt"]["links_when_on_the_site"]["papers"][:-1]:
        import_paper(STRUCTURED / name, group=steering_group)
    crime_2018 = (STRUCTURED / "2018-11-07-crime-figures-tables.txt").read_text(encoding="utf-8")
    import_paper(crime_2018.replace("2018", "2019"), group=steering_group, source_name="c.txt")
    screen = preview_screen(officer_client, steering_group, f"{NEAR_MISS_AGENDA}.txt")
    rows = {
        said(row.xpath("td[1]")[0]): said(row.xpath("td[5]")[0])
        for row in screen.xpath("//table[caption='Agenda items']/tbody/tr")
    }
    guessed = {number for number, link in rows.items() if "(guessed" in link}
    expected = EXPECTED[f"{NEAR_MISS_AGENDA}.txt"]["links_when_on_the_site"]
    assert guessed == {
        n for n, link in expected.items() if isinstance(link, dict) and link["guessed"]
    }
    assert guessed and all(rows[n] != "—" for n in guessed)


def test_an_officer_creating_the_minutes_from_the_preview_records_their_decisions_and_actions(
    officer_client, steering_group
):
    upload = SimpleUploadedFile(f"{MINUTES}.txt", (STRUCTURED / f"{MINUTES}.txt").read_bytes())
    body = officer_client.post(IMPORT_URL, {"file": upload, "group": steering_group.pk})
    token = re.search(r'name="token" value="([^"]+)"', body.content.decode()).group(1)
    response = officer_client.post(f"{IMPORT_URL}create/", {"token": token})
    assert response.status_code == 302
    assert Decision.objects.count() == 2 and Action.objects.count() == 2
