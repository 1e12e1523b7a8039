"""Writes that span models: importing existing collections of practices."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from django.core.exceptions import ValidationError
from django.db import transaction

from municipalities.models import MunicipalityPage
from network.pages import ensure_home_page
from taxonomy.models import LifeDomain, TargetGroup, Theme

from .models import PracticeIndexPage, PracticeKind, PracticePage

REQUIRED = ("title", "summary", "kind")


@dataclass
class ImportReport:
    """What an import did, per record: created, updated, or the reasons it was refused."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    errors: dict[int, list[str]] = field(default_factory=dict)


def _allowed(values) -> str:
    return ", ".join(str(v) for v in values)


def _body(text: str) -> list[dict]:
    """Plain text with blank lines between paragraphs, as escaped paragraph blocks."""
    paragraphs = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n")]
    return [{"type": "paragraph", "value": f"<p>{escape(p)}</p>"} for p in paragraphs if p]


def _resolve(record: dict, vocab: dict) -> tuple[dict, list[str]]:
    """The record's values as objects, or every problem with the allowed values."""
    errors = []
    for name in REQUIRED:
        if not str(record.get(name) or "").strip():
            errors.append(f"'{name}' is required")
    kind = vocab["kinds"].get(record.get("kind"))
    if record.get("kind") and kind is None:
        errors.append(
            f"unknown kind '{record.get('kind')}'; allowed: {_allowed(sorted(vocab['kinds']))}"
        )
    resolved: dict = {"kind": kind}
    lookups = [
        ("municipalities", "municipalities", "CBS codes"),
        ("themes", "themes", "articles"),
        ("life_domains", "domains", "life domains"),
        ("target_groups", "groups", "target groups"),
    ]
    for key, table, label in lookups:
        raw = record.get(key) or []
        if not isinstance(raw, list):
            errors.append(f"'{key}' must be a list")
            continue
        unknown = [value for value in raw if vocab[table].get(str(value)) is None]
        if unknown:
            allowed = sorted(vocab[table]) if table != "municipalities" else ["GM0014", "…"]
            errors.append(f"unknown {label} {_allowed(unknown)}; allowed: {_allowed(allowed)}")
        resolved[key] = [vocab[table][str(v)] for v in raw if vocab[table].get(str(v))]
    year = record.get("year")
    valid_year = isinstance(year, int) and 1950 <= year <= 2100
    if year not in (None, "") and not valid_year:
        errors.append(f"'year' must be a whole year between 1950 and 2100, not {year!r}")
    tags = record.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        errors.append("'tags' must be a list of words")
    return resolved, errors


@transaction.atomic
def practices_import(*, records: list[dict], index: PracticeIndexPage) -> ImportReport:
    """Create or update (by url, else title plus year) and publish practices under the library.

    A record with any problem is refused whole; the others are still imported.
    """
    report = ImportReport()
    vocab = {
        "kinds": {k.slug: k for k in PracticeKind.objects.all()},
        "themes": {str(t.article): t for t in Theme.objects.all()},
        "domains": {d.slug: d for d in LifeDomain.objects.all()},
        "groups": {g.slug: g for g in TargetGroup.objects.all()},
        "municipalities": {m.cbs_code: m for m in MunicipalityPage.objects.all()},
    }
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            report.errors[number] = ["a record must be an object"]
            continue
        resolved, errors = _resolve(record, vocab)
        if errors:
            report.errors[number] = errors
            continue
        url = str(record.get("url") or "").strip()
        existing = PracticePage.objects.child_of(index)
        existing = (
            existing.filter(source_url=url)
            if url
            else existing.filter(title=record["title"].strip(), year=record.get("year"))
        ).first()
        page = existing.specific if existing else PracticePage()
        page.title = record["title"].strip()
        page.summary = record["summary"].strip()
        page.body = _body(str(record.get("body") or ""))
        page.year = record.get("year")
        page.source_url = url
        page.kind = resolved["kind"]
        try:
            with transaction.atomic():
                for key in ("municipalities", "themes", "life_domains", "target_groups"):
                    getattr(page, key).set(resolved[key])
                page.tags.set(record.get("tags") or [])
                if existing:
                    page.full_clean()
                    page.save_revision().publish()
                    report.updated.append(page.title)
                else:
                    # add_child saves with Wagtail's full_clean; the revision makes it live.
                    index.add_child(instance=page)
                    page.save_revision().publish()
                    report.created.append(page.title)
        except ValidationError as error:
            report.errors[number] = [f"{k}: {' '.join(v)}" for k, v in error.message_dict.items()]
    return report


def ensure_index_page() -> PracticeIndexPage:
    """The practice library's index page, made under the home page if there is none yet."""
    index = PracticeIndexPage.objects.first()
    if index is None:
        home = ensure_home_page()
        index = home.add_child(
            instance=PracticeIndexPage(
                title="Kennisbank",
                title_en="Practice library",
                introduction_en=(
                    "Examples, guides, tools, research and personal stories from municipalities "
                    "that put the UN Convention on the Rights of Persons with Disabilities into "
                    "practice."
                ),
                slug="kennisbank",
                show_in_menus=True,
                introduction=(
                    "Voorbeelden, handreikingen, instrumenten, onderzoek en ervaringsverhalen van "
                    "gemeenten die werk maken van het VN-verdrag Handicap."
                ),
            )
        )
        index.save_revision().publish()
    return index
