"""Dutch pages show a Dutch title for the procedural articles 31-50 too (they showed English)."""

import csv
from pathlib import Path

from django.db import migrations

ARTICLES_CSV = (
    Path(__file__).resolve().parent.parent / "data" / "vn_verdrag_handicap_artikelen.csv"
)


def dutch_titles(apps, schema_editor):
    theme = apps.get_model("taxonomy", "Theme")
    with ARTICLES_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            dutch = row["title_nl"].strip()
            if dutch and row["title_nl_status"].strip() == "unverified":
                theme.objects.filter(article=int(row["article"])).update(name=dutch)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_rename_tables")]

    # Going back keeps the Dutch titles: they are data, and no earlier code depends on English.
    operations = [migrations.RunPython(dutch_titles, migrations.RunPython.noop)]
