"""The SVG map of municipalities, drawn on the server from the shipped boundaries."""

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.translation import gettext as _

from .models.records import LiaStatus
from .reference import DEFAULT_GEOJSON

WIDTH = 600
# Centre latitude of the Netherlands: scaling longitude by its cosine keeps shapes true.
LAT0 = 52.2
SIMPLIFY_TOLERANCE = 0.6  # in map units; at 600 px wide a unit is about 450 m

# Colour and pattern per status, so the map is readable without colour vision too.
STATUS_STYLE = {
    LiaStatus.NONE: ("#d4d4d4", ""),
    LiaStatus.EXPLORING: ("#fde2a8", '<circle cx="3" cy="3" r="1.2" fill="#6b4a00"/>'),
    LiaStatus.DRAFTING: (
        "#f6b26b",
        '<path d="M0 6L6 0" stroke="#5a2d00" stroke-width="1.2"/>',
    ),
    LiaStatus.ADOPTED: ("#9fd3a8", '<path d="M0 3H6" stroke="#0f4d1c" stroke-width="1.2"/>'),
    LiaStatus.IN_EXECUTION: (
        "#5fa8d3",
        '<path d="M0 3H6M3 0V6" stroke="#062a55" stroke-width="1"/>',
    ),
    LiaStatus.EVALUATED: (
        "#2f6f9f",
        '<path d="M0 0L6 6M0 6L6 0" stroke="#ffffff" stroke-width="1"/>',
    ),
}


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    path: str


def _perpendicular_distance(point, start, end) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker line simplification (iterative, so long rings cannot overflow the stack)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, best_index = 0.0, None
        for i in range(first + 1, last):
            distance = _perpendicular_distance(points[i], points[first], points[last])
            if distance > best:
                best, best_index = distance, i
        if best_index is not None and best > tolerance:
            keep[best_index] = True
            stack += [(first, best_index), (best_index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _ring_to_path(ring: list[tuple[int, int]]) -> str:
    """Absolute first point, then short relative steps: the smallest plain SVG path text."""
    x0, y0 = ring[0]
    steps = []
    previous = ring[0]
    for x, y in ring[1:]:
        dx, dy = x - previous[0], y - previous[1]
        if dx or dy:
            steps.append(f"{dx} {dy}")
            previous = (x, y)
    return (f"M{x0} {y0}l" + " ".join(steps)).replace(" -", "-") + "z"


@lru_cache(maxsize=1)
def map_geometry() -> tuple[tuple[Shape, ...], int, int]:
    """Projected, simplified shapes and the map's width and height; read once per process."""
    with DEFAULT_GEOJSON.open(encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    kx = math.cos(math.radians(LAT0))
    polygons_per_feature = []
    min_x = min_y = math.inf
    max_x = max_y = -math.inf
    for feature in features:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        projected = [
            [[(lon * kx, -lat) for lon, lat in ring] for ring in polygon] for polygon in polygons
        ]
        for polygon in projected:
            for x, y in polygon[0]:
                min_x, max_x = min(min_x, x), max(max_x, x)
                min_y, max_y = min(min_y, y), max(max_y, y)
        polygons_per_feature.append((feature["properties"], projected))
    scale = (WIDTH - 4) / (max_x - min_x)
    height = math.ceil((max_y - min_y) * scale) + 4
    shapes = []
    for properties, polygons in polygons_per_feature:
        paths = []
        for polygon in polygons:
            for ring in polygon:
                scaled = [((x - min_x) * scale + 2, (y - min_y) * scale + 2) for x, y in ring]
                simplified = simplify(scaled, SIMPLIFY_TOLERANCE)
                rounded = [(round(x), round(y)) for x, y in simplified]
                if len(set(rounded)) >= 3:
                    paths.append(_ring_to_path(rounded))
        shapes.append(Shape(properties["code"], properties["name"], "".join(paths)))
    return tuple(shapes), WIDTH, height


def status_patterns() -> str:
    """The <defs> with one pattern per status (colour plus marks)."""
    parts = []
    for status, (colour, marks) in STATUS_STYLE.items():
        parts.append(
            f'<pattern id="lia-{status}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{colour}"/>{marks}</pattern>'
        )
    return "<defs>" + "".join(parts) + "</defs>"


def legend_swatch(status: str) -> str:
    """A small SVG square in the status's colour and pattern, for the legend."""
    colour, marks = STATUS_STYLE[status]
    return (
        f'<svg class="lia-swatch" width="24" height="24" viewBox="0 0 6 6" aria-hidden="true" '
        f'focusable="false"><rect width="6" height="6" fill="{colour}"/>{marks}'
        f'<rect width="6" height="6" fill="none" stroke="#1b1b1b" stroke-width=".4"/></svg>'
    )


def render_map(*, entries: dict[str, dict], label: str) -> str:
    """The map as inline SVG.

    `entries` maps CBS code to a row with "url", "current_lia_status" and "accessible_name" for the
    municipalities that match the filters; the others are drawn muted, hidden from assistive
    technology and without a link, so the map shows exactly what the table lists.
    """
    shapes, width, height = map_geometry()
    out = [
        f'<svg class="lia-map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="group" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
        status_patterns(),
        '<g class="lia-map__muted" aria-hidden="true">',
    ]
    out += [
        f'<path d="{shape.path}"/>' for shape in shapes if shape.code not in entries and shape.path
    ]
    out.append("</g><g>")
    for shape in shapes:
        entry = entries.get(shape.code)
        if entry is None or not shape.path:
            continue
        out.append(
            f'<a href="{escape(entry["url"])}" aria-label="{escape(entry["accessible_name"])}">'
            f'<path d="{shape.path}" fill="url(#lia-{entry["current_lia_status"]})"/></a>'
        )
    out.append("</g></svg>")
    return "".join(out)


def accessible_name(*, name: str, status: str, status_label: str, status_date) -> str:
    """'Almere: vastgesteld sinds 12-03-2024' (or without a date when there is none)."""
    if status_date is None or status == LiaStatus.NONE:
        return _("%(name)s: %(status)s") % {"name": name, "status": status_label}
    return _("%(name)s: %(status)s since %(date)s") % {
        "name": name,
        "status": status_label,
        "date": status_date.strftime("%d-%m-%Y"),
    }
