"""The vocabularies moved to `taxonomy`: only Django's view of the relation changes; the
tables and rows stay as they are."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_provision_help_text'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='eventpage',
                    name='themes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='The CRPD articles this event is about.', related_name='events', to='taxonomy.theme'),
                ),
            ],
            database_operations=[],
        ),
    ]
