"""The vocabularies moved to `taxonomy`: only Django's view of the relation changes; the
tables and rows stay as they are."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('forum', '0001_initial'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='topic',
                    name='themes',
                    field=models.ManyToManyField(blank=True, related_name='forum_topics', to='taxonomy.theme', verbose_name='themes'),
                ),
            ],
            database_operations=[],
        ),
    ]
