"""Demo data of the practice library: the vocabularies, hand-written practices and generated ones.

`make run` loads only the hand-written practices. `--scale N` (N > 1) adds (N-1)*500 generated
practices through a bulk path (a few queries per thousand pages) for load tests; the benchmarks
generate their 20,000 practices the same way. Generated pages never appear in the demo site.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from municipalities.models import MunicipalityPage
from taxonomy.models import LifeDomain, TargetGroup, Theme
from taxonomy.vocabularies import load_vocabularies

from .models import PracticeIndexPage, PracticeKind, PracticePage
from .search.index import search_rows_refresh
from .services import ensure_index_page
from .vocabularies import load_practice_vocabularies

DEMO_PRACTICES_JSON = Path(__file__).resolve().parent / "data" / "demo_practices.json"


@lru_cache(maxsize=1)
def _demo_practices_file() -> dict:
    with DEMO_PRACTICES_JSON.open(encoding="utf-8") as handle:
        return json.load(handle)


def demo_practices() -> list[dict]:
    """The hand-written practices: title, kind, summary, body, municipalities (CBS codes),
    articles, life_domains and target_groups (slugs), tags, year."""
    return _demo_practices_file()["practices"]


def judged_queries() -> list[tuple[str, str]]:
    """Queries an official would type, each with a practice that must be in the top 3."""
    return [(q["query"], q["expected"]) for q in _demo_practices_file()["judged_queries"]]


SUBSTANTIVE_ARTICLES = list(range(5, 31))
APPROACHES = [
    "Pilot",
    "Wijkaanpak",
    "Netwerkbijeenkomst",
    "Werkgroep",
    "Verkenning",
    "Proeftuin",
    "Leernetwerk",
    "Campagne",
    "Spreekuur",
    "Programma",
]
TOPICS = [
    ("buurtnetwerk", "Bewoners bouwen een buurtnetwerk op waarin iedereen een rol heeft."),
    ("informatiepunt", "Een informatiepunt beantwoordt vragen over regelingen en voorzieningen."),
    ("vrijwilligerswerk", "Vrijwilligersorganisaties maken hun vacatures geschikt voor iedereen."),
    ("digitale vaardigheden", "Cursussen helpen inwoners met formulieren en apps van de overheid."),
    ("dagbesteding", "Dagbesteding krijgt een plek midden in de wijk, bij gewone bedrijven."),
    ("schuldhulp", "Schuldhulpverlening past gesprekken en formulieren aan aan de inwoner."),
    ("bewegen", "Beweegaanbod in de buurt wordt bereikbaar voor wie minder mobiel is."),
    ("cultuureducatie", "Scholen en culturele instellingen maken lessen voor alle leerlingen."),
    ("wijkteam", "Het wijkteam leert van ervaringsdeskundigen hoe het beter kan helpen."),
    ("inloopspreekuur", "Een wekelijks inloopspreekuur zonder afspraak, dicht bij huis."),
]


def load(*, scale: int, stdout) -> None:
    load_vocabularies()
    load_practice_vocabularies()
    index = ensure_index_page()
    municipalities = {m.cbs_code: m for m in MunicipalityPage.objects.all()}
    created = 0
    existing = set(PracticePage.objects.values_list("title", flat=True))
    kinds = {k.slug: k for k in PracticeKind.objects.all()}
    themes = {t.article: t for t in Theme.objects.all()}
    domains = {d.slug: d for d in LifeDomain.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    published = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    for number, practice in enumerate(demo_practices()):
        if practice["title"] in existing:
            continue
        page = PracticePage(
            title=practice["title"],
            kind=kinds[practice["kind"]],
            summary=practice["summary"],
            easy_read_summary=practice.get("easy_read_summary", ""),
            body=[{"type": "paragraph", "value": f"<p>{practice['body']}</p>"}],
            title_en=practice.get("title_en", ""),
            summary_en=practice.get("summary_en", ""),
            body_en=(
                [{"type": "paragraph", "value": f"<p>{practice['body_en']}</p>"}]
                if practice.get("body_en")
                else []
            ),
            year=practice["year"],
            contact_name="Team inclusie",
            contact_email="inclusie@example.org",
            first_published_at=published + timedelta(days=7 * number),
        )
        page.themes.set([themes[a] for a in practice["articles"]])
        page.life_domains.set([domains[s] for s in practice["life_domains"]])
        page.target_groups.set([groups[s] for s in practice["target_groups"]])
        codes = practice["municipalities"]
        page.municipalities.set([municipalities[c] for c in codes if c in municipalities])
        page.tags.set(practice["tags"])
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    generated = PracticePage.objects.filter(title__startswith="Gegenereerd: ").count()
    wanted = (scale - 1) * 500 if scale > 1 else 0
    if generated < wanted:
        created += generate_practices(index=index, count=wanted - generated, start=generated)
    stdout.write(f"  practices: {created} created, {PracticePage.objects.count()} in total")


def generate_practices(*, index: PracticeIndexPage, count: int, start: int = 0) -> int:
    """Create `count` varied live practices in bulk, with valid tree paths and search data."""
    rng = random.Random(f"practices-{start}")  # noqa: S311 - demo data, reproducible
    kinds = list(PracticeKind.objects.all())
    themes = [t for t in Theme.objects.all() if t.article in SUBSTANTIVE_ARTICLES]
    domains = list(LifeDomain.objects.all())
    groups = list(TargetGroup.objects.all())
    municipalities = list(MunicipalityPage.objects.only("id", "title", "cbs_code"))
    content_type = ContentType.objects.get_for_model(PracticePage)
    index = PracticeIndexPage.objects.get(pk=index.pk)
    position = index.numchild
    last = index.get_last_child()
    if last is not None:
        position = max(position, Page._str2int(last.path[-Page.steplen :]))
    now = datetime(2025, 6, 1, tzinfo=UTC)
    made = 0
    for offset in range(0, count, 1000):
        batch = []
        details = []
        for i in range(offset, min(count, offset + 1000)):
            serial = start + i + 1
            position += 1
            approach = rng.choice(APPROACHES)
            topic, sentence = rng.choice(TOPICS)
            places = (
                rng.sample(municipalities, k=rng.choice((1, 1, 1, 2))) if municipalities else []
            )
            place = places[0].title if places else "de regio"
            title = f"Gegenereerd: {approach} {topic} in {place} ({serial})"
            slug = f"gegenereerd-{serial}"
            published = now - timedelta(hours=serial)
            batch.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(index.path, index.depth + 1, position),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
            details.append(
                {
                    "kind": rng.choice(kinds).pk,
                    "summary": f"{sentence} {approach} in {place}, samen met ervaringsdeskundigen.",
                    "year": rng.randint(2016, 2025),
                    "themes": rng.sample(themes, k=rng.randint(1, 3)),
                    "domains": rng.sample(domains, k=rng.randint(1, 2)),
                    "groups": rng.sample(groups, k=rng.randint(1, 3)),
                    "municipalities": places,
                }
            )
        pages = Page.objects.bulk_create(batch)
        rows = []
        through = {"themes": [], "domains": [], "groups": [], "municipalities": []}
        for page, detail in zip(pages, details, strict=True):
            labels = [t.name for t in detail["themes"]] + [d.name for d in detail["domains"]]
            labels += [g.name for g in detail["groups"]] + [
                m.title for m in detail["municipalities"]
            ]
            rows.append(
                (
                    page.pk,
                    "",
                    detail["kind"],
                    detail["summary"],
                    "",
                    "[]",
                    detail["year"],
                    "",
                    "",
                    "[]",
                    "",
                    "\n".join(labels),
                )
            )
            through["themes"] += [
                PracticePage.themes.through(practicepage_id=page.pk, theme_id=t.pk)
                for t in detail["themes"]
            ]
            through["domains"] += [
                PracticePage.life_domains.through(practicepage_id=page.pk, lifedomain_id=d.pk)
                for d in detail["domains"]
            ]
            through["groups"] += [
                PracticePage.target_groups.through(practicepage_id=page.pk, targetgroup_id=g.pk)
                for g in detail["groups"]
            ]
            through["municipalities"] += [
                PracticePage.municipalities.through(
                    practicepage_id=page.pk, municipalitypage_id=m.pk
                )
                for m in detail["municipalities"]
            ]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO knowledge_practicepage (page_ptr_id, introduction, kind_id, summary,"
                " easy_read_summary, body, year, contact_name, contact_email, resources,"
                " source_url, search_document, title_en, introduction_en, summary_en, body_en)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, '', '', '', '[]')",
                rows,
            )
        for objects in through.values():
            if objects:
                type(objects[0]).objects.bulk_create(objects)
        search_rows_refresh([page.pk for page in pages])
        add_to_site_search([page.pk for page in pages])
        made += len(pages)
    PracticeIndexPage.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
    Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
    return made


def add_to_site_search(page_ids: list[int]) -> None:
    """Wagtail\'s own index (site search) in one batch."""
    backend = get_search_backend()
    pages = list(
        PracticePage.objects.filter(pk__in=page_ids).select_related("kind").prefetch_related("tags")
    )
    backend.add_bulk(PracticePage, pages)
