"""Import of the CBS municipality list: validate the whole file first, then write in one go."""

import csv
import datetime
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import GroupPagePermission
from wagtail.signal_handlers import disable_reference_index_auto_update

from network.pages import ensure_home_page
from network.roles import PROJECT_TEAM

from .models import MunicipalityIndexPage, MunicipalityPage
from .reference import (
    DEFAULT_CSV,
    DEFAULT_GEOJSON,
    DEFAULT_POPULATION_YEAR,
    display_name_for,
    load_provinces,
)
from .services import map_cache_invalidate

REQUIRED_COLUMNS = ("code", "name", "province", "population")
CODE_RE = re.compile(r"^GM\d{4}$")
INDEX_SLUG = "gemeenten"


class MunicipalityImportError(Exception):
    """The file has problems; nothing was written. `problems` holds (line, message) pairs."""

    def __init__(self, problems: list[tuple[int, str]]):
        self.problems = problems
        super().__init__("; ".join(f"line {line}: {message}" for line, message in problems))


@dataclass
class Row:
    line: int
    code: str
    official_name: str
    display_name: str
    province: str
    province_code: str
    population: int
    region_code: str
    region: str
    merged_from: list[str]


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)
    population_changed: list[str] = field(default_factory=list)
    other_changed: list[str] = field(default_factory=list)
    retired: list[tuple[str, str | None]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.created
            or self.renamed
            or self.population_changed
            or self.other_changed
            or self.retired
        )

    def summary_lines(self) -> list[str]:
        lines = [
            f"created: {len(self.created)}",
            f"renamed: {len(self.renamed)}",
            f"population changed: {len(self.population_changed)}",
            f"other fields changed: {len(self.other_changed)}",
            f"retired: {len(self.retired)}",
            f"unchanged: {self.unchanged}",
        ]
        lines += [f"  renamed {code}: {old} -> {new}" for code, old, new in self.renamed]
        lines += [
            f"  retired {code}" + (f" (merged into {into})" if into else "")
            for code, into in self.retired
        ]
        return lines


def parse_csv(path: Path) -> list[Row]:
    """Read and validate every row; raise MunicipalityImportError listing all problems."""
    provinces = load_provinces()
    province_codes = {name: code for code, name in provinces.items()}
    problems: list[tuple[int, str]] = []
    rows: list[Row] = []
    seen: dict[str, int] = {}
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise MunicipalityImportError([(0, f"cannot read {path}: {error.strerror}")]) from error
    with handle:
        reader = csv.DictReader(handle)
        missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise MunicipalityImportError([(1, f"missing columns: {', '.join(missing)}")])
        for record in reader:
            line = reader.line_num
            code = (record.get("code") or "").strip().upper()
            name = (record.get("name") or "").strip()
            province = (record.get("province") or "").strip()
            province_code = (record.get("province_code") or "").strip()
            population_text = (record.get("population") or "").strip().replace("_", "")
            row_problems = []
            if not CODE_RE.match(code):
                row_problems.append(f"code {code!r} is not a CBS code like GM0363")
            elif code in seen:
                row_problems.append(f"duplicate code {code} (first on line {seen[code]})")
            else:
                seen[code] = line
            if not name:
                row_problems.append("name is empty")
            if province not in province_codes:
                row_problems.append(f"unknown province {province!r}")
            elif province_code and province_codes[province] != province_code:
                row_problems.append(
                    f"province code {province_code} does not match province {province}"
                )
            if not population_text.isdigit():
                row_problems.append(f"population {population_text!r} is not a whole number")
            problems += [(line, message) for message in row_problems]
            if row_problems:
                continue
            merged_from = [
                item.strip().upper()
                for item in (record.get("merged_from") or "").replace(",", ";").split(";")
                if item.strip()
            ]
            rows.append(
                Row(
                    line=line,
                    code=code,
                    official_name=name,
                    display_name=display_name_for(name),
                    province=province,
                    province_code=province_codes[province],
                    population=int(population_text),
                    region_code=(record.get("arbeidsmarktregio_code") or "").strip(),
                    region=(record.get("arbeidsmarktregio_name") or "").strip(),
                    merged_from=merged_from,
                )
            )
    if not rows and not problems:
        problems.append((1, "the file has no municipalities"))
    if problems:
        raise MunicipalityImportError(problems)
    return rows


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Area and centroid (lon, lat) of a ring by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


def load_centroids(path: Path) -> dict[str, tuple[float, float]]:
    """Code -> (lat, lon): the centroid of each municipality's largest polygon."""
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    centroids = {}
    for feature in data.get("features", []):
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        area, lon, lat = max(_ring_centroid(polygon[0]) for polygon in polygons)
        centroids[feature["properties"]["code"]] = (round(lat, 5), round(lon, 5))
    return centroids


def ensure_index_page() -> MunicipalityIndexPage:
    """The overview page at /gemeenten/ under the home page, created when missing."""
    index = MunicipalityIndexPage.objects.first()
    if index is None:
        home = ensure_home_page()
        index = home.add_child(
            instance=MunicipalityIndexPage(
                title="Gemeenten",
                title_en="Municipalities",
                introduction_en=(
                    "All municipalities of the Netherlands and where they stand with their Local "
                    "Inclusion Agenda."
                ),
                slug=INDEX_SLUG,
                show_in_menus=True,
                introduction=(
                    "Alle gemeenten van Nederland en waar zij staan met hun Lokale Inclusie Agenda."
                ),
            )
        )
    _grant_team_page_permissions(index)
    return index


