import datetime

from django.db import migrations

# The Community Strategy's subjects that no theme group covers on its own; each theme group
# adds its own interest when its page is made (themegroups.services.keep_group_interest).
STRATEGY_SUBJECTS = [
    ("Environment and transport", "environment-and-transport", "Parks, air quality, streets, recycling and getting around."),
    ("Culture, arts and leisure", "culture-arts-and-leisure", "Libraries, museums, festivals and sport."),
    ("Homes and housing", "homes-and-housing", "Affordable homes, housing estates and homelessness."),
    ("Older people", "older-people", "Services and support for older residents."),
    ("Equalities and community cohesion", "equalities-and-community-cohesion", "Fair access to services, and communities getting on together."),
    ("North Kensington regeneration", "north-kensington-regeneration", "Plans for the north of the borough."),
]


def forwards(apps, schema_editor):
    Interest = apps.get_model("home", "Interest")
    PrivacyNoticeVersion = apps.get_model("home", "PrivacyNoticeVersion")
    for name, slug, description in STRATEGY_SUBJECTS:
        Interest.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": "strategy_subject", "description": description}
        )
    PrivacyNoticeVersion.objects.get_or_create(
        number=1,
        defaults={
            "published_on": datetime.date(2026, 12, 1),
            "changes": "The first version, for the wider partnership's membership.",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0008_interests_and_privacy_notice_versions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
