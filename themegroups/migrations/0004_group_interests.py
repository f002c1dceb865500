from django.db import migrations

GROUPS_WITH_AN_INTEREST = ("theme_group", "sub_partnership")


def forwards(apps, schema_editor):
    """Groups made before interests existed get theirs, as new groups do on save."""
    GroupPage = apps.get_model("themegroups", "GroupPage")
    Interest = apps.get_model("home", "Interest")
    for page in GroupPage.objects.filter(kind__in=GROUPS_WITH_AN_INTEREST):
        if Interest.objects.filter(group_page_id=page.pk).exists():
            continue
        slug = page.slug if not Interest.objects.filter(slug=page.slug).exists() else f"{page.slug}-{page.pk}"
        Interest.objects.get_or_create(
            name=page.title, defaults={"slug": slug, "kind": "theme_group", "group_page_id": page.pk}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("themegroups", "0003_news_and_views_approval"),
        ("home", "0009_strategy_subjects_and_first_notice"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
