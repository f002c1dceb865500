"""One audit trail: the rows of the member data audit log (members) and of the responses' audit
log (consultations) move into home.AuditEntry, each action named with its app's label. Nothing
is dropped: an entry's member, response and page keep their numbers, and what an entry said
beside them (fields changed, names included) goes into its details."""

from django.db import migrations


def _copy(model, entries):
    model.objects.bulk_create(entries, batch_size=1000)


def members_entries(apps):
    AuditEntry = apps.get_model("home", "AuditEntry")
    Old = apps.get_model("members", "MemberDataAuditEntry")
    for old in Old.objects.order_by("pk").iterator():
        yield AuditEntry(
            at=old.at,
            actor_id=old.officer_id,
            action=f"members.{old.action}",
            subject_type="members.member" if old.member_id is not None else "",
            subject_id=old.member_id,
            count=old.member_count,
            details=old.details or {},
        )


def consultations_entries(apps):
    AuditEntry = apps.get_model("home", "AuditEntry")
    Old = apps.get_model("consultations", "ResponseAuditEntry")
    for old in Old.objects.order_by("pk").iterator():
        details = {"included_names": old.included_names}
        if old.detail:
            details["detail"] = old.detail
        yield AuditEntry(
            at=old.at,
            actor_id=old.actor_id,
            action=f"consultations.{old.action}",
            subject_type="consultations.response" if old.response_id is not None else "",
            subject_id=old.response_id,
            page_id=old.page_id,
            count=1 if old.response_id is not None else 0,
            details=details,
        )


def forwards(apps, schema_editor):
    AuditEntry = apps.get_model("home", "AuditEntry")
    _copy(AuditEntry, list(members_entries(apps)))
    _copy(AuditEntry, list(consultations_entries(apps)))


def backwards(apps, schema_editor):
    """Back into the old logs, so that undoing the change loses no entry either."""
    AuditEntry = apps.get_model("home", "AuditEntry")
    MemberEntry = apps.get_model("members", "MemberDataAuditEntry")
    ResponseEntry = apps.get_model("consultations", "ResponseAuditEntry")
    members, responses = [], []
    for entry in AuditEntry.objects.order_by("pk").iterator():
        app, _, action = entry.action.partition(".")
        if app == "members":
            members.append(
                MemberEntry(
                    at=entry.at,
                    officer_id=entry.actor_id,
                    action=action,
                    member_id=entry.subject_id,
                    member_count=entry.count,
                    details=entry.details,
                )
            )
        elif app == "consultations":
            responses.append(
                ResponseEntry(
                    at=entry.at,
                    actor_id=entry.actor_id,
                    action=action,
                    page_id=entry.page_id,
                    response_id=entry.subject_id,
                    included_names=entry.details.get("included_names", False),
                    detail=entry.details.get("detail", ""),
                )
            )
    _copy(MemberEntry, members)
    _copy(ResponseEntry, responses)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0012_audit_trail"),
        ("members", "0007_moved_task_paths"),
        ("consultations", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
