"""The moved vocabularies get tables named after their app; rows and links stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('taxonomy', '0001_initial'),
        ('knowledge', '0005_move_vocabularies_to_taxonomy'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='lifedomain',
            table=None,
        ),
        migrations.AlterModelTable(
            name='targetgroup',
            table=None,
        ),
        migrations.AlterModelTable(
            name='theme',
            table=None,
        ),
    ]
