# "body" and "group" were two words for one thing: the partnership says group. A schema rename;
# no page data changes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('papers', '0002_archive_and_meetings_calendar'),
    ]

    operations = [
        migrations.RenameField(
            model_name='actionplanpage',
            old_name='body_name',
            new_name='group_name',
        ),
        migrations.RenameField(
            model_name='meetingpage',
            old_name='body_name',
            new_name='group_name',
        ),
        migrations.RenameField(
            model_name='minutespage',
            old_name='body_name',
            new_name='group_name',
        ),
        migrations.RenameField(
            model_name='progressreportpage',
            old_name='body_name',
            new_name='group_name',
        ),
        migrations.RenameField(
            model_name='reportpage',
            old_name='body_name',
            new_name='group_name',
        ),
    ]
