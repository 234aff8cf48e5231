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
                projected = [project(lon, lat) for lon, lat in _ring_points(ring, arcs)]
                parts.append("M" + "L".join(f"{x},{y}" for x, y in projected) + "Z")
    return "".join(parts)


@dataclass(frozen=True)
class MapPoint:
    name: str
    country: str
    x: float
    y: float
    label_x: float
    anchor: str  # "start" or "end": labels near the east edge are drawn to the left of the point


def map_points(places) -> list[MapPoint]:
    """One labelled point per place with coordinates."""
    points = []
    for place in places:
        x, y = project(place.longitude, place.latitude)
        near_east_edge = x > WIDTH - 160
        points.append(
            MapPoint(
                name=place.name,
                country=place.country.name,
                x=x,
                y=y,
                label_x=x - 7 if near_east_edge else x + 7,
                anchor="end" if near_east_edge else "start",
            )
        )
    return points
