"""The starter synonym list shipped with the library (data/synonyms.txt), as rows to load."""

from __future__ import annotations

from pathlib import Path

STARTER_LIST = Path(__file__).resolve().parent / "data" / "synonyms.txt"


def starter_synonyms() -> list[tuple[str, bool]]:
    """(terms, one_way) per line: 'a, b' is two-way, 'a => b, c' one-way (stored 'a, b, c')."""
    rows = []
    for line in STARTER_LIST.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        one_way = "=>" in line
        words = [w.strip().lower() for w in line.replace("=>", ",").split(",") if w.strip()]
        rows.append((", ".join(dict.fromkeys(words)), one_way))
    return rows


def load_starter_synonyms(model) -> int:
    """Add the starter rows that are missing (by their words); returns how many were added."""
    added = 0
    for terms, one_way in starter_synonyms():
        _row, created = model.objects.get_or_create(terms=terms, defaults={"one_way": one_way})
        added += created
    return added
