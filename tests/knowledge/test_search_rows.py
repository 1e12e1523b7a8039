"""The narrow search rows the database engine reads stay in step with the pages."""

import pytest
from django.db import connection

from knowledge.models import PracticePage, PracticeSearchRow, PracticeSearchWord
from knowledge.search import SearchQuery, get_engine
from knowledge.search.index import search_rows_refresh

pytestmark = [pytest.mark.django_db]


def _row(page) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT live, kind, year, themes, life_domains, target_groups, provinces,"
            " size_classes, vector IS NOT NULL FROM knowledge_practicesearchrow WHERE page_id = %s",
            [page.pk],
        )
        found = cursor.fetchone()
    if found is None:
        return {}
    names = ["live", "kind", "year", "themes", "life_domains", "target_groups", "provinces"]
    return dict(zip([*names, "size_classes", "has_vector"], found, strict=True))


@pytest.mark.postgres
def test_every_practice_has_a_row_with_its_facets(corpus):
    page = next(p for p in corpus["live"] if p.title == "Inclusieve speeltuin")
    row = _row(page)
    assert row["live"] is True
    assert row["kind"] == page.kind_id
    assert row["year"] == 2021
    assert row["themes"] == sorted(t.pk for t in page.themes.all())
    assert row["life_domains"] == [d.pk for d in page.life_domains.all()]
    assert row["target_groups"] == [g.pk for g in page.target_groups.all()]
    assert row["provinces"] == ["Fryslân", "Overijssel"]
    assert row["size_classes"] == sorted({m.size_class for m in page.municipalities.all()})
    assert row["has_vector"] is True
    assert _row(corpus["draft"])["live"] is False
    assert PracticeSearchRow.objects.count() == PracticePage.objects.count()


@pytest.mark.postgres
def test_publishing_a_changed_revision_updates_the_row(corpus):
    from taxonomy.models import Theme

    page = next(p for p in corpus["live"] if p.title == "Prikkelarme ruimte")
    page.year = 2019
    page.themes.set([Theme.objects.get(article=30)])
    page.save_revision().publish()
    row = _row(page)
    assert row["year"] == 2019
    assert row["themes"] == [Theme.objects.get(article=30).pk]
    results = get_engine("database").search(SearchQuery(text="prikkelarme"))
    assert results.facets["year"] == {"2019": 1}
    assert list(results.facets["theme"].values()) == [1]


def _live(page) -> bool:
    return PracticeSearchRow.objects.get(page_id=page.pk).live


def test_unpublishing_and_publishing_again_moves_the_live_flag(corpus):
    engine = get_engine("database")
    page = next(p for p in corpus["live"] if p.title == "Toegankelijk stembureau")
    page.save_revision()
    page.unpublish()
    assert _live(page) is False
    titles = {hit.page.title for hit in engine.search(SearchQuery(text="stembureau")).hits}
    assert titles == {"Stembureau training"}
    page.refresh_from_db()
    page.get_latest_revision().publish()
    assert _live(page) is True
    assert engine.search(SearchQuery(text="stembureau")).total == 2


def test_deleting_a_practice_deletes_its_row(corpus):
    page = corpus["live"][0]
    pk = page.pk
    page.delete()
    assert not PracticeSearchRow.objects.filter(page_id=pk).exists()
    assert get_engine("database").search(SearchQuery()).total == len(corpus["live"]) - 1


@pytest.mark.postgres
def test_a_municipality_moving_province_updates_its_practices(corpus, municipalities):
    vlieland = municipalities["GM0096"]
    vlieland.province = "Noord-Holland"
    vlieland.save()
    page = next(p for p in corpus["live"] if p.title == "Werk voor mensen met autisme")
    assert _row(page)["provinces"] == ["Noord-Holland"]
    counts = get_engine("database").search(SearchQuery()).facets["province"]
    assert counts["Noord-Holland"] == 2
    assert "Fryslân" not in counts


def test_refresh_of_all_rows_repairs_a_lost_row(corpus):
    page = corpus["live"][1]
    PracticeSearchRow.objects.filter(page_id=page.pk).delete()
    search_rows_refresh()
    assert _live(page) is True
    assert get_engine("database").search(SearchQuery(text="gebarentolk")).total == 1


def test_the_word_list_counts_live_practices_only(corpus):
    """Document frequencies for ranking and typo correction: a draft's words never show."""
    assert not PracticeSearchWord.objects.filter(word="geheim").exists()
    word = PracticeSearchWord.objects.get(word="stembureau")
    assert word.stem == "stembureau"
    before = word.documents
    page = next(p for p in corpus["live"] if p.title == "Toegankelijk stembureau")
    page.delete()
    assert PracticeSearchWord.objects.get(word="stembureau").documents == before - 1
    total = sum(
        PracticeSearchWord.objects.filter(word="gebarentolk").values_list("documents", flat=True)
    )
    search_rows_refresh()
    assert (
        sum(
            PracticeSearchWord.objects.filter(word="gebarentolk").values_list(
                "documents", flat=True
            )
        )
        == total
    )


def test_rows_keep_stems_per_field_the_same_on_every_database(corpus):
    page = next(p for p in corpus["live"] if p.title == "Inclusieve speeltuin")
    terms = PracticeSearchRow.objects.get(page_id=page.pk).terms.split("\n")
    assert terms[0] == "inclusief speeltuin+speel+tuin"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT vector @@ CAST('tuin' AS tsquery) FROM knowledge_practicesearchrow "
                "WHERE page_id = %s",
                [page.pk],
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM knowledge_practicesearchrow_fts WHERE "
                "knowledge_practicesearchrow_fts MATCH '\"tuin\"' AND rowid = %s",
                [page.pk],
            )
        assert cursor.fetchone()[0]
