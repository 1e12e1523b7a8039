"""The CBS import: all municipalities, idempotent, updates and retirements, bad rows."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from municipalities.importer import (
    DEFAULT_CSV,
    MunicipalityImportError,
    import_municipalities,
    parse_csv,
)
from municipalities.models import (
    LiaStatus,
    LiaStatusChange,
    MunicipalityIndexPage,
    MunicipalityPage,
    SizeClass,
)

pytestmark = pytest.mark.django_db


def _rows() -> list[dict]:
    with DEFAULT_CSV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _write(path, rows: list[dict], extra_columns: tuple = ()) -> None:
    columns = list(rows[0].keys() if rows else []) + [
        c for c in extra_columns if rows and c not in rows[0]
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)


def test_import_creates_every_municipality_under_the_overview(home_page, client):
    result = import_municipalities()

    assert len(result.created) == 342
    assert MunicipalityPage.objects.count() == 342
    index = MunicipalityIndexPage.objects.get()
    assert index.url_path.endswith("/gemeenten/")
    amsterdam = MunicipalityPage.objects.get(cbs_code="GM0363")
    assert amsterdam.slug == "amsterdam"
    assert amsterdam.size_class == SizeClass.VERY_LARGE
    assert 52.2 < amsterdam.centroid_lat < 52.5 and 4.7 < amsterdam.centroid_lon < 5.1
    den_haag = MunicipalityPage.objects.get(cbs_code="GM0518")
    assert (den_haag.title, den_haag.slug, den_haag.official_name) == (
        "Den Haag",
        "den-haag",
        "'s-Gravenhage",
    )
    # Two Bergens keep apart.
    assert set(
        MunicipalityPage.objects.filter(official_name__startswith="Bergen (").values_list(
            "slug", flat=True
        )
    ) == {"bergen-noord-holland", "bergen-limburg"}
    assert MunicipalityPage.objects.filter(centroid_lat__isnull=True).count() == 0
    # The tree is what treebeard itself would have built.
    assert all(problems == [] for problems in Page.find_problems())
    index.refresh_from_db()
    assert index.numchild == 342
    assert client.get("/gemeenten/den-haag/").status_code == 200


def test_import_is_idempotent(home_page):
    import_municipalities()
    again = import_municipalities()

    assert again.created == [] and again.retired == [] and again.renamed == []
    assert again.unchanged == 342
    assert not again.changed
    assert MunicipalityPage.objects.count() == 342


def test_creating_342_pages_is_cheap(home_page, django_assert_max_num_queries):
    # add_child costs about seventeen queries per page. The bulk path: two inserts and the audit
    # log entry Wagtail writes for a new page (about five), plus the bulk search index (on
    # PostgreSQL two statements per page).
    with django_assert_max_num_queries(342 * 8):
        import_municipalities()


@pytest.mark.slow
def test_rerun_with_a_new_file_updates_and_retires(home_page, tmp_path):
    import_municipalities()
    lelystad = MunicipalityPage.objects.get(cbs_code="GM0995")
    LiaStatusChange.objects.create(
        municipality=lelystad,
        status=LiaStatus.DRAFTING,
        date=datetime.date(2022, 1, 1),
        source="survey",
    )
    rows = _rows()
    for row in rows:
        row["merged_from"] = ""
        if row["code"] == "GM0034":  # Almere
            row["name"] = "Almere-Stad"
            row["population"] = "19000"
        if row["code"] == "GM0050":  # Zeewolde takes in Lelystad, in this made-up year
            row["merged_from"] = "GM0995"
    rows = [row for row in rows if row["code"] not in ("GM0995", "GM0037")]
    new_file = tmp_path / "gemeenten_2027.csv"
    _write(new_file, rows)

    result = import_municipalities(
        csv_path=new_file, population_year=2026, retired_on=datetime.date(2027, 1, 1)
    )

    assert result.renamed == [("GM0034", "Almere", "Almere-Stad")]
    assert "GM0034" in result.population_changed
    assert sorted(result.retired) == [("GM0037", None), ("GM0995", "GM0050")]
    almere = MunicipalityPage.objects.get(cbs_code="GM0034")
    assert (almere.title, almere.slug, almere.population) == ("Almere-Stad", "almere", 19000)
    assert almere.size_class == SizeClass.SMALL
    assert almere.population_year == 2026
    lelystad.refresh_from_db()
    assert lelystad.retired_on == datetime.date(2027, 1, 1)
    assert lelystad.merged_into.cbs_code == "GM0050"
    # History is never deleted with a retirement.
    assert lelystad.lia_status_changes.count() == 1
    assert MunicipalityPage.objects.count() == 342
    summary = "\n".join(result.summary_lines())
    assert "renamed GM0034: Almere -> Almere-Stad" in summary
    assert "retired GM0995 (merged into GM0050)" in summary


def test_bad_rows_are_reported_with_line_numbers_and_nothing_is_written(home_page, tmp_path):
    rows = _rows()[:5]
    rows[1]["province"] = "Atlantis"  # line 3
    rows[2]["code"] = rows[0]["code"]  # line 4: duplicate of line 2
    rows[3]["population"] = "veel"  # line 5
    bad_file = tmp_path / "bad.csv"
    _write(bad_file, rows)

    with pytest.raises(MunicipalityImportError) as error:
        import_municipalities(csv_path=bad_file)

    lines = {line: message for line, message in error.value.problems}
    assert set(lines) == {3, 4, 5}
    assert "Atlantis" in lines[3]
    assert "duplicate code" in lines[4] and "line 2" in lines[4]
    assert "veel" in lines[5]
    assert MunicipalityPage.objects.count() == 0
    assert MunicipalityIndexPage.objects.count() == 0


def test_the_command_reports_problems_and_changes(home_page, tmp_path):
    rows = _rows()[:3]
    rows[2]["population"] = "12.5"
    bad_file = tmp_path / "bad.csv"
    _write(bad_file, rows)
    stderr = io.StringIO()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_municipalities", "--file", str(bad_file), stderr=stderr)
    assert f"{bad_file}:4: population '12.5' is not a whole number" in stderr.getvalue()

    stdout = io.StringIO()
    call_command("import_municipalities", stdout=stdout)
    assert "created: 342" in stdout.getvalue()


def test_missing_columns_are_reported(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("code,naam\nGM0363,Amsterdam\n", encoding="utf-8")
    with pytest.raises(MunicipalityImportError) as error:
        parse_csv(path)
    assert error.value.problems[0][0] == 1
    assert "name" in error.value.problems[0][1]
