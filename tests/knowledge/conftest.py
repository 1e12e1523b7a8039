"""Fixtures of the practice library: a small corpus with known facets."""

import pytest

from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from knowledge.models import PracticeKind
from knowledge.search.terms import clear_terms_cache
from taxonomy.models import LifeDomain, TargetGroup, Theme


@pytest.fixture(autouse=True)
def _fresh_terms_cache():
    """Terms are cached across requests; a rolled-back test must not leave its terms behind."""
    clear_terms_cache()
    yield
    clear_terms_cache()


@pytest.fixture
def library(home_page):
    return PracticeIndexPageFactory(parent=home_page)


@pytest.fixture
def municipalities(home_page):
    from municipalities.models import MunicipalityIndexPage, MunicipalityPage

    index = home_page.add_child(instance=MunicipalityIndexPage(title="Gemeenten", slug="gemeenten"))
    rows = [
        ("GM0344", "Utrecht", "Utrecht", 370_000),
        ("GM0193", "Zwolle", "Overijssel", 130_000),
        ("GM0096", "Vlieland", "Fryslân", 1_100),
    ]
    made = {}
    for code, name, province, population in rows:
        made[code] = index.add_child(
            instance=MunicipalityPage(
                title=name,
                slug=name.lower(),
                cbs_code=code,
                official_name=name,
                province=province,
                province_code="PV26",
                population=population,
            )
        )
    return made


@pytest.fixture
def corpus(library, municipalities):
    """Nine live practices and one draft, spread over every facet."""
    kinds = {k.slug: k for k in PracticeKind.objects.all()}
    themes = {t.article: t for t in Theme.objects.all()}
    domains = {d.slug: d for d in LifeDomain.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    utrecht, zwolle, vlieland = (municipalities[c] for c in ("GM0344", "GM0193", "GM0096"))
    specs = [
        (
            "Toegankelijk stembureau",
            "voorbeeld",
            "Alle stembureaus zijn drempelvrij.",
            [29],
            ["participatie"],
            ["lichamelijke-beperking"],
            [utrecht],
            2023,
        ),
        (
            "Gebarentolk bij de raad",
            "voorbeeld",
            "Een tolk gebarentaal bij elke raadsvergadering.",
            [21, 29],
            ["participatie"],
            ["doof-slechthorend"],
            [zwolle],
            2024,
        ),
        (
            "Prikkelarme ruimte",
            "voorbeeld",
            "Een rustige ruimte bij de balie.",
            [9],
            ["openbare-ruimte"],
            ["autisme"],
            [utrecht],
            2022,
        ),
        (
            "Inclusieve speeltuin",
            "voorbeeld",
            "Een speeltuin voor alle kinderen.",
            [30, 9],
            ["vrije-tijd"],
            ["lichamelijke-beperking"],
            [zwolle, vlieland],
            2021,
        ),
        (
            "Werk voor mensen met autisme",
            "ervaringsverhaal",
            "Banen met een jobcoach.",
            [27],
            ["werk-en-inkomen"],
            ["autisme"],
            [vlieland],
            2023,
        ),
        (
            "Handreiking website",
            "handreiking",
            "Een toegankelijke website volgens WCAG.",
            [9, 21],
            ["participatie"],
            ["blind-slechtziend"],
            [utrecht],
            2024,
        ),
        (
            "Onderzoek openbaar vervoer",
            "onderzoek",
            "Hoe toegankelijk zijn bushaltes?",
            [9, 20],
            ["vervoer"],
            ["lichamelijke-beperking", "blind-slechtziend"],
            [zwolle],
            2024,
        ),
        (
            "Inclusietoets",
            "instrument",
            "Toets elk besluit op toegankelijkheid.",
            [4],
            ["participatie"],
            ["chronische-ziekte"],
            [],
            2020,
        ),
        (
            "Stembureau training",
            "instrument",
            "Training voor stembureauleden.",
            [29],
            ["participatie"],
            ["verstandelijke-beperking"],
            [utrecht, zwolle],
            2022,
        ),
    ]
    pages = []
    for title, kind, summary, articles, life, target, places, year in specs:
        pages.append(
            PracticePageFactory(
                parent=library,
                title=title,
                kind=kinds[kind],
                summary=summary,
                themes=[themes[a] for a in articles],
                life_domains=[domains[s] for s in life],
                target_groups=[groups[s] for s in target],
                municipalities=places,
                year=year,
            )
        )
    draft = PracticePageFactory(
        parent=library,
        title="Geheim stembureau concept",
        summary="Nog niet gepubliceerd stembureau.",
        kind=kinds["voorbeeld"],
        themes=[themes[29]],
        year=2023,
        live=False,
    )
    return {"live": pages, "draft": draft}
