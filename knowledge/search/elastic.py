"""The Elasticsearch engine: a Dutch-analysed Document, FacetedSearch, highlighting, aliases.

The index name is an alias (`<prefix>-practices`); `manage.py index_practices` fills a new
concrete index and swaps the alias, so searches never see a half-built index.
"""

from __future__ import annotations

import html
import logging
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe
from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch import NotFoundError, TransportError
from elasticsearch.helpers import bulk
from elasticsearch_dsl import (
    Date,
    Document,
    FacetedSearch,
    Index,
    Integer,
    Keyword,
    Q,
    TermsFacet,
    Text,
    analyzer,
    connections,
    token_filter,
)

from ..models.practices import PracticePage, Synonym
from .base import FACETS, Hit, SearchQuery, SearchResults, highlight
from .database import MUNICIPALITY_NAMES
from .terms import VOCABULARY_FACETS, cached_terms

logger = logging.getLogger(__name__)

# Markers Elasticsearch puts around a highlighted word; escaped text never contains them.
MARK_START, MARK_END = "\x02", "\x03"
FACET_FIELDS = {
    "kind": "kind",
    "theme": "themes",
    "life_domain": "life_domains",
    "target_group": "target_groups",
    "municipality": "municipalities",
    "province": "provinces",
    "size_class": "size_classes",
    "year": "year",
}
TEXT_FIELDS = ["title^4", "summary^2", "easy_read_summary", "tags^2", "body"]


class ElasticUnavailable(Exception):
    """The cluster did not answer; the caller falls back to the database engine."""


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-practices"


def get_connection():
    """The client for ELASTICSEARCH_URL, created once per process."""
    try:
        return connections.get_connection("knowledge")
    except KeyError:
        return connections.create_connection(
            "knowledge", hosts=[settings.ELASTICSEARCH_URL], request_timeout=5
        )


def synonym_rules() -> list[str]:
    """The team's synonym list in Solr format: 'ngt, gebarentaal' (two-way) and
    'invaliden => invaliden, mensen met een beperking' (one-way, the word itself kept)."""
    return [
        synonym_rule(s.words, one_way=s.one_way) for s in Synonym.objects.all() if len(s.words) > 1
    ]


def synonym_rule(words: list[str], *, one_way: bool) -> str:
    words = [w.replace(",", " ").replace("=>", " ").strip() for w in words]
    if one_way:
        return f"{words[0]} => {', '.join(words)}"
    return ", ".join(words)


def dutch_analyzer(synonyms: list[str] | None = None):
    """Lowercase, synonyms, Dutch stop words and the Dutch stemmer."""
    rules = synonym_rules() if synonyms is None else synonyms
    filters = ["lowercase"]
    if rules:
        filters.append(token_filter("idm_synonyms", type="synonym_graph", synonyms=rules))
    filters += [
        token_filter("idm_dutch_stop", type="stop", stopwords="_dutch_"),
        token_filter("idm_dutch_stemmer", type="stemmer", language="dutch"),
    ]
    return analyzer("idm_dutch", tokenizer="standard", filter=filters)


def index_analyzer():
    """At index time no synonyms: synonym_graph belongs on the search side."""
    return analyzer(
        "idm_dutch_index",
        tokenizer="standard",
        filter=[
            "lowercase",
            token_filter("idm_dutch_stop", type="stop", stopwords="_dutch_"),
            token_filter("idm_dutch_stemmer", type="stemmer", language="dutch"),
        ],
    )


def _text():
    return Text(analyzer=index_analyzer(), search_analyzer="idm_dutch")


class PracticeDocument(Document):
    """One live practice as Elasticsearch stores it."""

    title = _text()
    summary = _text()
    easy_read_summary = _text()
    body = _text()
    tags = _text()
    kind = Keyword()
    themes = Keyword(multi=True)
    life_domains = Keyword(multi=True)
    target_groups = Keyword(multi=True)
    municipalities = Keyword(multi=True)
    provinces = Keyword(multi=True)
    size_classes = Keyword(multi=True)
    year = Keyword()
    published = Date()
    page_id = Integer()

    class Index:
        name = "idm-practices"

    @classmethod
    def prepare(cls, page: PracticePage) -> PracticeDocument:
        """The document of a page; read its relations with prefetch_related for bulk use."""
        municipalities = list(page.municipalities.all())
        return cls(
            meta={"id": page.pk},
            page_id=page.pk,
            title=page.title,
            summary=page.summary,
            easy_read_summary=page.easy_read_summary,
            body=page.search_document or page.build_search_document(),
            tags=[tag.name for tag in page.tags.all()],
            kind=page.kind.slug if page.kind_id else None,
            themes=[t.slug for t in page.themes.all()],
            life_domains=[d.slug for d in page.life_domains.all()],
            target_groups=[g.slug for g in page.target_groups.all()],
            municipalities=sorted(m.cbs_code for m in municipalities if m.cbs_code),
            provinces=sorted({m.province for m in municipalities if m.province}),
            size_classes=sorted({m.size_class for m in municipalities if m.size_class}),
            year=str(page.year) if page.year else None,
            published=page.first_published_at or datetime.now(tz=UTC),
        )


def index_settings(synonyms: list[str] | None = None) -> dict:
    """Settings and mappings of a new concrete index (what the tests check without a server)."""
    index = Index("template")
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.analyzer(dutch_analyzer(synonyms))
    index.document(PracticeDocument)
    return index.to_dict()


