"""The verbs of agenda packs: mark a meeting's pack out of date (and queue its build), build
it, and open it for a reader who may see the meeting. A pack is served only when READY and
made from exactly the live content there is now, so a stale pack is never handed out."""

import io
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from pypdf import PdfReader

from papers.exceptions import PdfUnavailable
from papers.models import MeetingPage

from . import contents, rendering
from .models import AgendaPack

logger = logging.getLogger(__name__)
State = AgendaPack.State


@transaction.atomic
def mark_out_of_date(meeting_ids: set[int]) -> None:
    """Each meeting's pack is 'being prepared' from now, and a build is queued once the
    change is committed. Meetings without a published agenda lose their pack."""
    for meeting in MeetingPage.objects.filter(pk__in=meeting_ids):
        if not contents.has_published_agenda(meeting):
            AgendaPack.objects.filter(meeting=meeting).delete()
            continue
        AgendaPack.objects.get_or_create(meeting=meeting)
        AgendaPack.objects.filter(meeting=meeting).update(
            state=State.PREPARING, generation=F("generation") + 1, error=""
        )
        generation = AgendaPack.objects.get(meeting=meeting).generation
        transaction.on_commit(
            lambda meeting_id=meeting.pk, generation=generation: build_agenda_pack.enqueue(
                meeting_id, generation
            )
        )


def build(meeting_id: int, generation: int) -> str:
    """Render the pack of that generation and keep it, unless the meeting changed again
    meanwhile (a newer build is queued then). Safe to run twice."""
    pack = AgendaPack.objects.filter(meeting_id=meeting_id, generation=generation).first()
    if pack is None:
        return "superseded"
    meeting = pack.meeting
    items = contents.pack_items(meeting)
    if pack.is_ready and pack.built_from == contents.digest(meeting, items):
        return "up to date"  # built already, e.g. by the demo loader
    try:
        pdf = rendering.pack_pdf(meeting, items)
    except PdfUnavailable as error:
        logger.warning("Agenda pack of meeting %s: %s", meeting_id, error.message)
        AgendaPack.objects.filter(pk=pack.pk, generation=generation).update(
            state=State.FAILED, error=error.message
        )
        return State.FAILED
    with transaction.atomic():
        pack = AgendaPack.objects.select_for_update().get(pk=pack.pk)
        if pack.generation != generation:
            return "superseded"
        old = pack.pdf.name
        pack.pdf.save(f"meeting-{meeting_id}-{generation}.pdf", ContentFile(pdf), save=False)
        pack.state = State.READY
        pack.built_from = contents.digest(meeting, items)
        pack.page_count = len(PdfReader(io.BytesIO(pdf)).pages)
        pack.built_at = timezone.now()
        pack.save()
    if old and old != pack.pdf.name:
        pack.pdf.storage.delete(old)
    return State.READY


@task(backend="background")
def build_agenda_pack(meeting_id: int, generation: int) -> str:
    return build(meeting_id, generation)


def may_see(page, request) -> bool:
    """The page is live and every view restriction on it lets this request in."""
    return page.live and all(
        restriction.accept_request(request) for restriction in page.get_view_restrictions()
    )


def servable_pack(meeting: MeetingPage) -> AgendaPack | None:
    """The meeting's pack if it is ready and still matches the live pages, else None (the
    page then says it is being prepared)."""
    pack = AgendaPack.objects.filter(meeting=meeting).first()
    if pack is None or not pack.is_ready:
        return None
    if pack.built_from != contents.current_digest(meeting):
        return None
    return pack


def has_failed(meeting: MeetingPage) -> bool:
    return AgendaPack.objects.filter(meeting=meeting, state=State.FAILED).exists()
