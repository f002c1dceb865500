"""Papers in the envelope: each postal member's letter followed by exactly the full papers they
chose, in order, in large print where asked, then the reply form of each open consultation;
each paper rendered once per print size and reused; blank pages when printed on both sides;
and a batch whose enclosed paper was unpublished or restricted since it was built stopped.
Everything is read back from the batch's PDF with pypdf."""

import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import PageViewRestriction, Site

from home.audit import AuditEntry
from home.roles import PARTNERSHIP_OFFICERS
from members.exceptions import BatchOutOfDate
from members.models import Member, PostalBatch, PostalSettings
from members.postal.batches import build_batch, mark_posted
from members.postal.enclosures import check_enclosures_still_public
from members.postal.labels import labels_csv
from members.postal.pdf import make_pdf
from tests.fixtures.papers import make_consultation
from tests.fixtures.postal import postal as add_postal_member

pytestmark = pytest.mark.django_db

INEQUALITIES = "Health inequalities in the north of the borough"
DAMP = "Damp and mould in social housing"
CONSULTATION = "Health priorities: your views"


@pytest.fixture
def one_process(settings):
    settings.KCP_POSTAL_PDF_PROCESSES = 1


@pytest.fixture
def consulting(health_group, papers):
    """After the two papers, the Health and Well-Being Partnership consults its members."""
    return make_consultation(health_group, title=CONSULTATION)


@pytest.fixture
def choosers(officer, postal_readers, health, housing, consulting):
    """Bronwen keeps summaries; Cyril (large print) takes every paper on his subjects; Eluned
    only the papers of open consultations."""
    Member.objects.filter(pk=postal_readers["both"].pk).update(
        papers_by_post=Member.PapersByPost.INTERESTED
    )
    eluned = add_postal_member(officer, "Eluned Price", [health], address="5 Talbot Road\nLondon")
    Member.objects.filter(pk=eluned.pk).update(papers_by_post=Member.PapersByPost.CONSULTATIONS)
    return {"summaries": postal_readers["health"], "all": postal_readers["both"], "open": eluned}


def flat(text: str) -> str:
    return " ".join(text.split())


def page_kind(text: str) -> str:
    """What a printed page is: a letter's first page, a reply form, a slip, the first page of
    an enclosed paper (the site's name, then the paper's title), a blank page, or a page
    running on."""
    if "Your member number:" in text:
        return "letter"
    if text.startswith("Reply form:"):
        return "reply form"
    if text.startswith("Papers enclosed with your letter"):
        return "slip"
    if not text.strip():
        return "blank"
    if text.startswith("KENSINGTON AND CHELSEA PARTNERSHIP"):
        found = {title: text.find(title) for title in (INEQUALITIES, DAMP, CONSULTATION)}
        return min((place, title) for title, place in found.items() if place >= 0)[1]
    return "more"


def envelopes(batch: PostalBatch) -> dict[int, list[str]]:
    """Each member's envelope as the kinds of its pages (runs of 'more' left out), split by
    the page counts the PDF recorded on the letters."""
    reader = PdfReader(batch.pdf.open("rb"))
    texts = [flat(page.extract_text()) for page in reader.pages]
    batch.pdf.close()
    split, start = {}, 0
    for letter in batch.letters.order_by("position"):
        kinds = [page_kind(text) for text in texts[start : start + letter.page_count]]
        split[letter.member_id] = [kind for kind in kinds if kind != "more"]
        start += letter.page_count
    assert start == len(texts), "the envelopes' page counts add up to the whole file"
    return split


