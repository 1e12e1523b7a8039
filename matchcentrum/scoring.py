"""Ranking municipalities for a match request: read-only, each score broken down into reasons."""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from knowledge.models import PracticePage
from municipalities.models import LiaStatus, MunicipalityPage

from .models import MatchRequest

DEFAULT_WEIGHTS: dict[str, float] = {
    # Practices on the very themes asked about weigh most: that is "has done it before".
    "practice": 6.0,  # per published practice on a requested theme or life domain ...
    "practice_cap": 5,  # ... counted up to this many per theme or life domain
    "lia_step": 2.5,  # per LIA step the candidate is further along than the asker
    "same_size_class": 5.0,
    "same_province": 3.0,
    "same_region": 4.0,
    "nearby": 6.0,  # at 0 km, falling linearly to nothing at nearby_km
    "nearby_km": 75.0,
    "willing": 5.0,
    "asked_for": 10.0,  # the municipality the asker named from a practice page
}


def weights() -> dict[str, float]:
    """The scoring weights: the defaults, overridden by settings.MATCHCENTRUM_WEIGHTS."""
    return {**DEFAULT_WEIGHTS, **getattr(settings, "MATCHCENTRUM_WEIGHTS", {})}


@dataclass(frozen=True)
class ScorePart:
    """One reason a candidate fits, and the points it adds."""

    key: str
    points: float
    reason: str


@dataclass
class Suggestion:
    """A candidate municipality for a request, with its score broken down into reasons."""

    municipality_id: int
    title: str
    willing: bool
    distance_km: float | None
    parts: list[ScorePart] = field(default_factory=list)
    municipality: MunicipalityPage | None = None  # fetched for the suggestions returned

    @property
    def score(self) -> float:
        return round(sum(part.points for part in self.parts), 1)

    @property
    def reasons(self) -> list[str]:
        return [part.reason for part in self.parts]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _practice_counts(through, term_field: str, term_ids: list[int]) -> dict[int, dict[int, int]]:
    """{municipality id: {term id: published practices}} in one grouped query."""
    if not term_ids:
        return {}
    rows = (
        through.objects.filter(
            practicepage__live=True, **{f"practicepage__{term_field}__in": term_ids}
        )
        .values_list("municipalitypage_id", f"practicepage__{term_field}")
        .annotate(n=Count("practicepage_id"))
        .order_by()
    )
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for municipality_id, term_id, n in rows:
        counts[municipality_id][term_id] = n
    return counts


def match_suggestions(match_request: MatchRequest, *, limit: int | None = 10) -> list[Suggestion]:
    """Rank the other municipalities for a request, best first, each with its reasons.

    Eight queries at most, however many municipalities or practices: counts are grouped in SQL.
    """
    w = weights()
    asker = MunicipalityPage.objects.only(
        "id",
        "current_lia_status",
        "size_class",
        "province_code",
        "region_code",
        "centroid_lat",
        "centroid_lon",
    ).get(pk=match_request.municipality_id)
    themes = list(match_request.themes.values_list("id", "article"))
    domains = list(match_request.life_domains.all())
    already = set(match_request.matches.values_list("offering_municipality_id", flat=True))
    theme_counts = _practice_counts(
        PracticePage.municipalities.through, "themes", [pk for pk, _a in themes]
    )
    domain_counts = _practice_counts(
        PracticePage.municipalities.through, "life_domains", [d.pk for d in domains]
    )
    candidates = (
        MunicipalityPage.objects.live()
        .filter(retired_on__isnull=True)
        .exclude(pk__in=[asker.pk, *already])
        .values_list(
            "id",
            "title",
            "current_lia_status",
            "size_class",
            "province_code",
            "region_code",
            "centroid_lat",
            "centroid_lon",
            "willing_to_be_asked",
        )
    )
    asker_rank = LiaStatus.rank(asker.current_lia_status)
    cap = int(w["practice_cap"])
    suggestions = []
    for pk, title, lia, size, province, region, lat, lon, willing in candidates:
        parts: list[ScorePart] = []
        if pk == match_request.target_municipality_id:
            parts.append(ScorePart("asked_for", w["asked_for"], _("asked for by name")))
        for theme_id, article in themes:
            n = theme_counts.get(pk, {}).get(theme_id, 0)
            if n:
                reason = ngettext(
                    "%(count)s practice on art. %(article)s",
                    "%(count)s practices on art. %(article)s",
                    n,
                ) % {"count": n, "article": article}
                parts.append(ScorePart(f"theme:{theme_id}", w["practice"] * min(n, cap), reason))
        for domain in domains:
            n = domain_counts.get(pk, {}).get(domain.pk, 0)
            if n:
                reason = ngettext(
                    "%(count)s practice on %(domain)s", "%(count)s practices on %(domain)s", n
                ) % {"count": n, "domain": domain.label.lower()}
                parts.append(ScorePart(f"domain:{domain.pk}", w["practice"] * min(n, cap), reason))
        steps = LiaStatus.rank(lia) - asker_rank
        if steps > 0:
            reason = _("LIA %(status)s") % {"status": LiaStatus(lia).label}
            parts.append(ScorePart("lia", w["lia_step"] * steps, reason))
        if size == asker.size_class:
            parts.append(ScorePart("size_class", w["same_size_class"], _("same size class")))
        if region and region == asker.region_code:
            parts.append(ScorePart("region", w["same_region"], _("same labour-market region")))
        if province and province == asker.province_code:
            parts.append(ScorePart("province", w["same_province"], _("same province")))
        distance = None
        if None not in (lat, lon, asker.centroid_lat, asker.centroid_lon):
            distance = haversine_km(asker.centroid_lat, asker.centroid_lon, lat, lon)
            nearness = max(0.0, 1 - distance / w["nearby_km"])
            if nearness > 0:
                reason = _("%(km)s km") % {"km": round(distance)}
                parts.append(ScorePart("distance", round(w["nearby"] * nearness, 1), reason))
        if willing:
            parts.append(ScorePart("willing", w["willing"], _("open to questions")))
        suggestions.append(Suggestion(pk, title, willing, distance, parts))

    suggestions.sort(
        key=lambda s: (-s.score, s.distance_km if s.distance_km is not None else 1e9, s.title)
    )
    if limit is not None:
        suggestions = suggestions[:limit]
    pages = MunicipalityPage.objects.only("id", "title", "url_path", "slug", "depth", "path")
    pages = pages.in_bulk([s.municipality_id for s in suggestions])
    for suggestion in suggestions:
        suggestion.municipality = pages.get(suggestion.municipality_id)
    return suggestions
