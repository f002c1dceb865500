"""Background tasks queued before the members app moved into domain packages name their
function by its old module; point them at the new one, so none is lost."""

from django.db import migrations

MOVED_TASKS = {
    "members.services.alerts.send_postings": "members.alerts.sending.send_postings",
    "members.services.postal.make_batch_pdf": "members.postal.pdf.make_batch_pdf",
}


def forwards(apps, schema_editor):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in MOVED_TASKS.items():
        DBTaskResult.objects.filter(task_path=old).update(task_path=new)


def backwards(apps, schema_editor):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in MOVED_TASKS.items():
        DBTaskResult.objects.filter(task_path=new).update(task_path=old)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0006_postal"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
