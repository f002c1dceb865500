"""The one audit trail of personal data: every view, export and change of it, by whom, when,
about what, from every app (pretix's `log_action`, for personal data).

Each app registers the actions it writes through the `kcp_audit_actions` hook, with the words
an officer reads on the audit screen; `record_access` refuses an action nobody registered, so
a misspelt action fails its test rather than writing an entry nobody can read. An entry names
its subject by kind and number only (`members.member` 42), never by name, so it holds no
personal data itself and outlives an erasure."""

from collections.abc import Mapping

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail import hooks

from home.exceptions import UnknownAuditAction
from home.extension_points import AUDIT_ACTIONS


class AuditEntry(models.Model):
    """One view, export or change of personal data."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty for the site's scheduled jobs and for people acting on their own data.",
    )
    action = models.CharField(max_length=60, db_index=True)
    subject_type = models.CharField(
        max_length=60, blank=True, help_text="What kind of record, as app.model: members.member."
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The event or consultation the records belong to, if any.",
    )
    count = models.PositiveIntegerField(
        default=0, help_text="How many people's records the action covered."
    )
    details = models.JSONField(
        default=dict, blank=True, help_text="Filters used, fields changed: never a value."
    )

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="audit_subject_idx")]
        verbose_name = "audit entry"
        verbose_name_plural = "personal data audit trail"

    def __str__(self) -> str:
        return f"{self.action_label} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def action_label(self) -> str:
        return audit_actions().get(self.action, self.action)

    @property
    def subject(self) -> str:
        if not self.subject_type:
            return ""
        kind = self.subject_type.split(".")[-1].replace("_", " ")
        return f"{kind} {self.subject_id}" if self.subject_id is not None else kind


def audit_actions() -> dict[str, str]:
    """Every registered action, code -> words."""
    actions: dict[str, str] = {}
    for registered in hooks.get_hooks(AUDIT_ACTIONS):
        actions.update(registered())
    return actions


def subject_of(record: models.Model) -> tuple[str, int]:
    return record._meta.label_lower, record.pk


def record_access(
    actor,
    action: str,
    *,
    subject: models.Model | tuple[str, int] | None = None,
    page=None,
    count: int = 0,
    details: Mapping | None = None,
) -> AuditEntry:
    """Write one entry. `subject` is the record concerned (a model instance, or its kind and
    number once it is gone); `count` defaults to 1 with a subject; `details` names filters and
    fields, never a person's data."""
    if action not in audit_actions():
        raise UnknownAuditAction(f"No app registered the audit action {action!r}.")
    subject_type, subject_id = "", None
    if isinstance(subject, models.Model):
        subject_type, subject_id = subject_of(subject)
    elif subject is not None:
        subject_type, subject_id = subject
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        page=page,
        count=count or (1 if subject is not None else 0),
        details=dict(details or {}),
    )


def entries_about(record: models.Model) -> models.QuerySet:
    """The entries whose subject is `record`: for a person's own data export."""
    subject_type, subject_id = subject_of(record)
    return AuditEntry.objects.filter(subject_type=subject_type, subject_id=subject_id)
