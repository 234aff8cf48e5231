"""Line charts: a trend over the years of a strategy period, or a running total against a budget.

Series differ by dash pattern and marker shape as well as colour, each point carries its value in
text, and the legend names each series beside a sample of its line. A reference (the year's budget) is a
dashed horizontal line named in text with its value; columns given as `table_only` are in the table
and not drawn (each month's own amounts beside the running total that is drawn).
"""

from collections.abc import Sequence
from typing import NamedTuple

from django.utils.safestring import SafeString, mark_safe

from reporting.charts import svg
from reporting.charts.chart import (
    EMPTY_MESSAGE,
    GRID,
    MARGIN,
    SECONDARY_TEXT,
    TEXT,
    WIDTH,
    Chart,
    Row,
    Series,
    chart_id,
    checked_rows,
    legend,
    look,
    marker,
)
from reporting.charts.describe import summary
from reporting.charts.scales import Scale, nice_ticks
from reporting.charts.units import COUNT, Unit, Value, check_value

PLOT_HEIGHT = 240
TICK_SIZE, VALUE_SIZE = 14, 13
HEADROOM = 22  # above the top tick, for the value label of a point on it
REFERENCE_COLOUR = SECONDARY_TEXT  # dark grey, dashed: a target, not data of its own


class Reference(NamedTuple):
    """A horizontal line the series are read against, e.g. `Reference("Budget", Decimal("73400.00"))`."""

    name: str
    value: Value


def line_chart(
    *,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    unit: Unit = COUNT,
    label_heading: str = "Year",
    description: str | None = None,
    empty_message: str = EMPTY_MESSAGE,
    reference: Reference | None = None,
    table_only: Sequence[Series] = (),
) -> Chart:
    """One line per series across the labels (usually years); `None` is a gap (no figure that year).

    `reference` draws a named horizontal line (a budget) that the axis always reaches; `table_only`
    series are columns of the table after the drawn ones.
    """
    if not series:
        raise ValueError("A line chart needs at least one series")
    if reference is not None:  # an unknown budget draws no line
        reference = (
            Reference(reference.name, value) if (value := check_value(reference.value)) is not None else None
        )
    table = checked_rows(labels, [*series, *table_only])
    names = tuple(one.name for one in (*series, *table_only))
    drawn = tuple(Row(row.label, row.values[: len(series)]) for row in table)
    if all(value is None for row in drawn for value in row.values):
        return Chart(title, description or "", unit, label_heading, names, (), empty_message=empty_message)
    description = description or _describe(drawn, names[: len(series)], unit, label_heading, reference)
    drawing = _draw(drawn, names[: len(series)], unit, title, description, chart_id(title, table), reference)
    return Chart(
        title, description, unit, label_heading, names, table, svg=drawing, empty_message=empty_message
    )


def _describe(rows, names, unit: Unit, label_heading: str, reference: Reference | None) -> str:
    said = summary("Line chart", rows, names, unit, label_heading)
    if reference is None:
        return said
    return f"{said} {reference.name}: {unit.exact(reference.value)}."


def _draw(rows, names, unit: Unit, title, description, identifier, reference: Reference | None = None):
    key, legend_height = legend(names, identifier, top=MARGIN, kind="line")
    top = MARGIN + legend_height + HEADROOM
    bottom = top + PLOT_HEIGHT
    values = [value for row in rows for value in row.values if value is not None]
    if reference is not None:
        values.append(reference.value)
    y_scale = Scale(nice_ticks(values, whole=unit.whole), bottom, top)
    tick_labels = y_scale.tick_labels(unit)
    left = MARGIN + max(svg.text_width(label, TICK_SIZE) for _, label in tick_labels) + 10
    # Room at both ends for half the widest value label or x label (a long x label wraps at the spacing).
    available = (WIDTH - MARGIN - left) / len(rows)
    widest = max(
        *(svg.text_width(unit.label(value), VALUE_SIZE) for value in values),
        *(min(svg.text_width(row.label, TICK_SIZE), available) for row in rows),
    )
    xs = _x_positions(len(rows), left + widest / 2 + 4, WIDTH - MARGIN - widest / 2)
    spacing = xs[1] - xs[0] if len(xs) > 1 else WIDTH - left
    x_labels, lines_used = [], 1
    for x, row in zip(xs, rows, strict=True):
        label, lines = svg.wrapped_text(
            x,
            bottom + 20,
            row.label,
            width=spacing - 6,
            size=TICK_SIZE,
            line_height=17,
            fill=TEXT,
            anchor="middle",
        )
        x_labels.append(label)
        lines_used = max(lines_used, lines)
    grid = _grid(y_scale, tick_labels, left, xs)
    target = _reference(reference, y_scale, left, unit) if reference is not None else mark_safe("")
    drawn = [_series(index, rows, xs, y_scale) for index in range(len(names))]
    labels = _value_labels(rows, xs, y_scale, unit)
    return svg.document(
        key,
        grid,
        target,
        *drawn,
        labels,
        svg.group(*x_labels, class_="app-chart__axis"),
        width=WIDTH,
        height=bottom + 20 + 17 * lines_used + MARGIN,
        chart_id=identifier,
        title=title,
        description=description,
    )


