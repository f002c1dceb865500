"""Data rights: everything the site holds about a member, as a readable page and a JSON file,
and erasure, through every app's `kcp_personal_data` holder (home.extension_points).

A member with an account is found through their user; a postal member has only their
membership. Erasure deletes what the person owns, then their sessions, then the account;
the public record (minutes, papers) is untouched, and audit entries name them only by id."""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
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
    DataHolder,
    RegisterEntry,
    personal_data_holders,
    row_as_dict,
    rows,
)
from home.models import OutgoingEmail

from ..models import (
    AlertDelivery,
    ConsentRecord,
    Member,
    MemberDataAuditEntry,
    MembershipChange,
    User,
)
from ..postal.personal_data import erase_postal_letters, export_postal_letters
from . import audit, retention
from .retention import retention_months

# --- The members app's holders ----------------------------------------------------------------


def export_membership(member: Member | None) -> dict:
    if member is None:
        return {}
    return {
        "membership": row_as_dict(member),
        "consent_records": rows(member.consents.all()),
        "changes": rows(member.changes.all()),
        "alerts_sent": rows(member.alert_deliveries.all()),
        "audit_entries_about_you": rows(MemberDataAuditEntry.objects.filter(member_id=member.pk)),
    }


def _member_of(user) -> Member | None:
    return Member.objects.filter(user=user).first()


def _export_membership_of(user) -> dict:
    return export_membership(_member_of(user))


def erase_membership(member: Member) -> None:
    """The membership with its consents, change history and letters; Wagtail's log entries
    about it keep only its number."""
    member_id = member.pk
    erase_postal_letters(member)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Member), object_id=str(member_id)
    ).update(label=f"Member {member_id}", data={})
    member.delete()


def _erase_membership_of(user) -> None:
    member = _member_of(user)
    if member is not None:
        erase_membership(member)
    # What the person did as an officer stays in the audit log under their number.
    MemberDataAuditEntry.objects.filter(officer=user).update(officer=None)
    Member.objects.filter(added_by=user).update(added_by=None)
    ConsentRecord.objects.filter(recorded_by=user).update(recorded_by=None)
    MembershipChange.objects.filter(changed_by=user).update(changed_by=None)


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


def identifying_strings(member: Member | None, user=None) -> list[str]:
    """What names this person and nobody else in free text: email, name, and the first line
    of the address (a town or a postcode alone would match their neighbours too)."""
    strings = [user.email] if user is not None else []
    if member is not None:
        strings += [member.name, *member.postal_address.splitlines()[:1]]
    return [string.strip() for string in strings if string and string.strip()]


def _identifying_strings(user) -> list[str]:
    return identifying_strings(_member_of(user), user)


def background_work_naming(strings) -> "models.QuerySet[DBTaskResult]":
    """Queued or finished background tasks whose arguments or result name the person."""
    condition = models.Q()
    for string in strings:
        condition |= models.Q(as_text__icontains=string)
    if not condition:
        return DBTaskResult.objects.none()
    return DBTaskResult.objects.annotate(
        as_text=Concat(
            Cast("args_kwargs", models.TextField()), Cast("return_value", models.TextField())
        )
    ).filter(condition)


def emails_to(address: str):
    """The outbox's emails to the person (home.OutgoingEmail keeps recipients as JSON)."""
    if not address:
        return OutgoingEmail.objects.none()
    return OutgoingEmail.objects.annotate(
        addressed_to=Concat(
            Cast("to", models.TextField()),
            Cast("cc", models.TextField()),
            Cast("bcc", models.TextField()),
        )
    ).filter(addressed_to__icontains=address)


def _export_background_work(user) -> dict:
    return {
        "queued_work": rows(background_work_naming(_identifying_strings(user))),
        "emails": rows(emails_to(user.email)),
    }


def erase_background_work(strings, email: str = "") -> None:
    """Work about an erased person is not done, and the outbox forgets what it sent them."""
    DBTaskResult.objects.filter(pk__in=background_work_naming(strings).values("pk")).delete()
    OutgoingEmail.objects.filter(pk__in=emails_to(email).values("pk")).delete()


def _erase_background_work(user) -> None:
    erase_background_work(_identifying_strings(user), user.email)


