"""The batch's PDF, made by a background task: WeasyPrint renders each distinct letter body
once and every letter's own details in chunks of KCP_POSTAL_PDF_CHUNK_SIZE, and pikepdf
stamps those onto the bodies (members.postal.overlay), one letter per page or pages."""

import logging
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from home.audit import record_access
from home.outbox import queue_templated_email
from home.site_address import absolute_url
from members.audit.actions import Action
from members.exceptions import BatchOutOfDate, PdfRendererUnavailable
from members.models import PostalBatch, PostalLetter
from members.postal.batches import check_officer, check_still_for_its_members
from members.postal.enclosures import EnclosureKey, render_enclosures
from members.postal.letters import EnvelopeWindow, envelope_window, letters_document
from members.postal.overlay import (
    EnvelopeParts,
    PrintFile,
    RenderedParts,
    distinct_bodies,
    letter_overlay,
    letter_parts,
    merge_envelopes,
    merge_with_pikepdf,
    parts_before_reply_forms,
)
from members.postal.postage import is_printed_on_both_sides, sheets
from papers.exceptions import PdfUnavailable

logger = logging.getLogger(__name__)

PdfState = PostalBatch.PdfState


def open_pdf(officer, batch: PostalBatch):
    check_officer(officer)
    check_still_for_its_members(batch)
    record_access(
        officer,
        Action.DOWNLOADED_LETTERS,
        count=batch.letters.count(),
        details={"batch": batch.pk},
    )
    return batch.pdf.open("rb")


# --- The PDF ----------------------------------------------------------------------------------

PANGO_MISSING = (
    "The PDF cannot be made on this server: WeasyPrint needs the Pango text library "
    "(Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation). Until it is "
    "installed, open the letters in the browser and print them from there."
)


def weasyprint_html():
    """WeasyPrint's HTML class, or PdfRendererUnavailable if the system cannot run it."""
    try:
        # Imported here, not at the top: WeasyPrint loads Pango (a system library) on import,
        # and the site must run without it (`make run` offers the browser's print instead).
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise PdfRendererUnavailable(PANGO_MISSING) from error
    return HTML


def _chunk_pdf(document: str) -> bytes:
    """One chunk of letters as a PDF. Runs in a child process too: WeasyPrint only, no
    database or templates."""
    return weasyprint_html()(string=document).write_pdf()


def render_all(documents: list[str], processes: int) -> list[bytes]:
    if processes > 1 and len(documents) > 1:
        # Forked children share the rendered HTML and WeasyPrint already loaded; they touch
        # no database connection.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            return list(pool.map(_chunk_pdf, documents))
    return [_chunk_pdf(document) for document in documents]


def render_parts(
    letters: Sequence[str],
    envelope: EnvelopeWindow,
    *,
    chunk_size: int,
    processes: int = 1,
    enclosed: Sequence[tuple[EnclosureKey, ...]] = (),
) -> RenderedParts:
    """Each distinct body once, and every letter's overlay page, chunk_size to a document
    (memory stays flat however many letters there are), `processes` renders at once; and
    each enclosed paper once per print size (`enclosed`: each letter's papers, in order)."""
    weasyprint_html()  # the clear message now, before any work, if Pango is missing
    split = [letter_parts(html) for html in letters]
    enclosed = list(enclosed) or [()] * len(letters)
    envelopes = [
        EnvelopeParts(len(own), parts_before_reply_forms(own), tuple(keys))
        for own, keys in zip(split, enclosed, strict=True)
    ]
    papers = render_enclosures(key for keys in enclosed for key in keys)
    parts = [part for own in split for part in own]
    bodies, keys = distinct_bodies(parts)
    overlays = [letter_overlay(part) for part in parts]
    documents = [
        letters_document([body], title="Postal letters", envelope=envelope)
        for body in bodies.values()
    ] + [
        letters_document(
            overlays[start : start + chunk_size],
            title="Postal letters",
            envelope=envelope,
            is_overlay=True,
        )
        for start in range(0, len(overlays), chunk_size)
    ]
    rendered = render_all(documents, processes)
    return RenderedParts(
        bodies=dict(zip(bodies, rendered[: len(bodies)], strict=True)),
        keys=keys,
        overlays=rendered[len(bodies) :],
        envelopes=envelopes,
        papers=papers,
    )


