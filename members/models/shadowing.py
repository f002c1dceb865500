"""Shadowing and meet-a-member: officers pair a new Steering Group member with an existing
one, to shadow them at a meeting or to talk outside meetings (the 2009 review, 2.3.1)."""

from django.conf import settings
from django.db import models

DEFAULT_EXPECTATIONS = {
    "shadowing": "Meet 15 minutes before the meeting starts. The existing member explains the "
    "agenda and papers, who is who around the table, and how decisions are taken; afterwards, "
    "talk over what happened and any questions.",
    "conversation": "Meet for half an hour or so, outside a Steering Group meeting, in person "
    "or by phone: what the Partnership does, how members prepare for meetings, and anything "
    "the new member would like to ask.",
}


class Pairing(models.Model):
    class Kind(models.TextChoices):
        SHADOWING = "shadowing", "Shadowing at a meeting"
        CONVERSATION = "conversation", "A conversation outside meetings"

    new_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pairings_as_new_member",
        help_text="The new Steering Group member.",
    )
    existing_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pairings_as_existing_member",
        help_text="An existing Steering Group member who will show them the ropes.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SHADOWING)
    meeting = models.ForeignKey(
        "papers.MeetingPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For shadowing: the meeting the new member will attend with them.",
    )
    expectations = models.TextField(
        "what is expected",
        blank=True,
        help_text="Sent to both in the introduction email. Leave blank for the usual text.",
    )
    arranged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    arranged_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-arranged_at"]
        verbose_name = "shadowing or meet-a-member pairing"

    def __str__(self) -> str:
        return f"{self.new_member} with {self.existing_member} ({self.get_kind_display()})"

    @property
    def is_done(self) -> bool:
        return self.completed_at is not None

    @property
    def what_is_expected(self) -> str:
        return self.expectations or DEFAULT_EXPECTATIONS[self.kind]

    def other_than(self, user):
        return self.existing_member if user.pk == self.new_member_id else self.new_member