def _register() -> tuple[RegisterEntry, ...]:
    officers = "Partnership officers (the KCP support team) only"
    while_member = (
        f"While you are a member. After {retention_months()} months with no activity and no "
        "renewed consent, officers review it and it is erased unless you renew; or at once "
        "when you delete your membership."
    )
    return (
        RegisterEntry(
            "Your name",
            ("members.Member.name",),
            "To address you in emails and letters.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "Your email address",
            ("members.User.email", "account.EmailAddress.*"),
            "To send you the news you chose and the codes you sign in with.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "Your postal address (postal members only)",
            ("members.Member.postal_address", "members.Member.postcode"),
            "To post you the news you chose, if you do not use email.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "What kind of member you are, and your organisation's name",
            ("members.Member.kind", "members.Member.organisation_name"),
            "To know who the partnership reaches, in totals only.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "The subjects you chose and how you want to hear: by post, in large print or "
            "not, and whether your letters are paused because one came back and why; by "
            "email, whether our emails are paused because your mail server refused them",
            (
                "members.Member.interests",
                "members.Member.route",
                "members.Member.status",
                "members.Member.is_large_print",
                "members.Member.post_paused_on",
                "members.Member.post_paused_reason",
                "members.Member.email_paused_at",
                "members.Member.email_paused_reason",
            ),
            "To send you only what you asked for, the way you asked.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "When you joined, confirmed your address and last changed your membership, and "
            "which officer added you (postal members)",
            (
                "members.Member.id",
                "members.Member.user",
                "members.Member.joined_at",
                "members.Member.verified_at",
                "members.Member.last_active_at",
                "members.Member.added_by",
            ),
            "To run your membership and to know when to ask you to renew it.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            while_member,
        ),
        RegisterEntry(
            "Your consent: the words you agreed to, when, how, which version of this notice, "
            "and which officer recorded it",
            ("members.ConsentRecord.*",),
            "To show that you agreed, as the law requires us to be able to.",
            "Legal obligation (UK GDPR articles 6(1)(c) and 7(1))",
            officers,
            "As long as your membership; erased with it.",
        ),
        RegisterEntry(
            "Each change to your membership (subjects, route, pausing, leaving), without "
            "your name or address",
            ("members.MembershipChange.*",),
            "To answer questions about what you were sent and why.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            "As long as your membership; erased with it.",
        ),
        RegisterEntry(
            "The alerts we sent you: which posting, by which route, when, and whether it was "
            "delivered",
            ("members.AlertDelivery.*",),
            "To send each posting once, and to answer questions about what you were sent.",
            "Consent (UK GDPR article 6(1)(a))",
            officers,
            "As long as your membership; erased with it.",
        ),
        RegisterEntry(
            "The audit log: which officer viewed, exported or changed member records, naming "
            "members by number only",
            ("members.MemberDataAuditEntry.*",),
            "To keep member data secure and to check it is used properly.",
            "Legal obligation (UK GDPR article 32, security of processing)",
            officers,
            "Six years. It holds no name, email or address, so it is kept after an erasure.",
        ),
        RegisterEntry(
            "Messages and other work waiting to be done for you, such as an email being sent",
            (f"{DBTaskResult._meta.label}.*", "home.OutgoingEmail.*"),
            "To send you what you asked for even when the mail server is busy.",
            "Consent, or public task for officers and editors",
            "Nobody reads it; the site's background worker uses it",
            "Until the work is done and then as long as the account; at once on erasure.",
        ),
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


def membership_holder() -> DataHolder:
    register = _register()
    return DataHolder(
        name="Wider partnership membership",
        models=(Member, MembershipChange, ConsentRecord, AlertDelivery, MemberDataAuditEntry),
        export=_export_membership_of,
        erase=_erase_membership_of,
        register=register[:10],
    )


def background_work_holder() -> DataHolder:
    return DataHolder(
        name="Background work",
        models=(DBTaskResult, OutgoingEmail),
        export=_export_background_work,
        erase=_erase_background_work,
        register=_register()[10:11],
    )


def editing_records_holder() -> DataHolder:
    return DataHolder(
        name="Editing records",
        models=tuple(model for model, _ in EDITORIAL_RECORDS),
        export=_export_editorial,
        erase=_erase_editorial,
        register=_register()[11:],
    )


# --- Data rights ------------------------------------------------------------------------------


def export_member(member: Member) -> dict:
    """Everything the site holds about the member, by holder; JSON-ready."""
    held: dict[str, dict | list] = {}
    if member.user_id:
        for holder in personal_data_holders():
            held[holder.name] = holder.export(member.user)
    else:
        held["Wider partnership membership"] = export_membership(member)
        held["Postal letters"] = export_postal_letters(member)
        held["Background work"] = rows(background_work_naming(identifying_strings(member)))
        # Holders that keep data against the membership itself (recorded responses).
        for holder in personal_data_holders():
            if hasattr(holder, "export_member"):
                held[holder.name] = holder.export_member(member)
    return {"generated_at": timezone.now().isoformat(), "held": held}


def export_for_officer(officer, member: Member) -> dict:
    audit.record_access(officer, audit.Action.DOWNLOADED, member=member)
    return export_member(member)


@transaction.atomic
def erase_member(member: Member, *, by=None) -> int:
    """Erase the member and their account through every holder. Returns the member's old id,
    which is all the audit log keeps."""
    member_id = member.pk
    user = member.user if member.user_id else None
    # First, while the name and address are still there to find it by.
    erase_background_work(identifying_strings(member, user), user.email if user else "")
    # Then what holders keep against the membership, before deleting it only unlinks it.
    for holder in personal_data_holders():
        if hasattr(holder, "erase_member"):
            holder.erase_member(member)
    if user is not None:
        # The security log (members.audit) names accounts by their label: keep only the id.
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
        ).update(label=f"User {user.pk}")
        for holder in personal_data_holders():
            holder.erase(user)
        User.objects.filter(pk=user.pk).delete()
    else:
        erase_membership(member)
    MemberDataAuditEntry.objects.create(
        officer=by if by is not None and by.is_authenticated and by != user else None,
        action=audit.Action.ERASED,
        member_id=member_id,
        member_count=1,
        details={"by": "officer" if by is not None and by != user else "member_or_site"},
    )
    return member_id


def erase_memberships_past_retention(now=None) -> list[int]:
    """The scheduled job: erase each membership past the retention period (with no activity
    and no renewed consent); returns their old ids, which the audit log keeps."""
    return [erase_member(member) for member in retention.members_past_retention(now)]
