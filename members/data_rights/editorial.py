"""What editors' records hold about a person (revisions, log entries, comments, uploads,
workflow states), for export and erasure: published papers stay, the link to the person goes."""

from dataclasses import dataclass

from django.db import models
from wagtail.admin.models import EditingSession, FormState
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    APIToken,
    Comment,
    CommentReply,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageSubscription,
    Revision,
    TaskState,
    UploadedFile,
    WorkflowState,
)

from home.extension_points import (
    RegisterEntry,
    rows,
)

EDITORIAL_RECORDS = (
    (Page, ("owner", "locked_by")),
    (Revision, ("user",)),
    (PageLogEntry, ("user",)),
    (ModelLogEntry, ("user",)),
    (Document, ("uploaded_by_user",)),
    (Image, ("uploaded_by_user",)),
    (UploadedFile, ("uploaded_by_user",)),
    (WorkflowState, ("requested_by",)),
    (TaskState, ("finished_by",)),
    (Comment, ("user", "resolved_by")),
    (CommentReply, ("user",)),
    (PageSubscription, ("user",)),
    (EditingSession, ("user",)),
    (FormState, ("user",)),
    (APIToken, ("user",)),
)


# Private to the person (their comments, subscriptions, unsaved form drafts, API tokens):
# deleted with them rather than unlinked.
EDITORIAL_RECORDS_DELETED = (
    Comment,
    CommentReply,
    PageSubscription,
    EditingSession,
    FormState,
    APIToken,
)


def _editorial_queryset(model, field_names, user):
    condition = models.Q()
    for name in field_names:
        condition |= models.Q(**{name: user})
    return model.objects.filter(condition)


def _export_editorial(user) -> dict:
    """What an editor did in the admin: the pages, revisions, files and comments that name
    them (the newest thousand of each)."""
    return {
        model._meta.label: rows(
            _editorial_queryset(model, field_names, user).order_by("-pk")[:1000]
        )
        for model, field_names in EDITORIAL_RECORDS
    }


def _erase_editorial(user) -> None:
    """Published work stays (it is the public record); the link to the person goes. Private
    things of theirs (comments, subscriptions, editing sessions) are deleted."""
    for model, field_names in EDITORIAL_RECORDS:
        if model in EDITORIAL_RECORDS_DELETED:
            _editorial_queryset(model, field_names, user).delete()
            continue
        if model in (PageLogEntry, ModelLogEntry):
            # The audit trail names people by id; the id stays when the account goes.
            continue
        for name in field_names:
            model.objects.filter(**{name: user}).update(**{name: None})


EDITORIAL_REGISTER = (
    RegisterEntry(
        "What editors did in the editing area (pages, revisions, files, comments)",
        tuple(f"{model._meta.label}.*" for model, _ in EDITORIAL_RECORDS),
        "To run the site's review and publishing, and to show who published what.",
        "Public task (UK GDPR article 6(1)(e))",
        "Partnership officers and the editors of the same pages",
        "Published papers are the public record and stay; the link to the person is "
        "removed when their account is deleted.",
    ),
)


@dataclass(frozen=True)
class EditingRecordsData:
    name: str = "Editing records"
    models: tuple = tuple(model for model, _ in EDITORIAL_RECORDS)
    register: tuple = EDITORIAL_REGISTER

    def export(self, user) -> dict:
        return _export_editorial(user)

    def erase(self, user) -> None:
        _erase_editorial(user)
