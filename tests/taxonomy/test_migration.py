"""Moving the vocabularies from `knowledge` to `taxonomy` loses no row, link or permission."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from forum.factories import TopicFactory
from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from taxonomy.models import LifeDomain, TargetGroup, Theme


def _rows(table: str, columns: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} ORDER BY id")  # noqa: S608 - our own names
        return cursor.fetchall()


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


# Not marked slow (which would start it first): as a transactional test it empties every
# table when it ends, also the vocabularies the migrations load, which later tests use.
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_vocabularies_move_back_and_forth_without_loss(home_page):
    theme, _created = Theme.objects.get_or_create(
        article=9, defaults={"name": "Toegankelijkheid", "slug": "artikel-9"}
    )
    domain = LifeDomain.objects.create(name="Sport en spel", slug="sport-en-spel")
    group = TargetGroup.objects.create(name="Mensen met dementie", slug="dementie")
    library = PracticeIndexPageFactory(parent=home_page)
    practice = PracticePageFactory(
        parent=library, themes=[theme], life_domains=[domain], target_groups=[group]
    )
    topic = TopicFactory()
    topic.themes.add(theme)
    permission = Permission.objects.get(codename="change_theme")
    themes_before = _rows(Theme._meta.db_table, "id, name, slug, article")
    domains_before = _rows(LifeDomain._meta.db_table, "id, name, slug")
    links = {
        "themes": _rows(practice.themes.through._meta.db_table, "id, practicepage_id, theme_id"),
        "topic_themes": _rows(topic.themes.through._meta.db_table, "id, topic_id, theme_id"),
    }
    latest = _latest()
    try:
        # Back to before the move: the rows are in the knowledge tables again.
        _migrate([("taxonomy", None)])
        assert _rows("knowledge_theme", "id, name, slug, article") == themes_before
        assert _rows("knowledge_lifedomain", "id, name, slug") == domains_before
        with connection.cursor() as cursor:
            cursor.execute("SELECT app_label FROM django_content_type WHERE model = 'theme'")
            assert cursor.fetchall() == [("knowledge",)]
    finally:
        _migrate(latest)

    # And forward again: the same rows, links and permission, now in taxonomy.
    assert Theme._meta.db_table == "taxonomy_theme"
    assert _rows("taxonomy_theme", "id, name, slug, article") == themes_before
    assert _rows("taxonomy_lifedomain", "id, name, slug") == domains_before
    assert (
        list(practice.themes.through.objects.values_list("id", "practicepage_id", "theme_id"))
        == links["themes"]
    )
    assert (
        list(topic.themes.through.objects.values_list("id", "topic_id", "theme_id"))
        == links["topic_themes"]
    )
    moved = Permission.objects.select_related("content_type").get(pk=permission.pk)
    assert (moved.content_type.app_label, moved.codename) == ("taxonomy", "change_theme")
    assert list(practice.__class__.objects.get(pk=practice.pk).themes.all()) == [theme]
    assert list(practice.__class__.objects.get(pk=practice.pk).target_groups.all()) == [group]
