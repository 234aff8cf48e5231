"""Horizontal bar charts: one series (spend by budget line) or several side by side (budget and spend).

Each label sits on its own line above its bars, so long names have the whole width and a phone can
read them; each bar carries its value in text, so nothing depends on reading the axis or the colour.
"""

from collections.abc import Sequence

from django.utils.safestring import SafeString

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
    bar_fill,
    chart_id,
    checked_rows,
    legend,
    patterns,
)
from reporting.charts.describe import summary
from reporting.charts.scales import Scale, nice_ticks
from reporting.charts.units import COUNT, Unit, Value

LABEL_SIZE, VALUE_SIZE, TICK_SIZE = 16, 14, 14
LINE_HEIGHT = 20
ROW_GAP = 18
GAP = 6  # between a bar's end and its value


def bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[Value | None],
    unit: Unit = COUNT,
    label_heading: str = "Item",
    value_heading: str | None = None,
    description: str | None = None,
    empty_message: str = EMPTY_MESSAGE,
) -> Chart:
    """One bar per label, e.g. spend by budget line or activities by partnership."""
    series = [Series(value_heading or unit.heading, values)]
    return _chart("Bar chart", title, labels, series, unit, label_heading, description, empty_message)


def grouped_bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    unit: Unit = COUNT,
    label_heading: str = "Item",
    description: str | None = None,
    empty_message: str = EMPTY_MESSAGE,
) -> Chart:
    """A group of bars per label, one for each series: budget against spend by month, budgets by year."""
    if not series:
        raise ValueError("A grouped bar chart needs at least one series")
    return _chart("Grouped bar chart", title, labels, series, unit, label_heading, description, empty_message)


def _chart(kind, title, labels, series, unit, label_heading, description, empty_message) -> Chart:
    rows = checked_rows(labels, series)
    names = tuple(one.name for one in series)
    chart = Chart(title, description or "", unit, label_heading, names, rows, empty_message=empty_message)
    if not rows:
        return chart
    description = description or summary(kind, rows, names, unit, label_heading)
    identifier = chart_id(title, rows)
    return Chart(
        title,
        description,
        unit,
        label_heading,
        names,
        rows,
        svg=_draw(rows, names, unit, title, description, identifier),
        empty_message=empty_message,
    )


def _draw(rows: tuple[Row, ...], names: tuple[str, ...], unit: Unit, title, description, identifier):
    head, top = [], float(MARGIN)
    if len(names) > 1:
        key, height = legend(names, identifier, top=top, kind="bar")
        head += [patterns(len(names), identifier), key]
        top += height + 12
    scale = _value_scale(rows, unit)
    bar_height = 22 if len(names) == 1 else 18
    bars, bands, y = [], [], top
    for row in rows:
        label, lines = svg.wrapped_text(
            MARGIN,
            y + LINE_HEIGHT - 5,
            row.label,
            width=WIDTH - 2 * MARGIN,
            size=LABEL_SIZE,
            line_height=LINE_HEIGHT,
            fill=TEXT,
        )
        bars.append(label)
        y += lines * LINE_HEIGHT + 4
        band_top = y
        for index, value in enumerate(row.values):
            bars.append(_bar(scale, unit, index, value, y, bar_height, identifier))
            y += bar_height + 4
        bands.append((band_top - 2, y - 2))
        y += ROW_GAP - 4
    grid, zero_line = _grid(scale, bands)
    return svg.document(
        *head,
        grid,
        *bars,
        zero_line,
        _tick_labels(scale, unit, y),
        width=WIDTH,
        height=y + 30 + MARGIN,
        chart_id=identifier,
        title=title,
        description=description,
    )


def _value_scale(rows, unit: Unit) -> Scale:
    """Room for the value labels beyond the longest bars, and for the end tick labels, then the scale."""
    values = [value for row in rows for value in row.values if value is not None]
    ticks = nice_ticks(values, whole=unit.whole)
    tick_labels = Scale(ticks, 0, 1).tick_labels(unit)

    def room(chosen):
        widths = [svg.text_width(unit.label(value), VALUE_SIZE) + GAP + 2 for value in chosen]
        return max(widths, default=0.0)

    left = max(room(value for value in values if value < 0), svg.text_width(tick_labels[0][1], TICK_SIZE) / 2)
    right = max(
        room(value for value in values if value >= 0), svg.text_width(tick_labels[-1][1], TICK_SIZE) / 2
    )
    return Scale(ticks, MARGIN + left, WIDTH - MARGIN - right)


def _bar(scale: Scale, unit: Unit, index: int, value, y: float, height: float, identifier: str) -> SafeString:
    middle = y + height / 2 + 5
    zero = scale(0)
    if value is None:
        return svg.text(zero + GAP, middle, "No data", size=VALUE_SIZE, fill=SECONDARY_TEXT)
    end = scale(value)
    bar = svg.element(
        "rect",
        x=min(zero, end),
        y=y,
        width=abs(end - zero),
        height=height,
        class_=f"app-chart__bar app-chart__bar--{index + 1}",
        **bar_fill(index, identifier),
    )
    if value < 0:
        label = svg.text(end - GAP, middle, unit.label(value), size=VALUE_SIZE, fill=TEXT, anchor="end")
    else:
        label = svg.text(end + GAP, middle, unit.label(value), size=VALUE_SIZE, fill=TEXT)
    return bar + label


def _grid(scale: Scale, bands: list[tuple[float, float]]) -> tuple[SafeString, SafeString]:
    """Gridlines behind each row's bars (not through its label), and the zero line over the bars' starts."""
    lines, zero_lines = [], []
    for top, bottom in bands:
        for tick in scale.ticks:
            x = scale(tick)
            lines.append(svg.element("line", x1=x, y1=top, x2=x, y2=bottom, stroke=GRID, stroke_width=1))
        zero = scale(0)
        zero_lines.append(
            svg.element("line", x1=zero, y1=top, x2=zero, y2=bottom, stroke=TEXT, stroke_width=2)
        )
    return svg.group(*lines, class_="app-chart__grid"), svg.group(*zero_lines, class_="app-chart__zero")


def _tick_labels(scale: Scale, unit: Unit, bottom: float) -> SafeString:
    labels = [
        svg.text(scale(tick), bottom + 18, label, size=TICK_SIZE, fill=SECONDARY_TEXT, anchor="middle")
        for tick, label in scale.tick_labels(unit)
    ]
    return svg.group(*labels, class_="app-chart__axis")
