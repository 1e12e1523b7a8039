import csv
from pathlib import Path

from django.db import migrations

# Frozen here so later changes to the live loaders do not change what this migration does.
ARTICLES_CSV = (
    Path(__file__).resolve().parents[2] / "taxonomy" / "data" / "vn_verdrag_handicap_artikelen.csv"
)
TERMS = {
    "PracticeKind": [
        ("voorbeeld", "Praktijkvoorbeeld", "Good practice"),
        ("handreiking", "Handreiking", "Guide"),
        ("instrument", "Instrument", "Tool"),
        ("onderzoek", "Onderzoek", "Research"),
        ("ervaringsverhaal", "Ervaringsverhaal", "Experience story"),
    ],
    "LifeDomain": [
        ("onderwijs", "Onderwijs", "Education"),
        ("wonen", "Wonen", "Housing"),
        ("werk-en-inkomen", "Werk en inkomen", "Work and income"),
        ("vrije-tijd", "Vrije tijd", "Leisure"),
        ("vervoer", "Vervoer", "Transport"),
        ("zorg-en-ondersteuning", "Zorg en ondersteuning", "Care and support"),
        ("openbare-ruimte", "Openbare ruimte", "Public space"),
        ("participatie", "Participatie", "Participation"),
    ],
    "TargetGroup": [
        ("lichamelijke-beperking", "Lichamelijke beperking", "Physical disability"),
        ("verstandelijke-beperking", "Verstandelijke beperking", "Intellectual disability"),
        ("psychische-kwetsbaarheid", "Psychische kwetsbaarheid", "Mental health vulnerability"),
        ("chronische-ziekte", "Chronische ziekte", "Chronic illness"),
        ("doof-slechthorend", "Doof of slechthorend", "Deaf or hard of hearing"),
        ("blind-slechtziend", "Blind of slechtziend", "Blind or partially sighted"),
        ("autisme", "Autisme", "Autism"),
        ("nah", "Niet-aangeboren hersenletsel (NAH)", "Acquired brain injury"),
    ],
}
SYNONYMS = [
    "ngt, gebarentaal, nederlandse gebarentaal",
    "doof, slechthorend",
    "blind, slechtziend",
    "nah, niet-aangeboren hersenletsel, hersenletsel",
    "rolstoel, rolstoelgebruiker",
    "b1, makkelijke taal, eenvoudige taal",
]


def load(apps, schema_editor):
    for model_name, terms in TERMS.items():
        model = apps.get_model("knowledge", model_name)
        for order, (slug, name, name_en) in enumerate(terms):
            model.objects.update_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
            )
    theme_model = apps.get_model("knowledge", "Theme")
    with ARTICLES_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            english = row["title_en"].strip()
            dutch = row["title_nl"].strip()
            if row["title_nl_status"].strip() == "unverified" or not dutch:
                dutch = english
            article = int(row["article"])
            theme_model.objects.update_or_create(
                article=article,
                defaults={
                    "name": dutch,
                    "name_en": english,
                    "slug": f"artikel-{article}",
                    "sort_order": article,
                },
            )
    synonym_model = apps.get_model("knowledge", "Synonym")
    for terms in SYNONYMS:
        synonym_model.objects.get_or_create(terms=terms)


def create_gin_index(apps, schema_editor):
    # The tsvector column only exists as such on PostgreSQL; SQLite uses modelsearch's FTS.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS knowledge_practice_search_gin "
            "ON knowledge_practicepage USING gin (search_vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_practice_search_gin")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_synonym_practicepage_resources_and_more")]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(create_gin_index, drop_gin_index),
    ]
