"""The words a screen reader hears for a chart (`<desc>`), written from its data."""

from collections.abc import Sequence

from reporting.charts.chart import Row
from reporting.charts.units import Unit


def summary(kind: str, rows: Sequence[Row], names: Sequence[str], unit: Unit, label_heading: str) -> str:
    """E.g. "Bar chart of Amount by budget line, 3 rows. Highest: Twinning, £20,000; lowest: …"."""
    points = [
        (value, row.label, name)
        for row in rows
        for value, name in zip(row.values, names, strict=True)
        if value is not None
    ]
    highest, lowest = max(points, key=lambda point: point[0]), min(points, key=lambda point: point[0])

    def say(point):
        value, label, name = point
        return f"{label}{f' ({name})' if len(names) > 1 else ''}, {unit.label(value)}"

    series = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    return (
        f"{kind} of {series} by {label_heading.lower()}, {len(rows)} rows. "
        f"Highest: {say(highest)}; lowest: {say(lowest)}. The figures are also in a table."
    )
