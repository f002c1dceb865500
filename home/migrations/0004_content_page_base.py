# StandardPage and GroupContentPage share home.ContentPage: only the help text changes.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_organisation'),
    ]

    operations = [
        migrations.AlterField(
            model_name='standardpage',
            name='introduction',
            field=models.TextField(blank=True, help_text='A sentence or two shown first.'),
        ),
    ]