def test_each_letter_is_followed_by_exactly_the_papers_its_member_chose_then_the_reply_form(
    officer, choosers, one_process
):
    batch = build_batch(officer)
    assert make_pdf(batch.pk) == PostalBatch.PdfState.READY
    batch.refresh_from_db()
    split = envelopes(batch)
    assert split[choosers["summaries"].pk] == ["letter", "reply form"]
    # Cyril's three papers do not fit the large-print letter's box: they are on a slip.
    assert split[choosers["all"].pk] == [
        "letter",
        "slip",
        INEQUALITIES,
        DAMP,
        CONSULTATION,
        "reply form",
    ]
    assert split[choosers["open"].pk] == ["letter", CONSULTATION, "reply form"]
    # The enclosed consultation leaves out its online response panel: the form is on paper.
    pdf = batch.pdf.open("rb").read()
    batch.pdf.close()
    assert "Sign in to respond" not in " ".join(
        flat(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    # The letter lists them in its fixed box; a summaries letter says how to ask for papers.
    cyril = batch.letters.get(member=choosers["all"]).html
    assert "Enclosed with this letter: the full 3 papers</strong>, listed on the slip" in cyril
    assert "<li>Damp and mould in social housing</li>" in cyril  # on the slip
    eluned = batch.letters.get(member=choosers["open"]).html
    assert f"papers:</strong></p>\n<ul><li>{CONSULTATION}</li></ul>" in eluned.replace(
        "paper:", "papers:"
    )
    bronwen = batch.letters.get(member=choosers["summaries"]).html
    assert "No full papers are enclosed this time" in bronwen


def font_sizes(page) -> set[float]:
    sizes = set()

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.add(round(abs(size * tm[3] * cm[3]), 1))

    page.extract_text(visitor_text=visit)
    return sizes


def test_a_paper_is_rendered_once_per_print_size_and_in_large_print_where_asked(
    officer, choosers, postal_readers, health, one_process
):
    # A second large-print member and a second standard one who take every paper too.
    for name, large in (("Gwilym Rees", True), ("Hywel Jones", False)):
        member = add_postal_member(officer, name, [health], large_print=large)
        Member.objects.filter(pk=member.pk).update(papers_by_post=Member.PapersByPost.INTERESTED)
    batch = build_batch(officer)
    make_pdf(batch.pk)
    batch.refresh_from_db()
    reader = PdfReader(batch.pdf.open("rb"))
    firsts = [page for page in reader.pages if page_kind(flat(page.extract_text())) == INEQUALITIES]
    # Cyril and Gwilym in large print, Hywel in standard print; Bronwen and Eluned none.
    assert len(firsts) == 3
    smallest = sorted(min(font_sizes(page)) for page in firsts)
    assert smallest[0] < 16 <= smallest[1], smallest
    assert len({content_streams(page) for page in firsts}) == 2, (
        "one render per print size, its pages shared by every envelope that encloses it"
    )


def content_streams(page) -> tuple[int, ...]:
    contents = page.get("/Contents")
    references = contents if isinstance(contents, list) else [contents]
    return tuple(reference.idnum for reference in references)


@pytest.fixture
def both_sides(db):
    postal = PostalSettings.for_site(Site.objects.get(is_default_site=True))
    postal.print_on_both_sides = True
    postal.save()
    return postal


def test_printed_on_both_sides_each_envelope_is_padded_to_even_pages_and_its_sheets_counted(
    officer, officer_client, choosers, both_sides, one_process
):
    batch = build_batch(officer)
    make_pdf(batch.pk)
    batch.refresh_from_db()
    split = envelopes(batch)
    letters = list(batch.letters.order_by("position"))
    assert all(letter.page_count % 2 == 0 for letter in letters)
    assert all(letter.sheet_count * 2 == letter.page_count for letter in letters)
    assert any(kinds[-1] == "blank" for kinds in split.values()), "an odd envelope was padded"
    assert sum(len(kinds) for kinds in split.values()) > 0
    rows = labels_csv(officer, batch).splitlines()
    assert rows[0].endswith(",Pages,Sheets")
    for row, letter in zip(rows[1:], letters, strict=True):
        assert row.endswith(f",{letter.page_count},{letter.sheet_count}")
    labels = officer_client.get(f"/admin/postal-mailing/{batch.pk}/labels/").content.decode()
    first = letters[0]
    assert f"Letter 1: {first.page_count} pages, {first.sheet_count} sheet" in labels
    screen = officer_client.get(f"/admin/postal-mailing/{batch.pk}/").content.decode()
    sheets = sum(letter.sheet_count for letter in letters)
    assert f"<strong>{sheets} sheets</strong>" in screen and "printed on both sides" in screen
    # Each envelope weighs under 100 g: the first band's price for each.
    assert f"Estimated postage: <strong>£{0.87 * len(letters):.2f}</strong>" in screen
    mark_posted(officer, batch, posted_on=timezone.localdate())
    record = AuditEntry.objects.filter(action="members.marked_posted").latest("pk")
    assert record.details["sheets"] == sheets


def test_a_batch_whose_enclosed_paper_was_restricted_since_it_was_built_is_stopped(
    officer, choosers, papers, one_process
):
    batch = build_batch(officer)
    restriction = PageViewRestriction.objects.create(
        page=papers[0], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=PARTNERSHIP_OFFICERS))
    with pytest.raises(BatchOutOfDate, match=INEQUALITIES):
        check_enclosures_still_public([{"page": papers[0].pk, "title": INEQUALITIES}])
    assert make_pdf(batch.pk) == PostalBatch.PdfState.FAILED
    batch.refresh_from_db()
    assert INEQUALITIES in batch.pdf_error and not batch.pdf
    with pytest.raises(BatchOutOfDate):
        mark_posted(officer, batch, posted_on=timezone.localdate())


def test_a_batch_whose_enclosed_paper_was_unpublished_since_it_was_built_is_stopped(
    officer, choosers, papers, one_process
):
    batch = build_batch(officer)
    papers[1].unpublish()
    assert make_pdf(batch.pk) == PostalBatch.PdfState.FAILED
    batch.refresh_from_db()
    assert DAMP in batch.pdf_error and not batch.pdf


def test_a_restricted_paper_is_never_enclosed_even_for_a_member_who_asked_for_every_paper(
    officer, choosers, papers
):
    restriction = PageViewRestriction.objects.create(
        page=papers[1], restriction_type=PageViewRestriction.LOGIN
    )
    assert restriction.pk
    batch = build_batch(officer)
    enclosed = [
        enclosure["title"] for enclosure in batch.letters.get(member=choosers["all"]).enclosures
    ]
    assert DAMP not in enclosed and INEQUALITIES in enclosed
