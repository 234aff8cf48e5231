"""The map chart: partner places as circles sized by a count, with the numbers as text and in a table."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from reporting.charts import MapPlace, place_map
from reporting.charts.maps import LARGEST, SMALLEST, radius

SVG = "{http://www.w3.org/2000/svg}"


def places():
    return [
        MapPlace("Krefeld", "Germany", Decimal("51.33"), Decimal("6.56"), 16),
        MapPlace("Masaya", "Nicaragua", Decimal("11.97"), Decimal("-86.09"), 4),
        MapPlace("Rajkot", "India", Decimal("22.30"), Decimal("70.80"), 0),
    ]


def test_circle_areas_are_proportional_to_the_counts():
    chart = place_map(title="Places by activities, 2016/17", places=places())
    root = ET.fromstring(str(chart.svg))
    radii = sorted(float(circle.get("r")) for circle in root.iter(f"{SVG}circle"))

    assert radii == [pytest.approx(LARGEST / 2, abs=0.1), pytest.approx(LARGEST, abs=0.1)]
    assert radius(1, 10_000) == SMALLEST  # a single activity is still visible


def test_each_place_is_labelled_with_its_count_and_listed_in_the_table():
    chart = place_map(title="Places by activities, 2016/17", places=places())
    texts = ["".join(node.itertext()) for node in ET.fromstring(str(chart.svg)).iter(f"{SVG}text")]

    assert {"Krefeld: 16", "Masaya: 4"} <= set(texts)
    assert chart.table_rows == [("Krefeld (Germany)", ["16"]), ("Masaya (Nicaragua)", ["4"])]


def test_the_map_uses_the_charts_viewbox_and_no_inline_style():
    svg = str(place_map(title="Places", places=places()).svg)

    assert 'viewBox="0 0 600 300"' in svg
    assert "style=" not in svg
    assert 'role="img"' in svg


def test_no_place_with_a_count_is_the_empty_state():
    chart = place_map(title="Places", places=[MapPlace("Rajkot", "India", 22, 70, 0)], empty_message="None")

    assert chart.is_empty
    assert str(chart.svg) == ""


def test_a_place_name_cannot_inject_markup():
    chart = place_map(title="Places", places=[MapPlace("<script>x</script>", "Nowhere", 0, 0, 1)])

    assert "<script>" not in str(chart.svg)
