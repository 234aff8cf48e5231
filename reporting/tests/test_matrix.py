"""The annual matrix: cells and totals against hand-worked figures, its links, exports and bad input."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.tests.factories import (
    ActivityFactory,
    CostFactory,
    PartnershipFactory,
    PlaceFactory,
    budget_line_for,
)
from reporting.selectors.matrix import BY_THEME, activity_matrix
from reporting.tests import fixed_data
from reporting.views.matrix import table_rows
from strategy.financial_years import FinancialYear

pytestmark = pytest.mark.django_db

YEAR = FinancialYear(2016)


def figures(cell):
    return (cell.count, cell.spend)


def by_place(matrix):
    return {row.partnership.place.name: row for row in matrix.rows}


@pytest.fixture
def data():
    return fixed_data.build()


def test_cells_count_activities_starting_in_the_year_with_the_councils_actual_spend(data):
    matrix = activity_matrix(year=YEAR)
    rows = by_place(matrix)

    assert [column.label for column in matrix.columns] == [
        "1. Raise awareness",
        "2. Trade and prosperity",
        "No objective recorded",
    ]
    # The exchange serves both objectives: it is in both cells; the late visit (31 March) is in
    # 2016/17 with its cost dated 1 April; euros at the recorded rate; planned and partner costs not.
    assert [figures(cell) for cell in rows["Strasbourg"].cells] == [
        (2, Decimal("310.00")),
        (1, Decimal("270.00")),
        (0, Decimal("0.00")),
    ]
    # The cancelled activity does not count; the spring visit (1 April 2017) is next year's.
    assert [figures(cell) for cell in rows["Krefeld"].cells] == [
        (0, Decimal("0.00")),
        (0, Decimal("0.00")),
        (1, Decimal("25.00")),
    ]


def test_totals_count_an_activity_in_two_cells_once(data):
    matrix = activity_matrix(year=YEAR)
    rows = by_place(matrix)

    assert figures(rows["Strasbourg"].total) == (2, Decimal("310.00"))
    assert figures(rows["Krefeld"].total) == (1, Decimal("25.00"))
    assert [figures(cell) for cell in matrix.column_totals] == [
        (2, Decimal("310.00")),
        (1, Decimal("270.00")),
        (1, Decimal("25.00")),
    ]
    assert figures(matrix.total) == (3, Decimal("335.00"))


def test_a_link_with_nothing_in_the_year_is_a_row_of_zeros_and_an_ended_one_is_left_out(data):
    rows = by_place(activity_matrix(year=YEAR))

    assert list(rows) == ["Krefeld", "Masaya", "Strasbourg"]
    assert figures(rows["Masaya"].total) == (0, Decimal("0.00"))
    assert all(cell.count == 0 for cell in rows["Masaya"].cells)


def test_an_ended_link_with_activity_in_the_year_is_still_a_row(data):
    ActivityFactory(
        partnership=data.ended, starts_on=fixed_data.date(2016, 5, 1), ends_on=fixed_data.date(2016, 5, 1)
    )

    assert "Zhejiang" in by_place(activity_matrix(year=YEAR))


def test_the_next_year_holds_the_activity_starting_on_1_april(data):
    matrix = activity_matrix(year=YEAR.next)

    assert figures(by_place(matrix)["Krefeld"].total) == (1, Decimal("500.00"))
    assert figures(matrix.total) == (1, Decimal("500.00"))


def test_by_theme_an_activity_reaching_a_theme_through_two_objectives_counts_once_in_it(data):
    matrix = activity_matrix(year=YEAR, by=BY_THEME)
    rows = by_place(matrix)

    assert [column.label for column in matrix.columns] == [
        "Confident People",
        "Greater Prosperity",
        "No theme",
    ]
    assert [figures(cell) for cell in rows["Strasbourg"].cells] == [
        (2, Decimal("310.00")),
        (1, Decimal("270.00")),
        (0, Decimal("0.00")),
    ]
    assert [figures(cell) for cell in rows["Krefeld"].cells] == [
        (0, Decimal("0.00")),
        (0, Decimal("0.00")),
        (1, Decimal("25.00")),
    ]
    assert [figures(cell) for cell in matrix.column_totals] == [
        (2, Decimal("310.00")),
        (1, Decimal("270.00")),
        (1, Decimal("25.00")),
    ]
    assert figures(matrix.total) == (3, Decimal("335.00"))


def _titles(client, query):
    response = client.get(f"/partnerships/activities/?{query}")
    assert response.status_code == 200
    return sorted(activity.title for activity in response.context["page"].object_list), response


@pytest.mark.parametrize("by", ["objective", "theme"])
def test_every_cell_links_to_exactly_its_activities_and_the_list_totals_its_spend(data, member_client, by):
    matrix = activity_matrix(year=YEAR, by=by)
    cells = [cell for row in matrix.rows for cell in [*row.cells, row.total]]
    cells += [*matrix.column_totals, matrix.total]

    for cell in cells:
        titles, response = _titles(member_client, cell.query)
        assert len(titles) == cell.count, cell.query
        assert response.context["council_spend"] == cell.spend, cell.query


def test_the_cell_of_objective_1_in_strasbourg_lists_the_exchange_and_the_late_visit(data, member_client):
    cell = by_place(activity_matrix(year=YEAR))["Strasbourg"].cells[0]

    titles, _ = _titles(member_client, cell.query)

    assert titles == ["Exchange", "Late visit"]


def test_the_page_shows_cells_linked_and_says_what_it_counts(data, member_client):
    response = member_client.get("/reporting/matrix/?year=2016&by=objective")
    page = response.content.decode()

    assert response.status_code == 200
    assert "2016/17" in page
    assert "counted in both cells" in page
    assert "Planned (committed) costs" in page
    assert (
        f"partnership={data.strasbourg.pk}&amp;financial_year=2016&amp;state=not_cancelled&amp;objective="
        in page
    )
    assert "£335.00" in page


def test_a_year_with_no_activity_says_so(data, member_client):
    response = member_client.get("/reporting/matrix/?year=2001")

    assert "No activities are recorded as starting in 2001/02" in response.content.decode()
    assert "<table" not in response.content.decode()


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1", "Enter a financial year from"),
        ("9999", "Enter a financial year from"),
        ("soon", "Enter the year"),
    ],
)
def test_a_year_out_of_bounds_or_not_a_year_is_refused_beside_the_field(member_client, year, message):
    response = member_client.get(f"/reporting/matrix/?year={year}")

    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["matrix"] is None
    assert response.content.decode().count(message) >= 2  # in the summary and beside the field
    assert member_client.get(f"/reporting/matrix/export.csv?year={year}").status_code == 400
    assert member_client.get(f"/reporting/matrix/export.xlsx?year={year}").status_code == 400


def test_unknown_columns_are_refused(member_client):
    response = member_client.get("/reporting/matrix/?year=2016&by=everything")

    assert response.context["matrix"] is None
    assert "Select a valid choice" in response.content.decode()


def test_the_csv_holds_the_pages_rows_and_totals(data, member_client):
    response = member_client.get("/reporting/matrix/export.csv?year=2016&by=theme")
    lines = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))

    expected = [
        [str(value) for value in line] for line in table_rows(activity_matrix(year=YEAR, by=BY_THEME))
    ]
    assert lines == expected
    assert lines[0][:3] == [
        "Partnership",
        "Confident People: activities",
        "Confident People: council spend (£)",
    ]
    assert lines[-1][0] == "Total (each activity once)"
    assert lines[-1][-2:] == ["3", "335.00"]


def test_the_xlsx_holds_the_pages_rows_with_money_as_pounds(data, member_client):
    response = member_client.get("/reporting/matrix/export.xlsx?year=2016")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]

    expected = table_rows(activity_matrix(year=YEAR))
    assert len(values) == len(expected)
    for got, wanted in zip(values, expected, strict=True):
        assert [Decimal(str(v)) if isinstance(v, float | int) else v for v in got] == [
            Decimal(w) if isinstance(w, Decimal | int) else w for w in wanted
        ]
    total_spend = sheet.cell(row=sheet.max_row, column=sheet.max_column)
    assert total_spend.value == 335
    assert "£" in total_spend.number_format


def test_exports_make_a_formula_inert(member_client):
    PartnershipFactory(place=PlaceFactory(name='=HYPERLINK("http://evil","x")'))

    csv_text = member_client.get("/reporting/matrix/export.csv?year=2016").getvalue().decode("utf-8-sig")
    sheet = load_workbook(
        io.BytesIO(member_client.get("/reporting/matrix/export.xlsx?year=2016").content)
    ).active

    assert "\n\"'=HYPERLINK" in csv_text
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert any(name.startswith("'=HYPERLINK") for name in names)
    assert all(row[0].data_type == "s" for row in sheet.iter_rows(min_row=2))


def _grow(count):
    for n in range(count):
        link = PartnershipFactory(place=PlaceFactory(name=f"Grown {count}-{n}"))
        activity = ActivityFactory(
            partnership=link, starts_on=fixed_data.date(2016, 7, 1), ends_on=fixed_data.date(2016, 7, 1)
        )
        CostFactory(
            activity=activity, incurred_on=fixed_data.date(2016, 7, 1), budget_line=budget_line_for(2016)
        )


@pytest.mark.parametrize(
    "url",
    [
        "/reporting/matrix/?year=2016",
        "/reporting/matrix/?year=2016&by=theme",
        "/reporting/matrix/export.csv?year=2016",
        "/reporting/matrix/export.xlsx?year=2016&by=theme",
    ],
)
def test_the_matrix_makes_the_same_queries_at_two_sizes(data, member_client, url):
    _grow(2)
    few = queries_for(member_client, url)
    _grow(12)
    many = queries_for(member_client, url)

    assert_fixed_queries(few, many, at_most=12)
