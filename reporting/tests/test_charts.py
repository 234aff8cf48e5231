"""Charts drawn as SVG on the server: what a reader of the dashboard or the Cabinet report relies on."""

import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
import weasyprint
from django.template import Context, Template
from pypdf import PdfReader

from reporting.charts import (
    COUNT,
    MONEY,
    Reference,
    Row,
    Series,
    bar_chart,
    grouped_bar_chart,
    line_chart,
)
from reporting.charts.scales import nice_ticks

SVG = "{http://www.w3.org/2000/svg}"
MINUS = "\u2212"


def parse(chart) -> ET.Element:
    return ET.fromstring(str(chart.svg))


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def bars(root: ET.Element, series: int = 1) -> list[ET.Element]:
    return [rect for rect in root.iter(f"{SVG}rect") if f"app-chart__bar--{series}" in rect.get("class", "")]


def render(chart) -> str:
    return Template("{% load charts %}{% chart chart %}").render(Context({"chart": chart}))


def spend_by_line(**overrides):
    arguments = {
        "title": "Spend by budget line, 2024/25",
        "labels": ["Twinning grants", "Civic visits", "Schools linking"],
        "values": [Decimal("20000.00"), Decimal("5000.00"), Decimal("1234.50")],
        "unit": MONEY,
        "label_heading": "Budget line",
    }
    return bar_chart(**{**arguments, **overrides})


def test_bar_lengths_are_proportional_to_the_values():
    widths = [float(bar.get("width")) for bar in bars(parse(spend_by_line()))]
    assert widths[0] / widths[1] == pytest.approx(4, abs=0.01)
    assert widths[0] / widths[2] == pytest.approx(20000 / 1234.5, rel=0.01)


def test_labels_and_values_are_written_as_text_on_the_chart():
    shown = texts(parse(spend_by_line()))
    assert {"Twinning grants", "Civic visits", "Schools linking"} <= set(shown)
    assert {"£20,000", "£5,000", "£1,235"} <= set(shown)  # whole pounds beside a bar; exact in the table


@pytest.mark.parametrize(
    ("values", "whole", "ticks"),
    [
        ([20000, 5000], False, [0, 5000, 10000, 15000, 20000]),
        ([Decimal("73400.00")], False, [0, 20000, 40000, 60000, 80000]),
        ([7], True, [0, 2, 4, 6, 8]),
        ([3], True, [0, 1, 2, 3]),
        ([Decimal("-1500"), Decimal("4000")], False, [-2000, 0, 2000, 4000]),
        ([Decimal("0.50")], False, [0, Decimal("0.2"), Decimal("0.4"), Decimal("0.6")]),
        ([0, 0], False, [0, 1]),
    ],
)
def test_axis_ticks_are_nice_round_numbers_from_zero(values, whole, ticks):
    assert nice_ticks(values, whole=whole) == ticks


def test_a_money_axis_reads_in_thousands_once_it_reaches_tens_of_thousands():
    assert texts(parse(spend_by_line()))[-5:] == ["£0", "£5k", "£10k", "£15k", "£20k"]
    small = spend_by_line(values=[Decimal("800"), Decimal("450"), Decimal("1234.50")])
    assert texts(parse(small))[-4:] == ["£0", "£500", "£1,000", "£1,500"]


def test_the_table_rows_are_the_data_exactly():
    chart = spend_by_line()
    assert chart.rows == (
        Row("Twinning grants", (Decimal("20000.00"),)),
        Row("Civic visits", (Decimal("5000.00"),)),
        Row("Schools linking", (Decimal("1234.50"),)),
    )
    assert all(isinstance(value, Decimal) for row in chart.rows for value in row.values)
    assert chart.table_rows[2] == ("Schools linking", ["£1,234.50"])


def test_money_as_a_float_is_refused():
    with pytest.raises(TypeError, match="not float"):
        spend_by_line(values=[20000.0, Decimal("5000"), Decimal("1")])


def test_each_label_needs_a_value():
    with pytest.raises(ValueError, match="2 values for 3 labels"):
        spend_by_line(values=[Decimal("1"), Decimal("2")])


def test_a_label_typed_as_markup_is_shown_as_text():
    chart = spend_by_line(labels=["<script>alert(1)</script>", "Civic & visits", 'A "quoted" line'])
    assert "<script" not in chart.svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in chart.svg
    assert {"<script>alert(1)</script>", "Civic & visits", 'A "quoted" line'} <= set(texts(parse(chart)))
    page = render(chart)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    "chart",
    [
        spend_by_line(),
        grouped_bar_chart(
            title="Budget against spend",
            labels=["April"],
            series=[Series("Budget", [1]), Series("Spent", [2])],
        ),
        line_chart(title="Trend", labels=["2016/17", "2017/18"], series=[Series("Spend", [1, 2])]),
    ],
    ids=["bars", "grouped", "line"],
)
def test_the_svg_is_accessible_and_needs_no_inline_style_or_script(chart):
    root = parse(chart)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == chart.title
    assert desc.text.endswith("The figures are also in a table.")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.get("viewBox").startswith("0 0 600 ")
    assert root.get("width") is None  # it scales to the page, the phone or the printed report
    assert not [node.tag for node in root.iter() if "style" in node.attrib]
    assert not [node.tag for node in root.iter() if node.tag in (f"{SVG}style", f"{SVG}script")]
    assert " style=" not in render(chart)


