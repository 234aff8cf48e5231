"""A world map of places, each a circle sized by a count (activities in a year), drawn as SVG.

The projection, the land outline and the label placement are the partner map's
(`partnerships/worldmap.py`), scaled into the charts' 600-unit viewBox. Every circle is labelled with
its place and count in text, so nothing depends on reading the size or the colour; the table under the
map (the figure's) lists every place with its count.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from partnerships import worldmap
from reporting.charts import svg
from reporting.charts.chart import EMPTY_MESSAGE, TEXT, WIDTH, Chart, Series, chart_id, checked_rows, look
from reporting.charts.units import COUNT, Unit

SCALE = WIDTH / worldmap.WIDTH
HEIGHT = worldmap.HEIGHT * SCALE
LABEL_SIZE = 11
SMALLEST, LARGEST = 3.0, 16.0  # circle radius for the smallest and the largest count


@dataclass(frozen=True)
class MapPlace:
    name: str
    country: str
    latitude: Decimal | float
    longitude: Decimal | float
    value: int


def place_map(
    *,
    title: str,
    places: Sequence[MapPlace],
    unit: Unit = COUNT,
    label_heading: str = "Place",
    value_heading: str = "Activities",
    description: str | None = None,
    empty_message: str = EMPTY_MESSAGE,
) -> Chart:
    """A circle per place, its area proportional to its value; places with no value are left out."""
    shown = [place for place in places if place.value]
    labels = [f"{place.name} ({place.country})" for place in shown]
    rows = checked_rows(labels, [Series(value_heading, [place.value for place in shown])])
    chart = Chart(
        title, description or "", unit, label_heading, (value_heading,), rows, empty_message=empty_message
    )
    if not rows:
        return chart
    description = description or _describe(shown, unit)
    identifier = chart_id(title, rows)
    return Chart(
        title,
        description,
        unit,
        label_heading,
        (value_heading,),
        rows,
        svg=_draw(shown, unit, title, description, identifier),
        empty_message=empty_message,
    )


def _describe(places: Sequence[MapPlace], unit: Unit) -> str:
    highest = max(places, key=lambda place: place.value)
    return (
        f"World map of {len(places)} place{'s' if len(places) != 1 else ''}, each a circle sized by its "
        f"number. Largest: {highest.name}, {unit.label(highest.value)}. The figures are also in a table."
    )


def radius(value: int, largest: int) -> float:
    """Circle area proportional to the value: the largest gets LARGEST, none smaller than SMALLEST."""
    return max(SMALLEST, LARGEST * math.sqrt(value / largest)) if largest else SMALLEST


def _draw(places: Sequence[MapPlace], unit: Unit, title: str, description: str, identifier: str):
    largest = max(place.value for place in places)
    located = [
        SimpleNamespace(
            name=f"{place.name}: {unit.label(place.value)}",
            latitude=place.latitude,
            longitude=place.longitude,
            country=SimpleNamespace(name=place.country),
            value=place.value,
        )
        for place in places
    ]
    values = {item.name: item.value for item in located}
    background = svg.group(
        svg.element("rect", width=worldmap.WIDTH, height=worldmap.HEIGHT, fill="#d2e2f1"),
        svg.element("path", d=worldmap.land_path(), fill="#f3f2f1", stroke="#505a5f", stroke_width=0.5)
        if worldmap.land_path()
        else "",
        svg.element(
            "path",
            d=worldmap.graticule_path(),
            fill="none",
            stroke="#6f777b",
            stroke_width=0.4,
            stroke_opacity=0.6,
        ),
        transform=f"scale({SCALE})",
    )
    # Largest first, so a small circle is drawn over a large neighbour and stays visible.
    points = sorted(worldmap.map_points(located), key=lambda point: -values[point.name])
    circles, labels = [], []
    for point in points:
        x, y, size = point.x * SCALE, point.y * SCALE, radius(values[point.name], largest)
        circles.append(
            svg.element(
                "circle",
                cx=x,
                cy=y,
                r=size,
                fill=look(0).colour,
                fill_opacity=0.75,
                stroke="#ffffff",
                stroke_width=1.5,
            )
        )
        labels.append(
            svg.text(
                x + (size + 3 if point.anchor == "start" else -size - 3),
                point.label_y * SCALE + 4,
                point.name,
                size=LABEL_SIZE,
                fill=TEXT,
                anchor=point.anchor,
            )
        )
    return svg.document(
        background,
        svg.group(*circles, class_="app-chart__places"),
        svg.group(*labels, class_="app-chart__labels"),
        width=WIDTH,
        height=HEIGHT,
        chart_id=identifier,
        title=title,
        description=description,
    )
