"""Every demo meeting with a published agenda gets its pack, built here and now (so `make
run` shows the link at once); without WeasyPrint's libraries the pack stays 'being prepared'."""

from papers.models import MeetingPage

from . import contents, services
from .models import AgendaPack


def load(stdout) -> None:
    meetings = [m for m in MeetingPage.objects.live() if contents.has_published_agenda(m)]
    for meeting in meetings:
        pack = AgendaPack.objects.filter(meeting=meeting).first()
        if pack is not None and services.servable_pack(meeting) is not None:
            continue
        if pack is None:
            pack = AgendaPack.objects.create(meeting=meeting)
        state = services.build(meeting.pk, pack.generation)
        stdout.write(f"Agenda pack of {meeting.title}: {state}.")
