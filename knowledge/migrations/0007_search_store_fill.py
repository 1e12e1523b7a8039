from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


def create_search_tables(apps, schema_editor):
    """SQLite: the FTS5 table beside the search rows. PostgreSQL: a trigram index over the
    word list (typo tolerance) and GIN indexes on the (new) row table's vector and arrays."""
    if schema_editor.connection.vendor == "sqlite":
        from knowledge.search.index import ensure_fts_table

        ensure_fts_table()
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS knowledge_search_word_trgm "
            "ON knowledge_practicesearchword USING gin (word gin_trgm_ops)"
        )
        for column in (
            "vector",
            "themes",
            "life_domains",
            "target_groups",
            "municipalities",
            "provinces",
            "size_classes",
        ):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS knowledge_search_row_{column}_gin "
                f"ON knowledge_practicesearchrow USING gin ({column})"
            )


def drop_search_tables(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS knowledge_practicesearchrow_fts")
    elif schema_editor.connection.vendor == "postgresql":
        # The word list outlives this migration; its trigram index must go before the extension.
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_search_word_trgm")


def load_synonyms(apps, schema_editor):
    from knowledge.search.synonyms import load_starter_synonyms

    load_starter_synonyms(apps.get_model("knowledge", "Synonym"))


def fill(apps, schema_editor):
    from knowledge.search.index import search_rows_refresh

    search_rows_refresh()


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0006_search_store")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_search_tables, drop_search_tables),
        migrations.RunPython(load_synonyms, migrations.RunPython.noop),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
