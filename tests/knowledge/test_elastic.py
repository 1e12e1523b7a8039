"""The Elasticsearch engine without a server: documents, analysis, the exact requests, fallback."""

import logging

import pytest

from knowledge.search import SearchQuery, get_engine
from knowledge.search.elastic import (
    ElasticsearchEngine,
    ElasticUnavailable,
    PracticeDocument,
    index_settings,
    marked,
)

pytestmark = pytest.mark.django_db


def test_document_preparation(corpus):
    practice = corpus["live"][3]  # Inclusieve speeltuin
    document = PracticeDocument.prepare(practice).to_dict()
    assert document["title"] == "Inclusieve speeltuin"
    assert document["themes"] == ["artikel-9", "artikel-30"]
    assert document["provinces"] == ["Fryslân", "Overijssel"]
    assert document["size_classes"] == ["small", "very_large"]
    assert document["kind"] == "voorbeeld"
    assert document["year"] == "2021"
    assert document["municipalities"] == ["GM0096", "GM0193"]  # the municipality facet


def test_index_settings_use_dutch_analysis_and_the_synonym_list(db):
    body = index_settings(["ngt, gebarentaal"])
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["idm_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": ["ngt, gebarentaal"],
    }
    assert analysis["filter"]["idm_dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["analyzer"]["idm_dutch"]["filter"] == [
        "lowercase",
        "idm_synonyms",
        "idm_dutch_stop",
        "idm_dutch_stemmer",
    ]
    properties = body["mappings"]["properties"]
    assert properties["title"] == {
        "type": "text",
        "analyzer": "idm_dutch_index",
        "search_analyzer": "idm_dutch",
    }
    assert properties["themes"] == {"type": "keyword"}
    # the shipped synonyms come from the editable snippet, one-way rows keep their direction
    shipped = str(index_settings())
    assert "ngt, gebarentaal, nederlandse gebarentaal" in shipped
    assert "wheelchair => wheelchair, rolstoel" in shipped


def test_the_request_each_search_sends(db):
    faceted, ignored = ElasticsearchEngine().build(
        SearchQuery(
            text="stembureaus", filters={"kind": ("voorbeeld", "onzin")}, page=2, page_size=5
        )
    )
    body = faceted._s.to_dict()
    assert ignored == {"kind": ["onzin"]}
    assert body["query"] == {
        "multi_match": {
            "query": "stembureaus",
            "fields": ["title^4", "summary^2", "easy_read_summary", "tags^2", "body"],
            "fuzziness": "AUTO",
            "prefix_length": 1,
            "operator": "and",
        }
    }
    assert body["post_filter"] == {"terms": {"kind": ["voorbeeld"]}}
    assert body["aggs"]["_filter_kind"]["filter"] == {"match_all": {}}
    assert body["aggs"]["_filter_theme"]["filter"] == {"terms": {"kind": ["voorbeeld"]}}
    assert body["from"] == 5 and body["size"] == 5
    assert body["sort"][0] == "_score"
    assert set(body["highlight"]["fields"]) == {"summary", "body"}


def test_newest_without_words_sorts_by_year(db):
    faceted, _ignored = ElasticsearchEngine().build(SearchQuery(sort="newest"))
    body = faceted._s.to_dict()
    assert "query" not in body or body["query"] == {"match_all": {}}
    assert body["sort"][0] == {"year": {"order": "desc", "missing": "_last"}}


def test_highlight_fragments_are_escaped():
    html = marked("<b>alle \x02stembureaus\x03</b>")
    assert html == "&lt;b&gt;alle <mark>stembureaus</mark>&lt;/b&gt;"


def test_unreachable_cluster_falls_back_to_the_database(corpus, settings, caplog, monkeypatch):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"

    def down(self, query):
        raise ElasticUnavailable("connection refused")

    monkeypatch.setattr(ElasticsearchEngine, "search", down)
    with caplog.at_level(logging.WARNING, logger="knowledge.search"):
        results = get_engine().search(SearchQuery(text="speeltuin"))
    assert results.engine == "database"
    assert results.total == 1
    assert "Elasticsearch unavailable" in caplog.text


def test_real_connection_error_becomes_unavailable(corpus, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    from elasticsearch_dsl import connections

    with pytest.raises(ElasticUnavailable):
        ElasticsearchEngine().search(SearchQuery(text="speeltuin"))
    connections.remove_connection("knowledge")


def test_publishing_enqueues_an_index_update(
    corpus, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    seen = []
    monkeypatch.setattr(
        "knowledge.search.elastic.index_pages", lambda ids: seen.append(("index", ids))
    )
    monkeypatch.setattr(
        "knowledge.search.elastic.remove_page", lambda pk: seen.append(("remove", pk))
    )
    practice = corpus["live"][0]
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        practice.unpublish()
    pk = practice.pk
    with django_capture_on_commit_callbacks(execute=True):
        practice.delete()
    assert ("index", [pk]) in seen
    assert seen.count(("index", [pk])) >= 2  # publish and unpublish
    assert ("remove", pk) in seen
