"""A world map of partner places drawn on the server as SVG: no tile service, no network.

Equirectangular projection (x from longitude, y from latitude) with a 30° graticule. The land outline
is Natural Earth's 1:110m land from the `world-atlas` npm package (pinned in package.json), read at run
time from node_modules; without it the map still shows the graticule and the places.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.conf import settings

WIDTH = 960
HEIGHT = 480
LAND_FILE = settings.BASE_DIR / "node_modules" / "world-atlas" / "land-110m.json"


def project(longitude: float | Decimal, latitude: float | Decimal) -> tuple[float, float]:
    """SVG x, y of a point: longitude -180..180 maps to 0..WIDTH, latitude 90..-90 to 0..HEIGHT."""
    x = (float(longitude) + 180) / 360 * WIDTH
    y = (90 - float(latitude)) / 180 * HEIGHT
    return round(x, 1), round(y, 1)


def graticule_path(step: int = 30) -> str:
    lines = [f"M{project(lon, 90)[0]},0V{HEIGHT}" for lon in range(-180, 181, step)]
    lines += [f"M0,{project(0, lat)[1]}H{WIDTH}" for lat in range(-90, 91, step)]
    return "".join(lines)


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (longitude, latitude)."""
    scale_x, scale_y = topology["transform"]["scale"]
    translate_x, translate_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def _ring_points(ring: list[int], arcs: list) -> list[tuple[float, float]]:
    points = []
    for index in ring:
        # A negative index means the arc ~index, walked backwards.
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


@lru_cache(maxsize=1)
def land_path() -> str:
    """The SVG path of the world's land, or "" when the world-atlas package is not installed."""
    if not LAND_FILE.exists():
        return ""
    topology = json.loads(LAND_FILE.read_text())
    arcs = _decode_arcs(topology)
    parts = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                parts.append(_ring_path(_ring_points(ring, arcs)))
    return "".join(parts)


def _ring_path(points: list[tuple[float, float]]) -> str:
    path = []
    previous_longitude = None
    for longitude, latitude in points:
        x, y = project(longitude, latitude)
        # A ring that crosses the 180° meridian would draw a line across the whole map: lift the pen.
        jumps = previous_longitude is not None and abs(longitude - previous_longitude) > 180
        path.append(f"{'M' if previous_longitude is None or jumps else 'L'}{x},{y}")
        previous_longitude = longitude
    return "".join(path) + "Z"


LABEL_HEIGHT = 14
CHARACTER_WIDTH = 7.5  # about right for 13px Arial


@dataclass(frozen=True)
class MapPoint:
    name: str
    country: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str  # "start": label to the right of the point; "end": to its left


def _label_box(x: float, y: float, anchor: str, name: str) -> tuple[float, float, float, float]:
    width = len(name) * CHARACTER_WIDTH
    left = x if anchor == "start" else x - width
    return (left, y - LABEL_HEIGHT / 2, left + width, y + LABEL_HEIGHT / 2)


def _overlaps(box, boxes) -> bool:
    return any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes)


def map_points(places) -> list[MapPoint]:
    """One labelled point per place, each label placed where it does not cover an earlier one."""
    points, taken = [], []
    for place in sorted(places, key=lambda place: (-place.latitude, place.longitude)):
        x, y = project(place.longitude, place.latitude)
        candidates = [(x + 7, y, "start"), (x - 7, y, "end")]
        candidates += [
            (cx, cy + dy, anchor) for dy in (-14, 14, -28, 28) for cx, cy, anchor in candidates[:2]
        ]
        fitting = [c for c in candidates if _label_box(c[0], c[1], c[2], place.name)[2] <= WIDTH]
        label_x, label_y, anchor = next(
            (c for c in fitting if not _overlaps(_label_box(*c, place.name), taken)), fitting[0]
        )
        taken.append(_label_box(label_x, label_y, anchor, place.name))
        points.append(MapPoint(place.name, place.country.name, x, y, label_x, label_y, anchor))
    return points
