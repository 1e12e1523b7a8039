from django.db import migrations


def load(apps, schema_editor):
    from knowledge.vocabularies import load_vocabularies

    load_vocabularies(apps)


def create_gin_index(apps, schema_editor):
    # The tsvector column only exists as such on PostgreSQL; SQLite uses modelsearch's FTS.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS knowledge_practice_search_gin "
            "ON knowledge_practicepage USING gin (search_vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_practice_search_gin")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_synonym_practicepage_resources_and_more")]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(create_gin_index, drop_gin_index),
    ]