def test_the_description_names_the_highest_and_lowest():
    assert spend_by_line().description == (
        "Bar chart of Amount by budget line, 3 rows. Highest: Twinning grants, £20,000; "
        "lowest: Schools linking, £1,235. The figures are also in a table."
    )


def test_a_long_label_is_cut_on_the_chart_and_whole_in_the_table():
    long = "A budget line " + "with a very long name " * 10
    chart = spend_by_line(labels=[long, "Civic visits", "Schools linking"])
    drawn = texts(parse(chart))
    assert drawn[1].endswith("\u2026")
    assert len(drawn[0] + drawn[1]) < len(long)
    assert chart.table_rows[0][0] == long
    assert long in render(chart)


def test_a_negative_value_draws_left_of_zero_with_a_minus_sign():
    chart = spend_by_line(values=[Decimal("4000"), Decimal("-750.25"), Decimal("0")])
    root = parse(chart)
    zero = root.find(f".//{SVG}g[@class='app-chart__zero']/{SVG}line")
    refund = bars(root)[1]
    assert float(refund.get("x")) + float(refund.get("width")) == pytest.approx(
        float(zero.get("x1")), abs=0.2
    )
    assert float(refund.get("x")) < float(zero.get("x1"))
    assert f"{MINUS}£750" in texts(root)
    assert chart.table_rows[1] == ("Civic visits", [f"{MINUS}£750.25"])


def test_all_zero_data_is_drawn_as_zero_bars_not_as_an_empty_chart():
    chart = bar_chart(title="Activities by partnership", labels=["Krefeld", "Rajkot"], values=[0, 0])
    assert not chart.is_empty
    assert [float(bar.get("width")) for bar in bars(parse(chart))] == [0, 0]
    assert texts(parse(chart))[-2:] == ["0", "1"]


@pytest.mark.parametrize(
    "chart",
    [
        bar_chart(title="Spend by budget line, 2030/31", labels=[], values=[], unit=MONEY),
        line_chart(title="Trend", labels=["2016/17"], series=[Series("Spend", [None])]),
    ],
)
def test_an_empty_data_set_says_so_instead_of_drawing(chart):
    assert chart.is_empty
    assert chart.svg == ""
    page = render(chart)
    assert "No data for this period" in page
    assert "<svg" not in page
    assert "<table" not in page
    assert f">{chart.title}</figcaption>" in page


def test_the_figure_has_a_caption_and_a_table_with_headers():
    page = render(spend_by_line())
    root = ET.fromstring(page.replace(' tabindex="0"', ""))  # the figure is well-formed XML too
    assert root.tag == "figure"
    assert root.find("figcaption").text == "Spend by budget line, 2024/25"
    table = root.find(".//table")
    assert table.get("class") == "govuk-table app-chart__table"
    assert table.find("caption").text == "Figures for: Spend by budget line, 2024/25"
    assert [(th.get("scope"), th.text) for th in table.iter("th")][:2] == [
        ("col", "Budget line"),
        ("col", "Amount"),
    ]
    rows = [(row.find("th").text, [td.text for td in row.iter("td")]) for row in table.find("tbody")]
    assert rows == [
        ("Twinning grants", ["£20,000.00"]),
        ("Civic visits", ["£5,000.00"]),
        ("Schools linking", ["£1,234.50"]),
    ]
    assert all(row.find("th").get("scope") == "row" for row in table.find("tbody"))


def derby_budgets():
    return grouped_bar_chart(
        title="Budget and spend by year",
        label_heading="Financial year",
        labels=["2016/17", "2017/18", "2018/19"],
        series=[
            Series("Budget", [Decimal("5000"), Decimal("20000"), Decimal("20000")]),
            Series("Spent", [Decimal("4800.50"), Decimal("18250"), None]),
        ],
        unit=MONEY,
    )


def test_grouped_bars_compare_series_side_by_side_with_a_text_legend():
    chart = derby_budgets()
    root = parse(chart)
    budget, spent = bars(root, 1), bars(root, 2)
    assert [float(bar.get("width")) / float(budget[0].get("width")) for bar in budget] == pytest.approx(
        [1, 4, 4], rel=0.01
    )
    assert float(spent[1].get("width")) / float(budget[1].get("width")) == pytest.approx(
        18250 / 20000, rel=0.01
    )
    assert len(spent) == 2  # no bar where there is no figure, and it says so
    assert "No data" in texts(root)
    legend = root.find(f".//{SVG}g[@class='app-chart__legend']")
    assert texts(legend) == ["Budget", "Spent"]
    # Told apart by more than colour: solid against hatched.
    assert budget[0].get("fill").startswith("#")
    assert spent[0].get("fill").startswith("url(#")
    assert chart.value_headings == ("Budget", "Spent")
    assert chart.table_rows[2] == ("2018/19", ["£20,000.00", "No data"])


