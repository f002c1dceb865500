"""The import screen's warnings and choices: a paper already on the site is named, with why
and a link, before anything is created (the officer may still go on); a title printed in
capitals is offered in sentence case, acronyms kept, and the officer chooses."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page

from papers.models import ReportPage
from papers.printed_titles import is_in_capitals, sentence_case
from papers.seed_papers import SEED_PAPERS_DIR
from papers.services import import_paper
from tests.fixtures.papers import publish
from tests.papers.paper_files import PRIORITIES
from tests.people import SECRET

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/import-paper/"
CREATE_URL = "/admin/import-paper/create/"
PRINTED_TITLE = "KCP Review – taking forward priorities for 2009/10"
CAPITALS = "KCP REVIEW – TAKING FORWARD PRIORITIES FOR 2009/10 IN KENSINGTON AND CHELSEA"
PRIORITIES_TEXT = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")


@pytest.fixture
def officer_client(client, officer):
    TOTP.activate(officer, SECRET)
    client.force_login(officer)
    return client


@pytest.fixture
def health_group(home_page):
    from themegroups.models import GroupPage

    return publish(
        home_page,
        GroupPage(title="Health and Well-Being Partnership", slug="health", purpose="Health."),
    )


def upload(text: str = PRIORITIES_TEXT, name: str = PRIORITIES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def preview(client, group, text: str = PRIORITIES_TEXT, name: str = PRIORITIES):
    response = client.post(IMPORT_URL, {"file": upload(text, name), "group": group.pk})
    assert response.status_code == 200
    return response


def token_of(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def same_paper_warning(response) -> str:
    body = response.content.decode()
    if 'id="import-same-paper"' not in body:
        return ""
    return body.split('id="import-same-paper"')[1].split("</div>")[0]


# --- The same paper already on the site ------------------------------------------------------


def test_the_same_file_published_under_another_group_is_named_with_a_link_and_why(
    officer_client, steering_group, health_group
):
    result = import_paper(
        PRIORITIES_TEXT, source_name=PRIORITIES, group=steering_group, publish=True
    )
    warning = same_paper_warning(preview(officer_client, health_group))
    assert f'href="/admin/pages/{result.page.pk}/edit/"' in warning
    assert f"{PRINTED_TITLE}</a> (13 May 2009), published: the same file." in warning


def test_the_officer_can_still_go_on_and_create_the_draft(
    officer_client, steering_group, health_group
):
    import_paper(PRIORITIES_TEXT, source_name=PRIORITIES, group=steering_group, publish=True)
    token = token_of(preview(officer_client, health_group))
    response = officer_client.post(CREATE_URL, {"token": token})
    assert response.status_code == 302
    assert ReportPage.objects.count() == 2
    assert ReportPage.objects.descendant_of(health_group).get().title == PRINTED_TITLE


def test_the_same_title_and_meeting_date_with_other_text_is_named_as_such(
    officer_client, steering_group, health_group
):
    import_paper(PRIORITIES_TEXT, source_name=PRIORITIES, group=steering_group)
    revised = PRIORITIES_TEXT + "\n3. Next steps\n\n3.1 A paragraph added later.\n"
    warning = same_paper_warning(preview(officer_client, health_group, revised))
    assert "a draft: the same title and meeting date." in warning


def test_a_paper_new_to_the_site_gets_no_warning(officer_client, steering_group):
    assert same_paper_warning(preview(officer_client, steering_group)) == ""


# --- Titles printed in capitals --------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (CAPITALS, "KCP review – taking forward priorities for 2009/10 in Kensington and Chelsea"),
        ("NHS AND PCT PLANS FOR RBKC RESIDENTS", "NHS and PCT plans for RBKC residents"),
        ("THE LAA: DELIVERY PLAN", "The LAA: delivery plan"),
        ("PARTNERSHIPS REVIEW", "Partnerships review"),  # a long word is never an acronym
        ("ARE WE THERE YET", "Are we there yet"),  # short words not in the list are lowered
    ],
)
def test_sentence_case_keeps_acronyms_and_place_names(printed, expected):
    assert is_in_capitals(printed)
    assert sentence_case(printed) == expected


@pytest.mark.parametrize("title", [PRINTED_TITLE, "NHS PCT", "2009/10"])
def test_a_title_in_mixed_case_or_only_initials_is_not_in_capitals(title):
    assert not is_in_capitals(title)


def capitals_text() -> str:
    return PRIORITIES_TEXT.replace(PRINTED_TITLE, CAPITALS)


def test_a_title_in_capitals_is_offered_in_sentence_case_and_the_officer_chooses_it(
    officer_client, steering_group
):
    response = preview(officer_client, steering_group, capitals_text())
    body = response.content.decode()
    assert "Write the title in sentence case: “KCP review – taking forward priorities" in body
    assert (
        'name="use_sentence_case"' in body
        and "checked" not in body.split('name="use_sentence_case"')[1][:40]
    )
    officer_client.post(CREATE_URL, {"token": token_of(response), "use_sentence_case": "on"})
    page = ReportPage.objects.get()
    assert page.title == sentence_case(CAPITALS)
    assert page.slug.startswith("kcp-review-taking-forward")


def test_a_title_in_capitals_stays_so_unless_the_officer_chooses(officer_client, steering_group):
    response = preview(officer_client, steering_group, capitals_text())
    officer_client.post(CREATE_URL, {"token": token_of(response)})
    assert ReportPage.objects.get().title == CAPITALS


def test_a_title_in_mixed_case_offers_no_choice(officer_client, steering_group):
    assert "use_sentence_case" not in preview(officer_client, steering_group).content.decode()


def test_with_the_date_missing_the_choice_is_kept_the_error_says_what_to_do_and_nothing_is_made(
    officer_client, steering_group
):
    undated = capitals_text().replace("May 13th, 2009", "")
    token = token_of(preview(officer_client, steering_group, undated, "undated.txt"))
    pages = Page.objects.count()
    refused = officer_client.post(CREATE_URL, {"token": token, "use_sentence_case": "on"})
    body = refused.content.decode()
    assert refused.status_code == 200
    assert "Give the date of the meeting the paper went to." in body
    assert re.search(r'name="use_sentence_case"[^>]*checked', body)
    assert Page.objects.count() == pages
    officer_client.post(
        CREATE_URL, {"token": token, "use_sentence_case": "on", "meeting_date": "2009-05-13"}
    )
    assert ReportPage.objects.get().title == sentence_case(CAPITALS)
