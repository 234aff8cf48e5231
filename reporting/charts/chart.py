"""The value every chart function returns, the data it is drawn from, and the shared look."""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from reporting.charts import svg
from reporting.charts.units import Unit, Value, check_value

WIDTH = 600  # every chart's viewBox is this wide; it scales to the page or the phone
MARGIN = 8
TEXT = "#0b0c0c"  # GOV.UK black, 19.6:1 on white
SECONDARY_TEXT = "#505a5f"  # GOV.UK dark grey, 7.1:1
GRID = "#b1b4b6"  # GOV.UK mid-grey, for gridlines only (they carry no data)
EMPTY_MESSAGE = "No data for this period"


class SeriesLook(NamedTuple):
    """How one series is told apart without colour: bars by fill pattern, lines by dashes and markers."""

    colour: str
    pattern: str  # "solid", "hatched" or "outline" for bars
    dashes: str | None  # stroke-dasharray for lines
    marker: str  # "circle", "square", "triangle", "diamond"


# GOV.UK colours, each at least 3:1 against white; the first is the single-series colour.
LOOKS = (
    SeriesLook("#1d70b8", "solid", None, "circle"),  # blue 5.2:1
    SeriesLook("#28a197", "hatched", "8 4", "square"),  # turquoise 3.2:1
    SeriesLook("#4c2c92", "outline", "2 3", "triangle"),  # purple 10.1:1
    SeriesLook("#d4351c", "solid", "10 3 2 3", "diamond"),  # red 4.9:1
)


def look(index: int) -> SeriesLook:
    return LOOKS[index % len(LOOKS)]


@dataclass(frozen=True)
class Series:
    """One named line of values, one for each label, e.g. `Series("Budget", [Decimal("5000"), …])`."""

    name: str
    values: Sequence[Value | None]


class Row(NamedTuple):
    """One row of a chart's table: the label and its values, exactly as given."""

    label: str
    values: tuple[Value | None, ...]


@dataclass(frozen=True)
class Chart:
    """A drawn chart: its SVG (empty when there is no data) and the same numbers as table rows."""

    title: str
    description: str
    unit: Unit
    label_heading: str
    value_headings: tuple[str, ...]
    rows: tuple[Row, ...]
    svg: SafeString = field(default_factory=lambda: mark_safe(""))
    empty_message: str = EMPTY_MESSAGE

    @property
    def is_empty(self) -> bool:
        return not self.rows

    @property
    def table_rows(self) -> list[tuple[str, list[str]]]:
        """The rows as the table shows them: exact amounts ("£1,234.50"), "No data" where absent."""
        return [(row.label, [self.unit.exact(value) for value in row.values]) for row in self.rows]


def checked_rows(labels: Sequence[str], series: Sequence[Series]) -> tuple[Row, ...]:
    """Rows of the table, after checking each series has one value per label and no floats."""
    for one in series:
        if len(one.values) != len(labels):
            raise ValueError(f"{one.name!r} has {len(one.values)} values for {len(labels)} labels")
    rows = tuple(
        Row(str(label), tuple(check_value(one.values[index]) for one in series))
        for index, label in enumerate(labels)
    )
    if all(value is None for row in rows for value in row.values):
        return ()  # nothing to draw: the empty state, not a chart of zeros
    return rows


def chart_id(title: str, rows: tuple[Row, ...]) -> str:
    """A stable id for the SVG's title and desc: the same chart always gets the same one."""
    digest = hashlib.sha1(repr((title, rows)).encode(), usedforsecurity=False).hexdigest()[:6]
    return f"chart-{slugify(title)[:40]}-{digest}"


def bar_fill(index: int, chart_id_: str) -> dict:
    """Attributes for a bar of series `index`; hatched bars use the pattern from `patterns()`."""
    colour, pattern, _, _ = look(index)
    if pattern == "hatched":
        return {"fill": f"url(#{chart_id_}-hatch-{index})", "stroke": colour, "stroke_width": 2}
    if pattern == "outline":
        return {"fill": "#ffffff", "stroke": colour, "stroke_width": 3}
    return {"fill": colour}


def patterns(count: int, chart_id_: str) -> SafeString:
    """`<defs>` with a diagonal hatching for each hatched series among the first `count`."""
    hatches = [
        svg.element(
            "pattern",
            svg.element("rect", width=6, height=6, fill="#ffffff"),
            svg.element("line", x1=0, y1=0, x2=0, y2=6, stroke=look(index).colour, stroke_width=3),
            id=f"{chart_id_}-hatch-{index}",
            width=6,
            height=6,
            patternUnits="userSpaceOnUse",
            patternTransform="rotate(45)",
        )
        for index in range(count)
        if look(index).pattern == "hatched"
    ]
    return svg.element("defs", *hatches) if hatches else mark_safe("")


def marker(index: int, x: float, y: float) -> SafeString:
    """A point of series `index`, drawn in its own shape."""
    colour, _, _, shape = look(index)
    if shape == "circle":
        return svg.element("circle", cx=x, cy=y, r=5.0, fill=colour)
    if shape == "square":
        return svg.element("rect", x=x - 4.5, y=y - 4.5, width=9, height=9, fill=colour)
    offsets = {"triangle": ((0, -6), (6, 5), (-6, 5)), "diamond": ((0, -6.5), (6.5, 0), (0, 6.5), (-6.5, 0))}
    points = " ".join(f"{svg.number(x + dx)},{svg.number(y + dy)}" for dx, dy in offsets[shape])
    return svg.element("polygon", points=points, fill=colour)


def legend(names: Sequence[str], chart_id_: str, *, top: float, kind: str) -> tuple[SafeString, float]:
    """Series names in text, each beside a sample of its bar or line; returns the markup and its height."""
    items, x, y = [], float(MARGIN), top + 14
    for index, name in enumerate(names):
        width = 30 + svg.text_width(name, 14) + 20
        if x + width > WIDTH - MARGIN and x > MARGIN:
            x, y = float(MARGIN), y + 24
        if kind == "bar":
            sample = svg.element("rect", x=x, y=y - 11, width=22, height=14, **bar_fill(index, chart_id_))
        else:
            sample = svg.group(
                svg.element(
                    "line",
                    x1=x,
                    y1=y - 4,
                    x2=x + 24,
                    y2=y - 4,
                    stroke=look(index).colour,
                    stroke_width=3,
                    stroke_dasharray=look(index).dashes,
                ),
                marker(index, x + 12, y - 4),
            )
        items.append(sample + svg.text(x + 30, y, name, fill=TEXT))
        x += width
    return svg.group(*items, class_="app-chart__legend"), y - top + 12
