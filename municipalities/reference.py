"""The shipped reference data on municipalities: files, provinces, regions and display names.

A data module without models, so forms, pages, the map and other apps can read it freely.
"""

import csv
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_CSV = DATA_DIR / "gemeenten_2026.csv"
DEFAULT_GEOJSON = DATA_DIR / "gemeenten_2026.geojson"
PROVINCES_CSV = DATA_DIR / "provincies_2026.csv"
REGIONS_CSV = DATA_DIR / "arbeidsmarktregios_2025.csv"
DEFAULT_POPULATION_YEAR = 2025

# The platform's own display names; CBS spellings stay in `official_name`. The suffixes only
# disambiguate where two municipalities share a name, so they go where no twin exists.
DISPLAY_NAMES = {
    "'s-Gravenhage": "Den Haag",
    "Hengelo (O.)": "Hengelo",
    "Laren (NH.)": "Laren",
    "Rijswijk (ZH.)": "Rijswijk",
    "Middelburg (Z.)": "Middelburg",
    "Beek (L.)": "Beek",
    "Stein (L.)": "Stein",
    "Bergen (NH.)": "Bergen (Noord-Holland)",
    "Bergen (L.)": "Bergen (Limburg)",
}


def display_name_for(official_name: str) -> str:
    return DISPLAY_NAMES.get(official_name, official_name)


@lru_cache(maxsize=1)
def load_provinces() -> dict[str, str]:
    """Province code -> name, from the shipped reference file."""
    with PROVINCES_CSV.open(encoding="utf-8") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def load_regions() -> dict[str, str]:
    """Labour-market region code -> name."""
    with REGIONS_CSV.open(encoding="utf-8") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}