def _grant_team_page_permissions(index: MunicipalityIndexPage) -> None:
    """The project team edits and publishes the profiles (manifest, panel, LIA document).

    Wagtail grants page rights per subtree (GroupPagePermission), not through model
    permissions, so the team gets them on the overview page and everything below it.
    """
    group, _created = Group.objects.get_or_create(name=PROJECT_TEAM)
    for codename in ("change_page", "publish_page"):
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)


@contextmanager
def _index_tasks_deferred():
    """Skip the per-page index tasks while bulk-creating.

    The caller indexes the new pages for search in one bulk call; the reference index has
    nothing to record for them (a new page from the import refers to no other object).
    """
    disconnected = post_save.disconnect(post_save_signal_handler, sender=MunicipalityPage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if disconnected:
            post_save.connect(post_save_signal_handler, sender=MunicipalityPage)


def _unique_slug(display_name: str, code: str, taken: set[str]) -> str:
    slug = slugify(display_name) or code.lower()
    if slug in taken:
        slug = f"{slug}-{code.lower()}"
    taken.add(slug)
    return slug


RELATION_FIELDS = [field.name for field in MunicipalityPage._meta.get_fields() if field.is_relation]


def _create_pages(index: MunicipalityIndexPage, new_pages: list[MunicipalityPage]) -> None:
    """Append pages as children of the index with their tree paths computed once.

    `add_child` looks up the last child and re-reads the parent for every page (about 10
    queries each); here the paths follow on from the current last child and numchild is set
    once, so the materialised-path tree stays exactly what treebeard would have built.
    """
    if not new_pages:
        return
    index.refresh_from_db(fields=["path", "depth", "numchild", "url_path", "locale"])
    last_child = index.get_children().order_by("-path").only("path").first()
    step = (
        MunicipalityPage._str2int(last_child.path[-MunicipalityPage.steplen :]) if last_child else 0
    )
    depth = index.depth + 1
    now = timezone.now()
    with _index_tasks_deferred():
        for page in new_pages:
            step += 1
            page.path = MunicipalityPage._get_path(index.path, depth, step)
            page.depth = depth
            page.numchild = 0
            page.locale_id = index.locale_id
            page.url_path = f"{index.url_path}{page.slug}/"
            page.draft_title = page.title
            page.live = True
            page.first_published_at = page.last_published_at = now
            page._cached_parent_obj = index  # treebeard's get_parent() cache: no query per page
            page._is_site_root = False
            # Field validation without the per-row queries of full_clean(): the relations are
            # set just above and uniqueness (code, slug, path) is guaranteed by this import.
            page.clean_fields(exclude=RELATION_FIELDS)
            page.save(clean=False)
    index.numchild += len(new_pages)
    MunicipalityIndexPage.objects.filter(pk=index.pk).update(numchild=index.numchild)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(MunicipalityPage, new_pages)


def import_municipalities(
    *,
    csv_path: Path = DEFAULT_CSV,
    geojson_path: Path | None = DEFAULT_GEOJSON,
    population_year: int = DEFAULT_POPULATION_YEAR,
    retired_on: datetime.date | None = None,
) -> ImportResult:
    """Create or update one page per municipality in the file; retire the codes it lacks."""
    rows = parse_csv(Path(csv_path))
    centroids = load_centroids(Path(geojson_path)) if geojson_path else {}
    retired_on = retired_on or timezone.localdate()
    merged_into_code = {old: row.code for row in rows for old in row.merged_from}
    result = ImportResult()

    with transaction.atomic():
        index = ensure_index_page()
        existing = {page.cbs_code: page for page in MunicipalityPage.objects.all()}
        taken_slugs = {page.slug for page in existing.values()}
        new_pages = []
        for row in rows:
            lat, lon = centroids.get(row.code, (None, None))
            values = {
                "official_name": row.official_name,
                "province": row.province,
                "province_code": row.province_code,
                "region_code": row.region_code,
                "region": row.region,
                "population_year": population_year,
                "centroid_lat": lat,
                "centroid_lon": lon,
            }
            page = existing.get(row.code)
            if page is None:
                new_pages.append(
                    MunicipalityPage(
                        cbs_code=row.code,
                        title=row.display_name,
                        slug=_unique_slug(row.display_name, row.code, taken_slugs),
                        population=row.population,
                        **values,
                    )
                )
                result.created.append(row.code)
                continue
            changed_fields = [
                name for name, value in values.items() if getattr(page, name) != value
            ]
            for name in changed_fields:
                setattr(page, name, values[name])
            if page.title != row.display_name:
                result.renamed.append((row.code, page.title, row.display_name))
                # The slug stays: links to the profile keep working after a rename.
                page.title = page.draft_title = row.display_name
                changed_fields += ["title", "draft_title"]
            if page.population != row.population:
                result.population_changed.append(row.code)
                page.population = row.population
                changed_fields += ["population", "size_class"]
            if page.retired_on is not None:
                page.retired_on = None
                page.merged_into = None
                changed_fields += ["retired_on", "merged_into"]
            if changed_fields:
                if not set(changed_fields) & {"title", "population", "retired_on"}:
                    result.other_changed.append(row.code)
                page.full_clean()
                page.save(clean=False, update_fields=changed_fields)
            else:
                result.unchanged += 1

        _create_pages(index, new_pages)

        in_file = {row.code for row in rows}
        by_code = {
            page.cbs_code: page
            for page in MunicipalityPage.objects.filter(cbs_code__in=set(merged_into_code.values()))
        }
        for code, page in sorted(existing.items()):
            if code in in_file or page.retired_on is not None:
                continue
            target = by_code.get(merged_into_code.get(code, ""))
            page.retired_on = retired_on
            page.merged_into = target
            page.save(clean=False, update_fields=["retired_on", "merged_into"])
            result.retired.append((code, target.cbs_code if target else None))

        if result.changed:
            transaction.on_commit(map_cache_invalidate)
    return result