def render_pdf(
    letters: Sequence[str],
    envelope: EnvelopeWindow,
    *,
    chunk_size: int,
    processes: int = 1,
    title: str = "Postal letters",
) -> bytes:
    """The letters as one print file: each distinct body rendered once, each letter's own
    details stamped on (members.postal.overlay says why and how). Any letters in the postal
    layout whose personal details are marked data-personal: a batch's, or a campaign's."""
    parts = render_parts(letters, envelope, chunk_size=chunk_size, processes=processes)
    return merge_with_pikepdf(parts, title=title)


def render_print_file(
    letters: Sequence[PostalLetter],
    envelope: EnvelopeWindow,
    *,
    is_duplex: bool,
    chunk_size: int,
    processes: int = 1,
) -> PrintFile:
    """The batch's print file: each letter, its enclosed papers (in its print size), its
    reply forms, padded to an even page count per envelope when printed on both sides."""
    parts = render_parts(
        [letter.html for letter in letters],
        envelope,
        chunk_size=chunk_size,
        processes=processes,
        enclosed=[
            tuple((enclosure["page"], letter.is_large_print) for enclosure in letter.enclosures)
            for letter in letters
        ],
    )
    return merge_envelopes(parts, title="Postal letters", is_duplex=is_duplex)


@transaction.atomic
def request_pdf(officer, batch: PostalBatch) -> PostalBatch:
    """Queue the PDF's making; the officer is emailed when it is ready."""
    check_officer(officer)
    batch = PostalBatch.objects.select_for_update().get(pk=batch.pk)
    check_still_for_its_members(batch)
    if batch.pdf_state == PdfState.RENDERING:
        return batch
    batch.pdf_state = PdfState.RENDERING
    batch.pdf_error = ""
    batch.pdf_requested_by = officer
    batch.save(update_fields=["pdf_state", "pdf_error", "pdf_requested_by"])
    batch_id = batch.pk
    transaction.on_commit(lambda: make_batch_pdf.enqueue(batch_id))
    return batch


def make_pdf(batch_id: int) -> str:
    """Render the batch's PDF and tell the officer who asked. Safe to run twice."""
    batch = PostalBatch.objects.filter(pk=batch_id).select_related("pdf_requested_by").first()
    if batch is None:  # discarded (rebuilt) before the worker came to it
        return "discarded"
    letters = list(batch.letters.order_by("position").only("html", "enclosures", "is_large_print"))
    is_duplex = is_printed_on_both_sides()
    try:
        check_still_for_its_members(batch)  # a page may have been unpublished since asked
        printed = render_print_file(
            letters,
            envelope_window(batch.envelope),
            is_duplex=is_duplex,
            chunk_size=settings.KCP_POSTAL_PDF_CHUNK_SIZE,
            processes=settings.KCP_POSTAL_PDF_PROCESSES,
        )
    except (PdfRendererUnavailable, PdfUnavailable, BatchOutOfDate) as error:
        logger.warning("Postal batch %s: %s", batch_id, error.message)
        PostalBatch.objects.filter(pk=batch_id).update(
            pdf_state=PdfState.FAILED, pdf_error=error.message, pdf_finished_at=timezone.now()
        )
        return PdfState.FAILED
    for letter, pages in zip(letters, printed.pages_per_envelope, strict=True):
        letter.page_count = pages
        letter.sheet_count = sheets(pages, is_duplex=is_duplex)
    PostalLetter.objects.bulk_update(letters, ["page_count", "sheet_count"], batch_size=500)
    if batch.pdf:
        batch.pdf.delete(save=False)
    batch.pdf.save(f"postal-batch-{batch.pk}.pdf", ContentFile(printed.pdf), save=False)
    batch.pdf_state = PdfState.READY
    batch.pdf_finished_at = timezone.now()
    batch.save(update_fields=["pdf", "pdf_state", "pdf_finished_at"])
    officer = batch.pdf_requested_by
    if officer is not None and officer.email:
        queue_templated_email(
            kind="postal_pdf_ready",
            to=[officer.email],
            template="members/email/postal_pdf_ready",
            context={
                "batch": batch,
                "letter_count": len(letters),
                "batch_url": absolute_url(reverse("members_postal_batch", args=[batch.pk])),
            },
            idempotency_key=f"postal-pdf-ready:{batch.pk}:{batch.pdf_finished_at.isoformat()}",
        )
    return PdfState.READY


@task(backend="background")
def make_batch_pdf(batch_id: int) -> str:
    return make_pdf(batch_id)
