"""The shared vocabularies the platform ships with, and an idempotent loader for them."""

import csv
from pathlib import Path

from .models import LifeDomain, TargetGroup, Theme

ARTICLES_CSV = Path(__file__).resolve().parent / "data" / "vn_verdrag_handicap_artikelen.csv"

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


def articles() -> list[tuple[int, str, str]]:
    """(article, Dutch title, English title).

    Dutch pages show a Dutch title for every article, also the procedural articles 31-50 whose
    Dutch wording is not yet checked against the treaty text (an English title on a Dutch page
    is worse for readers than a Dutch one that may differ slightly from the official wording).
    """
    rows = []
    with ARTICLES_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            english = row["title_en"].strip()
            dutch = row["title_nl"].strip() or english
            rows.append((int(row["article"]), dutch, english))
    return rows


def load_vocabularies() -> None:
    """Create or update every term by slug (themes by article); safe to run again."""
    for model, terms in ((LifeDomain, LIFE_DOMAINS), (TargetGroup, TARGET_GROUPS)):
        for order, (slug, name, name_en) in enumerate(terms):
            model.objects.update_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
            )
    for article, name, name_en in articles():
        Theme.objects.update_or_create(
            article=article,
            defaults={
                "name": name,
                "name_en": name_en,
                "slug": f"artikel-{article}",
                "sort_order": article,
            },
        )
