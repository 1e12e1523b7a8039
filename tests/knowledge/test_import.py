"""manage.py import_practices: per-record errors with allowed values, no duplicates."""

import json

import pytest
from django.core.management import call_command

from knowledge.models import PracticePage
from knowledge.search import SearchQuery, get_engine

pytestmark = pytest.mark.django_db

RECORDS = [
    {
        "title": "Toegankelijke markt",
        "summary": "De weekmarkt is drempelvrij.",
        "body": "Eerste alinea.\n\nTweede <alinea>.",
        "kind": "voorbeeld",
        "municipalities": ["GM0344"],
        "themes": [9],
        "life_domains": ["openbare-ruimte"],
        "target_groups": ["lichamelijke-beperking"],
        "tags": ["markt"],
        "year": 2024,
    },
    {
        "title": "Kapot record",
        "summary": "Onbekende waarden.",
        "body": "",
        "kind": "folder",
        "municipalities": ["GM9999"],
        "themes": [99],
        "life_domains": ["ruimtevaart"],
        "target_groups": [],
        "tags": [],
        "year": 2024,
    },
    {
        "title": "Met adres",
        "summary": "Geïdentificeerd door het adres.",
        "body": "Tekst.",
        "kind": "handreiking",
        "municipalities": [],
        "themes": [],
        "life_domains": [],
        "target_groups": [],
        "tags": [],
        "year": 2020,
        "url": "https://example.org/met-adres",
    },
]


def run(tmp_path, records, capsys):
    path = tmp_path / "practices.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    with (
        pytest.raises(SystemExit) if any(r["title"] == "Kapot record" for r in records) else _null()
    ):
        call_command("import_practices", str(path))
    return capsys.readouterr()


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


def test_import_reports_per_record_and_never_duplicates(tmp_path, capsys, library, municipalities):
    out = run(tmp_path, RECORDS, capsys)
    assert "2 created, 0 updated, 1 refused." in out.out
    assert "Record 2 (Kapot record) not imported" in out.err
    assert "unknown kind 'folder'; allowed: ervaringsverhaal, handreiking" in out.err
    assert "unknown CBS codes GM9999" in out.err
    assert "unknown articles 99" in out.err
    assert "unknown life domains ruimtevaart; allowed: onderwijs" in out.err
    assert not PracticePage.objects.filter(title="Kapot record").exists()

    market = PracticePage.objects.get(title="Toegankelijke markt")
    assert market.live
    assert [m.cbs_code for m in market.municipalities.all()] == ["GM0344"]
    assert [b.value.source for b in market.body] == [
        "<p>Eerste alinea.</p>",
        "<p>Tweede &lt;alinea&gt;.</p>",
    ]
    assert get_engine().search(SearchQuery(text="weekmarkt")).total == 1

    changed = [
        dict(RECORDS[0], summary="Nu ook met rustige uren."),
        dict(RECORDS[2], title="Nieuwe titel"),
    ]
    out = run(tmp_path, changed, capsys)
    assert "0 created, 2 updated, 0 refused." in out.out
    assert PracticePage.objects.filter(title="Toegankelijke markt").count() == 1
    assert (
        PracticePage.objects.get(source_url="https://example.org/met-adres").title == "Nieuwe titel"
    )
    assert PracticePage.objects.count() == 2


def test_unreadable_file_is_a_clear_error(tmp_path, library):
    from django.core.management.base import CommandError

    path = tmp_path / "kapot.json"
    path.write_text("{niet json", encoding="utf-8")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_practices", str(path))
