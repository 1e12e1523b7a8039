"""The controlled vocabularies the platform ships with, and an idempotent loader for them."""

import csv
from pathlib import Path

ARTICLES_CSV = Path(__file__).resolve().parent / "data" / "vn_verdrag_handicap_artikelen.csv"

KINDS = [
    ("voorbeeld", "Praktijkvoorbeeld", "Good practice"),
    ("handreiking", "Handreiking", "Guide"),
    ("instrument", "Instrument", "Tool"),
    ("onderzoek", "Onderzoek", "Research"),
    ("ervaringsverhaal", "Ervaringsverhaal", "Experience story"),
]
LIFE_DOMAINS = [
    ("onderwijs", "Onderwijs", "Education"),
    ("wonen", "Wonen", "Housing"),
    ("werk-en-inkomen", "Werk en inkomen", "Work and income"),
    ("vrije-tijd", "Vrije tijd", "Leisure"),
    ("vervoer", "Vervoer", "Transport"),
    ("zorg-en-ondersteuning", "Zorg en ondersteuning", "Care and support"),
    ("openbare-ruimte", "Openbare ruimte", "Public space"),
    ("participatie", "Participatie", "Participation"),
]
TARGET_GROUPS = [
    ("lichamelijke-beperking", "Lichamelijke beperking", "Physical disability"),
    ("verstandelijke-beperking", "Verstandelijke beperking", "Intellectual disability"),
    ("psychische-kwetsbaarheid", "Psychische kwetsbaarheid", "Mental health vulnerability"),
    ("chronische-ziekte", "Chronische ziekte", "Chronic illness"),
    ("doof-slechthorend", "Doof of slechthorend", "Deaf or hard of hearing"),
    ("blind-slechtziend", "Blind of slechtziend", "Blind or partially sighted"),
    ("autisme", "Autisme", "Autism"),
    ("nah", "Niet-aangeboren hersenletsel (NAH)", "Acquired brain injury"),
]
SYNONYMS = [
    "ngt, gebarentaal, nederlandse gebarentaal",
    "doof, slechthorend",
    "blind, slechtziend",
    "nah, niet-aangeboren hersenletsel, hersenletsel",
    "rolstoel, rolstoelgebruiker",
    "b1, makkelijke taal, eenvoudige taal",
]


def articles() -> list[tuple[int, str, str]]:
    """(article, Dutch title, English title); the English title where the Dutch is unverified."""
    rows = []
    with ARTICLES_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            english = row["title_en"].strip()
            dutch = row["title_nl"].strip()
            if row["title_nl_status"].strip() == "unverified" or not dutch:
                dutch = english
            rows.append((int(row["article"]), dutch, english))
    return rows


def load_vocabularies(apps=None) -> None:
    """Create or update every term by slug (themes by article); safe to run again."""
    from django.apps import apps as global_apps

    registry = apps or global_apps
    for model_name, terms in (
        ("PracticeKind", KINDS),
        ("LifeDomain", LIFE_DOMAINS),
        ("TargetGroup", TARGET_GROUPS),
    ):
        model = registry.get_model("knowledge", model_name)
        for order, (slug, name, name_en) in enumerate(terms):
            model.objects.update_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
            )
    theme_model = registry.get_model("knowledge", "Theme")
    for article, name, name_en in articles():
        theme_model.objects.update_or_create(
            article=article,
            defaults={
                "name": name,
                "name_en": name_en,
                "slug": f"artikel-{article}",
                "sort_order": article,
            },
        )
    synonym_model = registry.get_model("knowledge", "Synonym")
    for terms in SYNONYMS:
        synonym_model.objects.get_or_create(terms=terms)
