"""Dutch analysis and what it means for a search, on every database engine."""

import pytest

from knowledge.models import Synonym
from knowledge.search import SearchQuery, get_engine
from knowledge.search.analysis import analyse, compound_parts, damerau, fold, stem
from knowledge.search.elastic import synonym_rule
from knowledge.search.query import build_plan, fts_query, load_synonyms, segments, tsquery
from knowledge.search.synonyms import starter_synonyms


def titles(results) -> list[str]:
    return [hit.page.title for hit in results.hits]


# -- analysis, no database ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("rolstoelen", "rolstoel"),
        ("tolken", "tolk"),
        ("stembureaus", "stembureau"),
        ("toegankelijkheid", "toegankelijk"),
        ("toegankelijke", "toegankelijk"),
        ("prikkelarme", "prikkelarm"),
        ("dove", "doven"),
        ("geëvalueerd", "geevalueerd"),
        ("Cliëntondersteuner", "clientondersteuner"),
    ],
)
def test_word_forms_share_a_stem(one, other):
    assert [t.stem for t in analyse(one)] == [t.stem for t in analyse(other)]


def test_folding_drops_diacritics_and_case():
    assert fold("Geëvalueerd Fryslân") == "geevalueerd fryslan"


def test_compounds_are_split_into_known_parts():
    assert compound_parts("stemlokaal") == ("stem", "lokaal")
    assert compound_parts("rolstoeltoegankelijke")[:1] == ("rolstoel",)
    assert set(compound_parts("stembureauleden")) >= {"stem", "bureau", "leden", "stembureau"}
    assert compound_parts("beleid") == ()  # not every long word is a compound
    token = analyse("rolstoeltoegankelijke")[0]
    assert {stem("rolstoel"), stem("toegankelijk")} <= set(token.parts)


def test_stop_words_are_left_out_and_hyphenated_words_joined():
    assert [t.word for t in analyse("de re-integratie van mensen")] == ["reintegratie", "mensen"]


def test_edit_distance_counts_a_swap_once():
    assert damerau("toegankelijkhied", "toegankelijkheid") == 1
    assert damerau("tolk", "tolk") == 0
    assert damerau("abc", "xyzxyz", limit=3) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"openbaar vervoer" bus', [("openbaar vervoer", True), (" bus", False)]),
        ('stembureau"', [("stembureau ", False)]),
        ('"', []),
        ('a "b c', [("a  b c", False)]),
    ],
)
def test_only_a_closed_pair_of_quotes_makes_a_phrase(text, expected):
    assert segments(text) == expected


def test_query_languages_are_built_from_quoted_stems_only():
    plan = build_plan('"openbaar vervoer" AND (rolstoel* OR x\x00', {})
    sql_like = tsquery(plan)
    assert "<->" in sql_like  # the phrase
    assert "(" in sql_like and "*" not in sql_like and "\x00" not in sql_like
    phrase = (stem("openbaar"), stem("vervoer"))
    assert "'rolstoel'" in sql_like
    assert f"'{phrase[0]}' <-> '{phrase[1]}'" in sql_like
    fts = fts_query(plan)
    assert f'"{phrase[0]} {phrase[1]}"' in fts
    assert "*" not in fts and "NEAR" not in fts.replace('"near"', "")


def test_starter_list_has_two_way_and_one_way_rows():
    rows = dict(starter_synonyms())
    assert rows["stembureau, stemlokaal"] is False
    assert rows["invaliden, mensen met een beperking, mensen met een handicap, gehandicapten"]
    assert any(terms.startswith("wheelchair") for terms in rows)


def test_elasticsearch_rules_keep_the_direction():
    assert synonym_rule(["ngt", "gebarentaal"], one_way=False) == "ngt, gebarentaal"
    assert (
        synonym_rule(["invaliden", "mensen met een beperking"], one_way=True)
        == "invaliden => invaliden, mensen met een beperking"
    )


# -- the database engine on both databases ---------------------------------------------------


@pytest.mark.django_db
class TestDatabaseEngine:
    def search(self, text="", **kwargs):
        return get_engine("database").search(SearchQuery(text=text, **kwargs))

    def test_plural_and_singular_find_the_same(self, corpus):
        assert set(titles(self.search("stembureaus"))) == set(titles(self.search("stembureau")))
        assert set(titles(self.search("stembureau"))) == {
            "Toegankelijk stembureau",
            "Stembureau training",
        }

    def test_a_word_inside_a_compound_is_found(self, corpus):
        assert titles(self.search("tolken")) == ["Gebarentolk bij de raad"]

    def test_synonyms_and_stems_together(self, corpus):
        assert titles(self.search("toegankelijkheid stemlokaal"))[0] == "Toegankelijk stembureau"

    def test_a_split_compound_meets_the_joined_word(self, corpus):
        assert titles(self.search("stem lokaal"))[0] in {
            "Toegankelijk stembureau",
            "Stembureau training",
        }

    def test_english_finds_dutch(self, corpus):
        assert titles(self.search("sign language"))[0] == "Gebarentolk bij de raad"
        assert "Inclusieve speeltuin" in titles(self.search("playground"))

    def test_an_outdated_word_finds_the_current_one(self, corpus):
        assert self.search("invaliden").total > 0

    def test_a_typo_is_corrected_when_nothing_was_found(self, corpus):
        results = self.search("stembureua")
        assert results.corrected == "stembureau"
        assert set(titles(results)) == {"Toegankelijk stembureau", "Stembureau training"}
        # a correct search says nothing of the kind
        assert not self.search("stembureau").corrected

    def test_quotes_make_a_phrase_in_its_order(self, corpus):
        assert titles(self.search('"openbaar vervoer"')) == ["Onderzoek openbaar vervoer"]
        assert self.search('"vervoer openbaar"').total == 0

    @pytest.mark.parametrize("text", ['stembureau"', '"', "AND (", "NOT", "*", "a" * 300, "x\x00y"])
    def test_operators_and_stray_quotes_are_plain_text(self, corpus, text):
        results = self.search(text)
        if text == 'stembureau"':
            assert results.total == 2

    def test_title_weighs_more_than_the_summary(self, corpus):
        assert titles(self.search("toegankelijk"))[0] == "Toegankelijk stembureau"

    def test_recency_only_breaks_ties(self, corpus):
        # Both have 'stembureau' in the title once; the newer year comes first only on a tie.
        results = self.search("stembureau")
        scores = [hit.score for hit in results.hits]
        assert scores == sorted(scores, reverse=True)

    def test_municipality_facet(self, corpus):
        results = self.search(filters={"municipality": ("GM0193",)})
        assert set(titles(results)) == {
            "Gebarentolk bij de raad",
            "Inclusieve speeltuin",
            "Onderzoek openbaar vervoer",
            "Stembureau training",
        }
        assert results.facets["municipality"]["GM0344"] == 4  # Utrecht, counted without itself

    def test_a_new_synonym_works_at_once_one_way(self, corpus):
        Synonym.objects.create(terms="speelplaatsje, speeltuin", one_way=True)
        assert titles(self.search("speelplaatsje")) == ["Inclusieve speeltuin"]
        table = load_synonyms()
        assert ("speeltuin",) not in table or ("speelplaatsj",) not in table[("speeltuin",)]


@pytest.mark.django_db
def test_search_page_offers_the_correction_and_the_municipality_select(client, corpus, library):
    response = client.get(library.url, {"q": "stembureua"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "stembureau" in html
    assert 'name="municipality"' in html
    assert "Toegankelijk stembureau" in html