def test_a_line_chart_draws_each_series_with_its_own_dashes_and_markers():
    chart = line_chart(
        title="Activities by year",
        labels=["2016/17", "2017/18", "2018/19", "2019/20"],
        series=[Series("Completed", [4, 9, 12, 11]), Series("Cancelled", [1, 1, None, 2])],
        unit=COUNT,
    )
    root = parse(chart)
    completed, cancelled = (
        root.find(f".//{SVG}g[@class='app-chart__series app-chart__series--{n}']") for n in (1, 2)
    )
    assert len(completed.findall(f"{SVG}polyline")) == 1
    assert len(completed.findall(f"{SVG}circle")) == 4
    # A missing year breaks the line rather than drawing it through zero.
    assert len(cancelled.findall(f"{SVG}polyline")) == 1  # 2019/20 stands alone after the gap
    assert len(cancelled.findall(f"{SVG}rect")) == 3  # square markers
    assert completed.find(f"{SVG}polyline").get("stroke-dasharray") is None
    assert cancelled.find(f"{SVG}polyline").get("stroke-dasharray") == "8 4"
    values = texts(root.find(f".//{SVG}g[@class='app-chart__values']"))
    assert sorted(values, key=int) == ["1", "1", "2", "4", "9", "11", "12"]
    assert {"2016/17", "2019/20", "Completed", "Cancelled"} <= set(texts(root))


def test_points_on_a_line_are_placed_by_value():
    chart = line_chart(title="Spend", labels=["A", "B", "C"], series=[Series("Spend", [0, 5, 10])])
    points = chart.svg.split('points="')[1].split('"')[0].split()
    ys = [float(point.split(",")[1]) for point in points]
    assert ys[0] - ys[1] == pytest.approx(ys[1] - ys[2])
    assert ys[0] > ys[2]  # higher values are higher up


def spend_against_budget(**overrides):
    arguments = {
        "title": "Spend so far against the budget, 2024/25",
        "labels": ["Apr 2024", "May 2024", "Jun 2024"],
        "series": [Series("Spent so far", [Decimal("0.00"), Decimal("1500.00"), Decimal("4000.00")])],
        "table_only": [
            Series("Spent in the month", [Decimal("0.00"), Decimal("1500.00"), Decimal("2500.00")])
        ],
        "reference": Reference("Budget", Decimal("20000.00")),
        "unit": MONEY,
        "label_heading": "Month",
    }
    return line_chart(**{**arguments, **overrides})


def test_a_reference_line_is_dashed_named_in_text_and_reached_by_the_axis():
    chart = spend_against_budget()
    root = parse(chart)

    line = root.find(f".//{SVG}line[@class='app-chart__reference']")
    assert line.get("stroke-dasharray") == "6 4"  # told apart from the data by its dashes, not its colour
    assert "Budget: £20,000" in texts(root)
    assert "£20k" in texts(root)  # the axis reaches the budget even though spend is far below it
    points = root.find(f".//{SVG}polyline").get("points").split()
    assert float(line.get("y1")) < min(float(point.split(",")[1]) for point in points)  # above the spend
    assert chart.description.endswith("Budget: £20,000.00.")


def test_table_only_columns_are_in_the_table_and_not_drawn():
    chart = spend_against_budget()
    root = parse(chart)

    assert chart.value_headings == ("Spent so far", "Spent in the month")
    assert chart.table_rows[2] == ("Jun 2024", ["£4,000.00", "£2,500.00"])
    assert len(root.findall(f".//{SVG}polyline")) == 1
    assert "Spent in the month" not in texts(root)  # not in the legend either
    assert "£2,500" not in texts(root)


def test_a_line_with_no_drawn_values_is_empty_even_with_table_only_values():
    chart = spend_against_budget(series=[Series("Spent so far", [None, None, None])])

    assert chart.is_empty
    assert "<svg" not in render(chart)


def test_an_unknown_reference_draws_no_line_and_a_float_one_is_refused():
    chart = spend_against_budget(reference=Reference("Budget", None))
    assert parse(chart).find(f".//{SVG}line[@class='app-chart__reference']") is None

    with pytest.raises(TypeError):
        spend_against_budget(reference=Reference("Budget", 20000.0))


def test_a_reference_chart_is_the_same_bytes_every_time():
    assert str(spend_against_budget().svg) == str(spend_against_budget().svg)


def test_the_same_chart_renders_as_vector_text_in_a_pdf():
    html = (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Charts</title></head><body>'
        f"{render(derby_budgets())}</body></html>"
    )
    pdf = PdfReader(io.BytesIO(weasyprint.HTML(string=html).write_pdf()))
    text = pdf.pages[0].extract_text()
    assert "Budget and spend by year" in text
    assert "£18,250" in text  # the value on the bar, drawn as text in the SVG
    assert "£4,800.50" in text  # and exactly in the table
