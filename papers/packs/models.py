"""A meeting's agenda pack: the PDF, whether it is ready, and which generation it belongs to."""

from django.db import models


class AgendaPack(models.Model):
    """One per meeting. Any change to the meeting or its papers bumps `generation` and sets
    the state to PREPARING in the same transaction; a build only stores its PDF if the
    generation it started from is still current, so an out-of-date pack is never READY."""

    class State(models.TextChoices):
        PREPARING = "preparing", "Being prepared"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be made"

    meeting = models.OneToOneField(
        "papers.MeetingPage", on_delete=models.CASCADE, related_name="agenda_pack"
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.PREPARING)
    generation = models.PositiveIntegerField(default=0)
    # Under MEDIA_ROOT/agenda-packs/, which no URL serves: only packs.views reads it, after
    # checking the meeting's view restriction.
    pdf = models.FileField(upload_to="agenda-packs/", blank=True)
    built_from = models.CharField(
        max_length=64, blank=True, help_text="A digest of the live content the PDF was made from."
    )
    page_count = models.PositiveIntegerField(default=0)
    built_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = "agenda pack"

    def __str__(self) -> str:
        return f"Agenda pack of {self.meeting_id}"

    @property
    def is_ready(self) -> bool:
        return self.state == self.State.READY and bool(self.pdf)