class PracticeFacetedSearch(FacetedSearch):
    """Words over the text fields (fuzzy), filters and disjunctive facet counts."""

    using = "knowledge"
    fields = TEXT_FIELDS
    facets = {facet: TermsFacet(field=FACET_FIELDS[facet], size=200) for facet in FACETS}

    def __init__(self, query: SearchQuery, filters: dict[str, list[str]]):
        self.index = alias_name()
        self.sort_order = query.sort
        super().__init__(query.text, filters)

    def query(self, search, query):
        if not query:
            return search
        return search.query(
            Q(
                "multi_match",
                query=query,
                fields=self.fields,
                fuzziness="AUTO",
                prefix_length=1,
                operator="and",
            )
        )

    def highlight(self, search):
        return search.highlight(
            "summary",
            "body",
            fragment_size=200,
            number_of_fragments=1,
            pre_tags=[MARK_START],
            post_tags=[MARK_END],
            no_match_size=200,
        )

    def sort(self, search):
        newest = [{"year": {"order": "desc", "missing": "_last"}}, {"published": "desc"}]
        if self.sort_order == "newest" or not self._query:
            return search.sort(*newest, {"page_id": "desc"})
        return search.sort("_score", *newest, {"page_id": "desc"})


def marked(fragment: str) -> SafeString:
    """Escape a highlighted fragment, then turn the markers into <mark> elements."""
    escaped = html.escape(fragment)
    return mark_safe(  # noqa: S308 - escaped before the only tags are added
        escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    )


class ElasticsearchEngine:
    """Search through Elasticsearch; raises ElasticUnavailable when the cluster is down."""

    name = "elasticsearch"

    def build(self, query: SearchQuery, terms=None) -> tuple[PracticeFacetedSearch, dict]:
        """The FacetedSearch for a query, sliced to its page, and the values set aside."""
        terms = terms if terms is not None else cached_terms()
        filters: dict[str, list[str]] = {}
        ignored: dict[str, list[str]] = {}
        for facet, values in query.filters.items():
            for value in values:
                known = (
                    value in terms[facet]
                    if facet in VOCABULARY_FACETS
                    else (value.isdigit() and len(value) == 4)
                    if facet == "year"
                    else len(value) <= 50
                )
                (filters if known else ignored).setdefault(facet, []).append(value)
        faceted = PracticeFacetedSearch(query, filters)
        return faceted[query.offset : query.offset + query.page_size], ignored

    def search(self, query: SearchQuery) -> SearchResults:
        terms = cached_terms()
        faceted, ignored = self.build(query, terms)
        try:
            get_connection()
            response = faceted.execute()
        except (EsConnectionError, TransportError, NotFoundError, OSError) as error:
            raise ElasticUnavailable(str(error)) from error

        ids = [int(hit.meta.id) for hit in response]
        pages = {
            page.pk: page
            for page in PracticePage.objects.live()
            .filter(pk__in=ids)
            .select_related("kind")
            .annotate(
                municipality_names=RawSQL(MUNICIPALITY_NAMES[connection.vendor == "postgresql"], [])  # noqa: S611 - fixed SQL, no input
            )
        }
        hits = []
        for hit in response:
            page = pages.get(int(hit.meta.id))
            if page is None:  # unpublished since it was indexed; the signal will catch up
                continue
            fragments = getattr(getattr(hit.meta, "highlight", None), "summary", None) or getattr(
                getattr(hit.meta, "highlight", None), "body", None
            )
            snippet = marked(fragments[0]) if fragments else highlight(page.summary, query.text)
            hits.append(Hit(page=page, snippet=snippet, score=float(hit.meta.score or 0)))
        facets = {
            facet: {
                str(value): count for value, count, _selected in response.facets[facet] if count
            }
            for facet in FACETS
        }
        return SearchResults(
            query=query,
            hits=hits,
            facets=facets,
            total=response.hits.total.value,
            engine=self.name,
            ignored=ignored,
            terms=terms,
        )


# -- keeping the index in step -----------------------------------------------------------------


def index_pages(page_ids: list[int]) -> None:
    """Index these practices if live, remove them from the index otherwise."""
    connection = get_connection()
    live = {
        page.pk: page
        for page in PracticePage.objects.live()
        .filter(pk__in=page_ids)
        .select_related("kind")
        .prefetch_related("themes", "life_domains", "target_groups", "municipalities", "tags")
    }
    for page_id in page_ids:
        if page_id in live:
            PracticeDocument.prepare(live[page_id]).save(using=connection, index=alias_name())
        else:
            remove_page(page_id)


def remove_page(page_id: int) -> None:
    connection = get_connection()
    connection.delete(index=alias_name(), id=page_id, ignore=[404])


def rebuild_index(*, batch_size: int = 500, stdout=None) -> str:
    """Fill a new concrete index with every live practice, then point the alias at it."""
    connection = get_connection()
    alias = alias_name()
    name = f"{alias}-{datetime.now(tz=UTC):%Y%m%d%H%M%S}"
    connection.indices.create(index=name, body=index_settings())
    pages = (
        PracticePage.objects.live()
        .select_related("kind")
        .prefetch_related("themes", "life_domains", "target_groups", "municipalities", "tags")
        .order_by("pk")
    )

    def actions():
        for page in pages.iterator(chunk_size=batch_size):
            document = PracticeDocument.prepare(page)
            yield {**document.to_dict(include_meta=True), "_index": name}

    count, _errors = bulk(connection, actions(), chunk_size=batch_size)
    connection.indices.refresh(index=name)
    old = list(connection.indices.get_alias(name=alias, ignore_unavailable=True) or {})
    remove = [{"remove": {"index": index, "alias": alias}} for index in old]
    connection.indices.update_aliases(actions=[*remove, {"add": {"index": name, "alias": alias}}])
    for index in old:
        connection.indices.delete(index=index, ignore_unavailable=True)
    if stdout is not None:
        stdout.write(f"Indexed {count} practices into {name}; alias {alias} now points there.")
    return name
