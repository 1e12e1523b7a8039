"""The vocabularies moved to `taxonomy`: only Django's view of the relation changes; the
tables and rows stay as they are."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('matchcentrum', '0001_initial'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='matchrequest',
                    name='life_domains',
                    field=models.ManyToManyField(blank=True, help_text='The domains of life the question is about.', related_name='match_requests', to='taxonomy.lifedomain', verbose_name='life domains'),
                ),
                migrations.AlterField(
                    model_name='matchrequest',
                    name='themes',
                    field=models.ManyToManyField(blank=True, help_text='The CRPD articles the question is about.', related_name='match_requests', to='taxonomy.theme', verbose_name='themes'),
                ),
            ],
            database_operations=[],
        ),
    ]
