"""The Agenda Planning Group role, and the workflow (one approval task for that group)
assigned to draft agendas by content type. Its permissions are granted after migrate
(governance.apps), once they exist."""

from django.db import migrations

GROUP = "Agenda Planning Group"
WORKFLOW = "Agreement by the Agenda Planning Group"


def create_group_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    group, _ = Group.objects.get_or_create(name=GROUP)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW, content_type=task_type)
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    draft_agenda_type, _ = ContentType.objects.get_or_create(
        app_label="governance", model="draftagenda"
    )
    WorkflowContentType.objects.get_or_create(
        content_type=draft_agenda_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0001_meeting_cycle"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_group_and_workflow, migrations.RunPython.noop)]
