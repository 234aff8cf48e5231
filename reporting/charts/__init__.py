"""Charts drawn as SVG on the server, for the web page and the Cabinet report's PDF alike.

    from reporting.charts import MONEY, Series, bar_chart

    chart = bar_chart(title="Spend by budget line, 2024/25", labels=["Twinning", "Schools"],
                      values=[Decimal("20000.00"), Decimal("5000.00")], unit=MONEY,
                      label_heading="Budget line")

and in a template `{% load charts %}{% chart chart %}`. Every function is pure: plain data in, a
`Chart` out (the SVG and the same numbers as table rows); no database, no JavaScript, no inline styles.
"""

from reporting.charts.bars import bar_chart, grouped_bar_chart
from reporting.charts.chart import Chart, Row, Series
from reporting.charts.lines import Reference, line_chart
from reporting.charts.maps import MapPlace, place_map
from reporting.charts.units import COUNT, MONEY, Unit

__all__ = [
    "COUNT",
    "MONEY",
    "Chart",
    "MapPlace",
    "Reference",
    "Row",
    "Series",
    "Unit",
    "bar_chart",
    "grouped_bar_chart",
    "line_chart",
    "place_map",
]
