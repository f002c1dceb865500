"""One audit trail: the rows of the events' registrations audit log move into home.AuditEntry,
as the members' and responses' did in 0013. An entry's event becomes its page, its
registration its subject; whether it showed needs, and its note, go into its details."""

from django.db import migrations


def forwards(apps, schema_editor):
    AuditEntry = apps.get_model("home", "AuditEntry")
    Old = apps.get_model("events", "PersonalDataAuditEntry")
    entries = []
    for old in Old.objects.order_by("pk").iterator():
        details = {"included_needs": old.included_needs}
        if old.detail:
            details["detail"] = old.detail
        entries.append(
            AuditEntry(
                at=old.at,
                actor_id=old.actor_id,
                action=f"events.{old.action}",
                subject_type="events.registration" if old.registration_id is not None else "",
                subject_id=old.registration_id,
                page_id=old.event_id,
                count=1 if old.registration_id is not None else 0,
                details=details,
            )
        )
    AuditEntry.objects.bulk_create(entries, batch_size=1000)


def backwards(apps, schema_editor):
    AuditEntry = apps.get_model("home", "AuditEntry")
    Old = apps.get_model("events", "PersonalDataAuditEntry")
    Old.objects.bulk_create(
        [
            Old(
                at=entry.at,
                actor_id=entry.actor_id,
                action=entry.action.partition(".")[2],
                event_id=entry.page_id,
                registration_id=entry.subject_id,
                included_needs=entry.details.get("included_needs", False),
                detail=entry.details.get("detail", ""),
            )
            for entry in AuditEntry.objects.filter(action__startswith="events.").iterator()
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0013_audit_trail_from_the_old_logs"),
        ("events", "0004_waiting_list_closes_reminders_and_telephone"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
