"""Agenda packs: built in the background from live pages, public papers only, in agenda
order, with bookmarks and a tagged heading per item; never served out of date."""

import io

import pikepdf
import pytest
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from papers.models import MeetingPage
from papers.packs.models import AgendaPack
from tests.fixtures.papers import publish

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PACK_URL = "/steering-group/2009-05-13/agenda-pack.pdf"
MEETING_URL = "/steering-group/2009-05-13/"


@pytest.fixture(autouse=True)
def packs_in_tmp(media_in_tmp):
    """Pack files go to the test's own folder."""


def pack_pdf(client) -> bytes:
    response = client.get(PACK_URL)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def bookmarks(pdf: bytes) -> list[str]:
    return [entry.title for entry in PdfReader(io.BytesIO(pdf)).outline]


def tagged_headings(pdf: bytes) -> list[tuple[str, str]]:
    """(tag, text) of every heading element in the PDF's structure tree."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root.StructTreeRoot

        def walk(element):
            kids = element.get("/K")
            if kids is None:
                return
            kids = kids if isinstance(kids, pikepdf.Array) else [kids]
            for kid in kids:
                if not isinstance(kid, pikepdf.Dictionary):
                    continue
                tag = str(kid.get("/S", ""))
                if tag in {"/H1", "/H2", "/H3"}:
                    found.append((tag, str(kid.get("/T", "")) or str(kid.get("/Alt", ""))))
                walk(kid)

        walk(root)
        return found


def test_the_pack_holds_the_public_papers_in_agenda_order_with_a_bookmark_each(
    client, agenda, run_worker
):
    assert "The agenda pack is being prepared" in client.get(MEETING_URL).content.decode()
    assert client.get(PACK_URL).status_code == 404
    run_worker()
    page = client.get(MEETING_URL).content.decode()
    assert "Download the agenda pack (PDF" in page
    pdf = pack_pdf(client)
    assert bookmarks(pdf) == [
        "Agenda",
        "Contents",
        "2. Budget for 2009/10",
        "3. KCP Review of priorities",
        "4. Housing action plan update",
    ]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert text.index("Budget for 2009/10") < text.index("KCP Review of priorities")
    assert "Steering Group meeting, 13 May 2009" in text  # the running header


def test_the_pack_is_tagged_pdf_ua_with_a_heading_per_item(client, agenda, run_worker):
    run_worker()
    pdf = pack_pdf(client)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert document.Root.MarkInfo.Marked is True
        metadata = str(document.open_metadata())
        assert "pdfuaid" in metadata
    headings = tagged_headings(pdf)
    h1_count = sum(1 for tag, _ in headings if tag == "/H1")
    assert h1_count == 4  # the meeting, then one per item with a paper


def test_a_restricted_paper_is_left_out_and_the_pack_rebuilt(client, agenda, run_worker):
    run_worker()
    PageViewRestriction.objects.create(
        page=agenda["budget"], restriction_type=PageViewRestriction.LOGIN
    )
    assert "The agenda pack is being prepared" in client.get(MEETING_URL).content.decode()
    assert client.get(PACK_URL).status_code == 404
    run_worker()
    pdf = pack_pdf(client)
    assert bookmarks(pdf) == [
        "Agenda",
        "Contents",
        "3. KCP Review of priorities",
        "4. Housing action plan update",
    ]
    assert "Budget for 2009/10" not in "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages
    )


def test_editing_a_paper_rebuilds_the_pack_and_the_old_one_is_never_served(
    client, agenda, run_worker
):
    run_worker()
    review = agenda["review"]
    review.title = "KCP Review of priorities, revised"
    review.save_revision().publish()
    assert client.get(PACK_URL).status_code == 404
    assert "The agenda pack is being prepared" in client.get(MEETING_URL).content.decode()
    run_worker()
    assert "3. KCP Review of priorities, revised" in bookmarks(pack_pdf(client))


def test_an_unpublished_paper_leaves_the_pack(client, agenda, run_worker):
    run_worker()
    agenda["housing"].unpublish()
    assert client.get(PACK_URL).status_code == 404
    run_worker()
    assert "4. Housing action plan update" not in bookmarks(pack_pdf(client))


def test_a_restricted_meetings_pack_is_served_only_to_those_who_may_see_it(
    client, agenda, run_worker, django_user_model
):
    PageViewRestriction.objects.create(
        page=agenda["meeting"], restriction_type=PageViewRestriction.LOGIN
    )
    run_worker()
    assert AgendaPack.objects.get().is_ready
    assert client.get(PACK_URL).status_code == 404
    reader = django_user_model.objects.create_user("reader@example.org", "reader@example.org")
    client.force_login(reader)
    assert "2. Budget for 2009/10" in bookmarks(pack_pdf(client))
    assert "no-store" in client.get(PACK_URL)["Cache-Control"]


def test_a_meeting_without_an_agenda_offers_no_pack(client, meeting):
    meeting.save_revision().publish()
    page = client.get(MEETING_URL).content.decode()
    assert "agenda pack" not in page
    assert not AgendaPack.objects.exists()


def test_a_single_paper_downloads_as_a_tagged_pdf_with_its_numbered_paragraphs(client, report):
    page = client.get("/steering-group/2009-05-13/kcp-review/").content.decode()
    assert 'href="/steering-group/2009-05-13/kcp-review.pdf"' in page
    response = client.get("/steering-group/2009-05-13/kcp-review.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "KCP Review – taking forward priorities for 2009/10" in text
    assert "1.1" in text
    assert any(tag == "/H1" for tag, _ in tagged_headings(response.content))


def test_a_draft_or_restricted_paper_has_no_pdf(client, report):
    PageViewRestriction.objects.create(page=report, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/steering-group/2009-05-13/kcp-review.pdf").status_code == 404
    report.unpublish()
    assert client.get("/steering-group/2009-05-13/kcp-review.pdf").status_code == 404


def test_a_deleted_paper_leaves_the_pack(client, agenda, run_worker):
    run_worker()
    agenda["budget"].delete()
    assert client.get(PACK_URL).status_code == 404
    run_worker()
    assert "2. Budget for 2009/10" not in bookmarks(pack_pdf(client))
    assert "3. KCP Review of priorities" in bookmarks(pack_pdf(client))


def test_moving_a_paper_to_another_meeting_rebuilds_the_pack_it_left(
    client, agenda, run_worker, steering_group
):
    run_worker()
    other = publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, 8 July 2009",
            start=agenda["meeting"].start.replace(month=7, day=8),
            venue_name="The Town Hall",
        ),
    )
    agenda["housing"].move(other, pos="last-child")
    assert client.get(PACK_URL).status_code == 404
    run_worker()
    assert AgendaPack.objects.get(meeting=agenda["meeting"]).is_ready
