# Progress report actions share the action plan row's lead and due date blocks: the stored data
# is unchanged (both kinds of lead are text).

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('papers', '0003_group_name'),
    ]

    operations = [
        migrations.AlterField(
            model_name='progressreportpage',
            name='objectives',
            field=wagtail.fields.StreamField([('objective', 10)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank to have it numbered for you. Numbers are fixed once the paper is published.', 'max_length': 20, 'required': False}), 1: ('wagtail.blocks.CharBlock', (), {'max_length': 255}), 2: ('wagtail.blocks.CharBlock', (), {'max_length': 20, 'required': False}), 3: ('wagtail.blocks.TextBlock', (), {}), 4: ('wagtail.blocks.TextBlock', (), {'help_text': 'What has been done so far.', 'required': False}), 5: ('wagtail.blocks.TextBlock', (), {'label': 'Lead contact or organisation', 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': 'As written, e.g. End March 2005 or Ongoing.', 'max_length': 255, 'required': False}), 7: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('on_track', 'On track'), ('at_risk', 'At risk'), ('off_track', 'Off track'), ('done', 'Done')], 'label': 'Progress (RAG)', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('number', 2), ('action', 3), ('progress', 4), ('lead', 5), ('due_date', 6), ('rag', 7)]], {}), 9: ('wagtail.blocks.ListBlock', (8,), {}), 10: ('wagtail.blocks.StructBlock', [[('number', 0), ('title', 1), ('actions', 9)]], {})}),
        ),
    ]
