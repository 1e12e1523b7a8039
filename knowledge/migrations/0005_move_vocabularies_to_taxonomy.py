"""The vocabularies moved to `taxonomy`: only Django's view of the relation changes; the
tables and rows stay as they are."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0003_alter_eventpage_themes'),
        ('forum', '0002_alter_topic_themes'),
        ('knowledge', '0004_practice_search_row'),
        ('matchcentrum', '0002_alter_matchrequest_life_domains_and_more'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='practicepage',
                    name='life_domains',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Domains of life it touches.', related_name='practices', to='taxonomy.lifedomain'),
                ),
                migrations.AlterField(
                    model_name='practicepage',
                    name='target_groups',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Who it is for.', related_name='practices', to='taxonomy.targetgroup'),
                ),
                migrations.AlterField(
                    model_name='practicepage',
                    name='themes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='CRPD articles it works on.', related_name='practices', to='taxonomy.theme'),
                ),
                migrations.DeleteModel(
                    name='LifeDomain',
                ),
                migrations.DeleteModel(
                    name='TargetGroup',
                ),
                migrations.DeleteModel(
                    name='Theme',
                ),
            ],
            database_operations=[],
        ),
    ]
