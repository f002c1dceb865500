"""The admin's Import paper view: upload, preview with warnings, create the draft; only for
people who may add papers, and nothing is written until the officer clicks Create draft."""

import datetime
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import GroupPagePermission, Page, Revision

from papers.models import MeetingPage, ReportPage
from papers.seed_papers import SEED_PAPERS_DIR
from papers.services import import_paper
from tests.fixtures.papers import publish
from tests.papers.paper_files import PRIORITIES, report_docx

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
IMPORT_URL = "/admin/import-paper/"
CREATE_URL = "/admin/import-paper/create/"


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


def admin_user(django_user_model, email: str, *, group_name: str):
    """A signed-in admin user in a Django group of their own that may use the admin."""
    user = django_user_model.objects.create_user(email=email, password="x")
    group = Group.objects.create(name=group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user, group


def seed_upload(name: str = PRIORITIES, text: str | None = None) -> SimpleUploadedFile:
    content = text if text is not None else (SEED_PAPERS_DIR / name).read_text(encoding="utf-8")
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/plain")


def preview(client, upload, group, **data):
    return client.post(IMPORT_URL, {"file": upload, "group": group.pk, **data})


def token_of(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def test_officer_sees_the_import_paper_menu_item(officer_client, steering_group):
    response = officer_client.get("/admin/")
    assert response.status_code == 200
    assert IMPORT_URL in response.content.decode()
    assert "Import paper" in response.content.decode()


def test_import_form_labels_every_field(officer_client, steering_group):
    body = officer_client.get(IMPORT_URL).content.decode()
    for field_id, label in [
        ("id_file", "Paper"),
        ("id_group", "Group"),
        ("id_meeting_date", "Meeting date"),
    ]:
        assert re.search(rf'<label[^>]*for="{field_id}"[^>]*>\s*{label}', body), label


def test_preview_shows_the_structure_status_and_contact_and_creates_nothing(
    officer_client, steering_group
):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    response = preview(officer_client, seed_upload(), steering_group)
    body = response.content.decode()
    assert response.status_code == 200
    assert "KCP Review – taking forward priorities for 2009/10" in body
    assert "at a new meeting on 13 May 2009" in body
    assert "<strong>2.2 Role of the KCP</strong> (subheading)" in body
    assert "<strong>2.6.4</strong> Community Strategy sub group" in body
    assert "For information" in body
    assert "Rachel Smith, KCP Manager, 020 7361 3671, RachelA.Smith@rbkc.gov.uk" in body
    assert "None: every part of the paper was placed without doubt." in body
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_preview_lists_the_importers_warnings(officer_client, steering_group):
    text = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")
    text = text.replace("3. Conclusion", "2. Conclusion").replace(
        "3.1 The Steering", "2.7 The Steering"
    )
    body = preview(officer_client, seed_upload(text=text), steering_group).content.decode()
    assert "The importer was not sure about these parts" in body
    assert "out of sequence" in body


def test_create_draft_makes_a_draft_under_the_meeting_and_opens_the_editor(
    officer_client, officer, steering_group, meeting
):
    token = token_of(preview(officer_client, seed_upload(), steering_group))
    response = officer_client.post(CREATE_URL, {"token": token}, follow=True)
    page = ReportPage.objects.get()
    assert response.redirect_chain[-1][0] == f"/admin/pages/{page.pk}/edit/"
    assert "was created as a draft" in response.content.decode()
    assert page.get_parent().pk == meeting.pk
    assert not page.live and page.owner == officer
    assert page.status == ReportPage.Status.FOR_INFORMATION


def test_create_draft_twice_from_one_preview_makes_one_page(officer_client, steering_group):
    token = token_of(preview(officer_client, seed_upload(), steering_group))
    officer_client.post(CREATE_URL, {"token": token})
    response = officer_client.post(CREATE_URL, {"token": token}, follow=True)
    assert "The preview has expired" in response.content.decode()
    assert ReportPage.objects.count() == 1


def test_preview_of_a_paper_imported_before_says_it_updates_that_page(
    officer_client, steering_group
):
    officer_client.post(
        CREATE_URL, {"token": token_of(preview(officer_client, seed_upload(), steering_group))}
    )
    body = preview(officer_client, seed_upload(), steering_group).content.decode()
    assert "This paper was imported before" in body
    assert "at the meeting “Steering Group meeting, 13 May 2009”" in body


def test_word_file_uploads_and_previews_like_its_text(officer_client, steering_group, tmp_path):
    source = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")
    path = report_docx(source, tmp_path / "priorities.docx")
    upload = SimpleUploadedFile("priorities.docx", path.read_bytes())
    body = preview(officer_client, upload, steering_group).content.decode()
    assert "<strong>2.6.4</strong> Community Strategy sub group" in body


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (None, "Choose the paper&#x27;s file to upload."),
        (SimpleUploadedFile("paper.pdf", b"%PDF-1.4"), "not a PDF that can be read"),
        (SimpleUploadedFile("big.txt", b"a" * (10 * 1024 * 1024 + 1)), "papers over 10 MB"),
        (SimpleUploadedFile("blank.txt", b"   \n"), "the paper is empty"),
        (SimpleUploadedFile("paper.docx", b"PK\x03\x04 cut short"), "not a Word document"),
        (SimpleUploadedFile("odd.txt", b"\x81\x8d\x8f\x90\x9d" * 20), "not in an encoding"),
    ],
)
def test_bad_upload_shows_what_to_fix_and_creates_nothing(
    officer_client, steering_group, upload, message
):
    pages = Page.objects.count()
    data = {"group": steering_group.pk}
    if upload is not None:
        data["file"] = upload
    response = officer_client.post(IMPORT_URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'name="token"' not in response.content.decode()
    assert Page.objects.count() == pages


def test_undated_report_given_a_date_on_upload_previews_at_that_meeting(
    officer_client, steering_group
):
    text = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8").replace("May 13th, 2009", "")
    body = preview(
        officer_client, seed_upload(text=text), steering_group, meeting_date="2009-05-13"
    ).content.decode()
    assert "at a new meeting on 13 May 2009" in body
    assert "missing: give it below" not in body


def test_user_who_may_not_add_pages_gets_403_and_no_menu_item(
    client, django_user_model, steering_group
):
    user, _ = admin_user(django_user_model, "reader@kcp.example", group_name="Readers")
    client.force_login(user)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert IMPORT_URL not in dashboard.content.decode()
    assert client.get(IMPORT_URL).status_code == 403
    assert (
        client.post(IMPORT_URL, {"file": seed_upload(), "group": steering_group.pk}).status_code
        == 403
    )
    assert ReportPage.objects.count() == 0


def test_lead_officer_may_import_only_under_their_own_group(
    client, django_user_model, steering_group, health_group
):
    user, group = admin_user(django_user_model, "lead@kcp.example", group_name="Health leads")
    GroupPagePermission.objects.create(
        group=group, page=health_group, permission=Permission.objects.get(codename="add_page")
    )
    client.force_login(user)
    assert IMPORT_URL in client.get("/admin/").content.decode()
    form = client.get(IMPORT_URL).content.decode()
    assert "Health and Well-Being Partnership" in form
    assert f'value="{steering_group.pk}"' not in form
    refused = preview(client, seed_upload(), steering_group)
    assert "Select a valid choice" in refused.content.decode()
    token = token_of(preview(client, seed_upload(), health_group))
    client.post(CREATE_URL, {"token": token})
    page = ReportPage.objects.get()
    assert page.get_parent().get_parent().pk == health_group.pk
    assert MeetingPage.objects.child_of(health_group).count() == 1


def undated_upload() -> SimpleUploadedFile:
    text = (SEED_PAPERS_DIR / PRIORITIES).read_text(encoding="utf-8")
    return seed_upload(name="undated.txt", text=text.replace("May 13th, 2009", ""))


def test_preview_marks_each_fact_recognised_guessed_or_missing(officer_client, steering_group):
    body = preview(officer_client, seed_upload(), steering_group).content.decode()
    assert "KCP Review – taking forward priorities for 2009/10 " in body
    facts = re.findall(
        r"<dt>([^<]+)</dt>\s*<dd>.*?\((recognised|guessed[^)]*|missing[^)]*)\)", body
    )
    assert facts == [
        ("Title", "recognised"),
        ("Meeting date", "recognised"),
        ("Status", "recognised"),
        ("Author", "missing: fill it in on the draft"),
        ("Purpose", "recognised"),
        ("Contact officer", "recognised"),
    ]
    untitled = seed_upload(name="2009-05-13-untitled-note.txt", text="13 May 2009\n\n1.1 Text.\n")
    body = preview(officer_client, untitled, steering_group).content.decode()
    assert re.search(r"<dt>Title</dt>\s*<dd>Untitled note <span[^>]*>\(guessed: check it\)", body)


def test_undated_report_preview_asks_for_the_meeting_date_before_making_the_draft(
    officer_client, steering_group
):
    response = preview(officer_client, undated_upload(), steering_group)
    body = response.content.decode()
    assert "missing: give it below" in body
    assert re.search(r'<label[^>]*for="id_meeting_date"[^>]*>\s*Meeting date', body)
    token = token_of(response)
    pages = Page.objects.count()
    refused = officer_client.post(CREATE_URL, {"token": token})
    assert refused.status_code == 200
    assert "Give the date of the meeting the paper went to." in refused.content.decode()
    bad = officer_client.post(CREATE_URL, {"token": token, "meeting_date": "soon"})
    assert "Write the date as YYYY-MM-DD" in bad.content.decode()
    assert Page.objects.count() == pages
    created = officer_client.post(CREATE_URL, {"token": token, "meeting_date": "2009-05-13"})
    page = ReportPage.objects.get()
    assert created.status_code == 302 and created.url == f"/admin/pages/{page.pk}/edit/"
    assert page.get_parent().slug == "2009-05-13"
    assert page.meeting_date == datetime.date(2009, 5, 13)


def test_agenda_preview_warns_of_each_link_to_a_paper_it_guessed(officer_client, steering_group):
    structured = SEED_PAPERS_DIR.parents[1] / "tests" / "papers" / "corpus" / "structured"
    import_paper(
        structured / "2017-09-13-parks-volunteering-officer-blocks.txt", group=steering_group
    )
    agenda = (structured / "2017-11-08-environment-group-agenda.txt").read_text(encoding="utf-8")
    body = preview(officer_client, seed_upload("agenda.txt", agenda), steering_group)
    text = " ".join(body.content.decode().split())
    assert (
        "agenda item 2 “Volunteering in Borough Parks” is linked to the paper “VOLUNTEERING IN "
        "THE BOROUGH&#x27;S PARKS”, whose title is close but not the same (guessed): check it"
    ) in text
    assert "agenda item 5" not in text
