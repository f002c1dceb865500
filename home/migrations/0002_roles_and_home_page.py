"""Create the partnership's roles and replace Wagtail's welcome page with our home page."""

from django.db import migrations

ROLES = ("Partnership officers", "Steering Group members", "Wider partnership members")


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    # Wagtail's own initial migration makes a "Welcome to your new Wagtail site!" page.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    home_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="Kensington and Chelsea Partnership",
        draft_title="Kensington and Chelsea Partnership",
        slug="home",
        content_type=home_content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=Page.objects.get(depth=1).locale_id,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.id, "site_name": "KCP"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_home_page, migrations.RunPython.noop),
    ]