def _x_positions(count: int, start: float, end: float) -> list[float]:
    if count == 1:
        return [(start + end) / 2]
    return [start + (end - start) * index / (count - 1) for index in range(count)]


def _grid(scale: Scale, tick_labels, left: float, xs: list[float]) -> SafeString:
    """Horizontal gridlines with their labels on the left; the zero line dark."""
    right = WIDTH - MARGIN
    parts = []
    for tick, label in tick_labels:
        y = scale(tick)
        colour, width = (TEXT, 2) if tick == 0 else (GRID, 1)
        parts.append(svg.element("line", x1=left, y1=y, x2=right, y2=y, stroke=colour, stroke_width=width))
        parts.append(svg.text(left - 6, y + 5, label, size=TICK_SIZE, fill=SECONDARY_TEXT, anchor="end"))
    return svg.group(*parts, class_="app-chart__grid")


def _reference(reference: Reference, scale: Scale, left: float, unit: Unit) -> SafeString:
    """The reference as a dashed line across the plot, its name and value in text above its right end."""
    y, right = scale(reference.value), WIDTH - MARGIN
    line = svg.element(
        "line",
        x1=left,
        y1=y,
        x2=right,
        y2=y,
        stroke=REFERENCE_COLOUR,
        stroke_width=2,
        stroke_dasharray="6 4",
        class_="app-chart__reference",
    )
    content = f"{reference.name}: {unit.label(reference.value)}"
    width = svg.text_width(content, VALUE_SIZE) + 4
    ground = svg.element("rect", x=right - width, y=y - 19, width=width, height=15, fill="#ffffff")
    name = svg.text(right - 2, y - 7, content, size=VALUE_SIZE, fill=TEXT, anchor="end")
    return svg.group(line, ground, name)


def _series(index: int, rows, xs, scale: Scale) -> SafeString:
    """The line in runs between missing values, and a marker at each point."""
    colour, _, dashes, _ = look(index)
    runs, run, markers = [], [], []
    for x, row in zip(xs, rows, strict=True):
        value = row.values[index]
        if value is None:
            runs, run = runs + [run], []
            continue
        run.append((x, scale(value)))
        markers.append(marker(index, x, scale(value)))
    lines = [
        svg.element(
            "polyline",
            points=" ".join(f"{svg.number(x)},{svg.number(y)}" for x, y in points),
            fill="none",
            stroke=colour,
            stroke_width=3,
            stroke_dasharray=dashes,
            stroke_linejoin="round",
        )
        for points in [*runs, run]
        if len(points) > 1
    ]
    return svg.group(*lines, *markers, class_=f"app-chart__series app-chart__series--{index + 1}")


def _value_labels(rows, xs, scale: Scale, unit: Unit) -> SafeString:
    """Each point's value above or below it, on the side away from its own line where it can be,
    and never over another label or another series' point at the same year."""
    top, bottom = scale.end - HEADROOM, scale.start
    labels = []
    for position, (x, row) in enumerate(zip(xs, rows, strict=True)):
        points = sorted(
            (scale(value), index, value) for index, value in enumerate(row.values) if value is not None
        )
        taken = [(y - 7, y + 7) for y, _, _ in points]  # the markers, then each label as it is placed
        for y, index, value in points:
            above, below = (y - 22, y - 9), (y + 8, y + 21)
            boxes = [below, above] if _line_passes_above(rows, position, index, scale, y) else [above, below]
            free = [
                box
                for box in boxes
                if top <= box[0]
                and box[1] <= bottom
                and all(box[1] <= lo or box[0] >= hi for lo, hi in taken)
            ]
            box = (free or [above])[0]
            taken.append(box)
            labels.append(_label(x, box[1] - 2, unit.label(value)))
    return svg.group(*labels, class_="app-chart__values")


def _line_passes_above(rows, position: int, index: int, scale: Scale, y: float) -> bool:
    """Whether the series' neighbouring points are, on average, higher than this one (so label below)."""
    neighbours = [
        scale(rows[at].values[index])
        for at in (position - 1, position + 1)
        if 0 <= at < len(rows) and rows[at].values[index] is not None
    ]
    return bool(neighbours) and sum(neighbours) / len(neighbours) < y


def _label(x: float, baseline: float, content: str) -> SafeString:
    """A value on a white ground, so that a line or gridline running behind it does not cross it out.

    (A halo drawn with `paint-order` would be neater, but WeasyPrint does not support it.)
    """
    width = svg.text_width(content, VALUE_SIZE) + 4
    ground = svg.element("rect", x=x - width / 2, y=baseline - 12, width=width, height=15, fill="#ffffff")
    return ground + svg.text(x, baseline, content, size=VALUE_SIZE, fill=TEXT, anchor="middle")
