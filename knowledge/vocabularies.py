"""The practice library's own vocabularies (kinds of practice, synonyms) and their loader.

The shared vocabularies (themes, life domains, target groups) live in `taxonomy`.
"""

from .models import PracticeKind, Synonym

KINDS = [
    ("voorbeeld", "Praktijkvoorbeeld", "Good practice"),
    ("handreiking", "Handreiking", "Guide"),
    ("instrument", "Instrument", "Tool"),
    ("onderzoek", "Onderzoek", "Research"),
    ("ervaringsverhaal", "Ervaringsverhaal", "Experience story"),
]
SYNONYMS = [
    "ngt, gebarentaal, nederlandse gebarentaal",
    "doof, slechthorend",
    "blind, slechtziend",
    "nah, niet-aangeboren hersenletsel, hersenletsel",
    "rolstoel, rolstoelgebruiker",
    "b1, makkelijke taal, eenvoudige taal",
]


def load_practice_vocabularies() -> None:
    """Create or update the kinds by slug and add missing synonym lines; safe to run again."""
    for order, (slug, name, name_en) in enumerate(KINDS):
        PracticeKind.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)
