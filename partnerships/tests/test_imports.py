"""Importing a council's workbook: places, links, activities, costs and gifts, previewed row by row,
then confirmed; a second import of the same file changes nothing; errors keep everything out."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from intlinks.imports.files import read_sheet
from intlinks.imports.kinds import CHANGED, ERROR, EXAMPLE, NEW, UNCHANGED, import_kind, run_import
from intlinks.imports.templates import template_csv
from partnerships.models import Activity, Cost, Gift, Partnership, Place
from partnerships.tests.factories import ConductPolicyFactory
from strategy.tests.factories import BudgetFactory, BudgetLineFactory

pytestmark = pytest.mark.django_db

SHEETS = {
    "Partner places": [
        ["Name", "Country", "Kind of place", "Population", "Latitude", "Longitude"],
        ["Krefeld", "Germany", "City", "227,000", "51.3388", "6.5853"],  # row 2
        ["Strasbourg", "FR", "city", "", "48.5734", "7.7521"],  # row 3
        ["Masaya", "Nicaragua", "City", "", "", ""],  # row 4
        ["Chongqing", "CN", "Province", "", "", ""],  # row 5
        ["Rajkot", "India", "City", "", "", ""],  # row 6
        ["Haskovo", "Bulgaria", "City", "", "", ""],  # row 7
        ["Atlantis", "Atlantis", "City", "", "", ""],  # row 8: unknown country
        ["Krefeld", "DE", "City", "", "", ""],  # row 9: repeats row 2
        ['=HYPERLINK("http://x")', "FR", "City", "", "", ""],  # row 10: a formula
    ],
}


def workbook_bytes(sheets: dict) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def run(slug, data, user, *, dry_run):
    kind = import_kind(slug)
    return run_import(kind=kind, sheet=read_sheet(data, sheet_name=kind.sheet_name), by=user, dry_run=dry_run)


def by_line(outcome):
    return {row.line: row for row in outcome.rows}


def test_places_preview_shows_every_row_and_writes_nothing(officer):
    outcome = run("places", workbook_bytes(SHEETS), officer, dry_run=True)
    rows = by_line(outcome)
    assert [rows[n].status for n in range(2, 8)] == [NEW] * 6
    assert rows[8].status == ERROR
    assert rows[8].errors[0][0] == "Country"
    assert "Atlantis" in rows[8].errors[0][1]
    assert rows[9].status == ERROR
    assert "Repeats row 2" in rows[9].errors[0][1]
    assert rows[10].status == ERROR
    assert rows[10].errors == [("Name", rows[10].errors[0][1])]
    assert "formula" in rows[10].errors[0][1]
    assert not Place.objects.exists()


def test_a_file_with_errors_saves_nothing_even_when_confirmed(officer):
    outcome = run("places", workbook_bytes(SHEETS), officer, dry_run=False)
    assert outcome.has_errors
    assert not Place.objects.exists()


def good_places() -> bytes:
    return workbook_bytes({"Partner places": SHEETS["Partner places"][:7]})


def test_confirmed_places_are_saved_with_the_importer_in_their_history_and_reimport_changes_nothing(officer):
    first = run("places", good_places(), officer, dry_run=False)
    assert first.count(NEW) == 6
    assert not first.has_errors
    krefeld = Place.objects.get(name="Krefeld")
    assert (krefeld.country, krefeld.population, krefeld.latitude) == ("DE", 227000, Decimal("51.33880"))
    assert krefeld.history.get().history_user == officer
    again = run("places", good_places(), officer, dry_run=False)
    assert [row.status for row in again.rows] == [UNCHANGED] * 6
    assert Place.history.count() == 6


def test_a_changed_value_is_shown_as_changed_naming_the_column(officer):
    run("places", good_places(), officer, dry_run=False)
    sheet = [list(row) for row in SHEETS["Partner places"][:3]]
    sheet[1][3] = "230,000"
    outcome = run("places", workbook_bytes({"Partner places": sheet}), officer, dry_run=True)
    assert [(row.status, row.changed) for row in outcome.rows] == [(CHANGED, ["Population"]), (UNCHANGED, [])]


def import_register(officer):
    """Places, links, a year's budget, activities, costs and gifts, each confirmed in order."""
    run("places", good_places(), officer, dry_run=False)
    links = [
        ["Place", "Country", "Kind of link", "Status", "Year it began"],
        ["Krefeld", "Germany", "Formal twinning with a charter", "Formalised/active", "1969"],
        ["Masaya", "NI", "friendship", "active", "1987"],
        ["Haskovo", "Bulgaria", "Friendship agreement", "active", "2005"],
    ]
    assert not run("links", workbook_bytes({"Links": links}), officer, dry_run=False).has_errors
    ConductPolicyFactory(in_force_from=date(2010, 4, 1))
    BudgetLineFactory(budget=BudgetFactory(financial_year=2016), name="Visits and exchanges")
    return links


ACTIVITIES = [
    [
        "Place",
        "Country",
        "Kind of link",
        "Title",
        "Kind of activity",
        "Start date",
        "End date",
        "Councillors",
        "Purpose",
        "Expected benefit",
    ],
    [
        "Krefeld",
        "DE",
        "twinning",
        "Youth orchestra visit",
        "Cultural event",
        "12/07/2016",
        "16/07/2016",
        "0",
        "Clean water",
        "Links for schools",
    ],
    [
        "Masaya",
        "Nicaragua",
        "friendship",
        "Water project visit",
        "outgoing_visit",
        "2016-11-03",
        "",
        "2",
        "Clean water",
        "Links for schools",
    ],
    [
        "Krefeld",
        "DE",
        "twinning",
        "Mayor's visit",
        "Outgoing visit",
        "31/02/2017",
        "",
        "1",
        "Clean water",
        "Links for schools",
    ],  # impossible date
    [
        "Chongqing",
        "CN",
        "twinning",
        "Trade mission",
        "Trade mission",
        "01/05/2016",
        "",
        "1",
        "Clean water",
        "Links for schools",
    ],  # no link
]


def test_activities_and_costs_go_through_the_activity_log_services(officer):
    import_register(officer)
    preview = by_line(run("activities", workbook_bytes({"Activities": ACTIVITIES}), officer, dry_run=True))
    assert (preview[2].status, preview[3].status) == (NEW, NEW)
    assert preview[4].errors == [("Start date", "“31/02/2017” is not a real date")]
    assert preview[5].errors[0][0] == "Kind of link"
    good = workbook_bytes({"Activities": ACTIVITIES[:3]})
    assert run("activities", good, officer, dry_run=False).count(NEW) == 2
    water = Activity.objects.get(title="Water project visit")
    assert (water.ends_on, water.recorded_by, water.state) == (date(2016, 11, 3), officer, "planned")
    assert water.history.get().history_user == officer

    costs = [
        [
            "Place",
            "Country",
            "Kind of link",
            "Activity title",
            "Activity start date",
            "Category",
            "Date",
            "Amount",
            "Currency",
            "Rate to pounds",
            "Stage",
            "Paid by",
            "Budget line",
            "Travel class",
            "Journey hours",
            "Nights",
            "Hotel region",
            "Example",
        ],
        [
            "Krefeld",
            "DE",
            "twinning",
            "Youth orchestra visit",
            "12/07/2016",
            "Travel",
            "12/07/2016",
            "£1,240.00",
            "GBP",
            "",
            "actual",
            "council",
            "Visits and exchanges",
            "Business",
            "2",
            "",
            "",
            "",
        ],
        [
            "Krefeld",
            "DE",
            "twinning",
            "Youth orchestra visit",
            "12/07/2016",
            "Accommodation",
            "13/07/2016",
            "2,300",
            "EUR",
            "0.8523",
            "actual",
            "partner",
            "",
            "",
            "",
            "3",
            "Europe",
            "",
        ],
        [
            "Krefeld",
            "DE",
            "twinning",
            "Youth orchestra visit",
            "12/07/2016",
            "Travel",
            "12/07/2016",
            "10",
            "GBP",
            "",
            "",
            "council",
            "No such line",
            "Economy",
            "1",
            "",
            "",
            "",
        ],
        [
            "Krefeld",
            "DE",
            "twinning",
            "Youth orchestra visit",
            "12/07/2016",
            "Venue",
            "12/07/2016",
            "99",
            "GBP",
            "",
            "",
            "partner",
            "",
            "",
            "",
            "",
            "",
            "Example: delete this row",
        ],
    ]
    preview = by_line(run("costs", workbook_bytes({"Costs of activities": costs}), officer, dry_run=True))
    assert (preview[2].status, preview[3].status, preview[5].status) == (NEW, NEW, EXAMPLE)
    assert preview[4].errors == [("Budget line", "The 2016/17 budget has no line “No such line”")]
    assert (
        run("costs", workbook_bytes({"Costs of activities": costs[:3]}), officer, dry_run=False).count(NEW)
        == 2
    )
    travel, hotel = Cost.objects.order_by("incurred_on")
    assert (travel.amount_gbp, hotel.amount_gbp) == (Decimal("1240.00"), Decimal("1960.29"))
    # Flagged as the service flags a typed cost: business class on a two-hour journey.
    assert travel.is_breach
    assert travel.recorded_by == officer
    again = run("costs", workbook_bytes({"Costs of activities": costs[:3]}), officer, dry_run=False)
    assert [row.status for row in again.rows] == [UNCHANGED, UNCHANGED]


def test_gifts_are_flagged_as_the_register_flags_them_and_reimport_is_a_no_op(officer):
    import_register(officer)
    gifts = [
        [
            "Date",
            "Counterparty",
            "Description",
            "Direction",
            "Kind",
            "Who they are",
            "Value",
            "Date registered",
            "Place",
            "Country",
            "Kind of link",
        ],
        [
            "14/09/2016",
            "Mayor of Haskovo",
            "Painted plate",
            "Received",
            "Gift",
            "Public body",
            "£40",
            "20/09/2016",
            "Haskovo",
            "Bulgaria",
            "Friendship agreement",
        ],
        [
            "2017-02-01",
            "Rajkot Chamber of Commerce",
            "Dinner",
            "received",
            "hospitality",
            "private",
            "1,200.00",
            "",
            "",
            "",
            "",
        ],
        ["2017-02-02", "Someone", "Vase", "received", "gift", "person", "ten pounds", "", "", "", ""],
    ]
    preview = by_line(run("gifts", workbook_bytes({"Gifts and hospitality": gifts}), officer, dry_run=True))
    assert [preview[n].status for n in (2, 3, 4)] == [NEW, NEW, ERROR]
    assert preview[4].errors[0][0] == "Value"
    run("gifts", workbook_bytes({"Gifts and hospitality": gifts[:3]}), officer, dry_run=False)
    dinner = Gift.objects.get(description="Dinner")
    assert dinner.registered_on == date(2017, 2, 1)
    assert dinner.value == Decimal("1200.00")
    assert dinner.history.get().history_user == officer
    plate = Gift.objects.get(description="Painted plate")
    assert plate.partnership == Partnership.objects.get(place__name="Haskovo")
    again = run("gifts", workbook_bytes({"Gifts and hospitality": gifts[:3]}), officer, dry_run=False)
    assert [row.status for row in again.rows] == [UNCHANGED, UNCHANGED]


def test_csv_with_wrong_columns_is_refused_naming_them(officer):
    data = b"Name,Colour\nKrefeld,red\n"
    with pytest.raises(ValidationError) as refused:
        run("places", data, officer, dry_run=True)
    messages = refused.value.messages
    assert "Unknown column: “Colour” (see the template's columns)" in messages
    assert "Missing column: “Country”" in messages


@pytest.mark.parametrize("slug", ["places", "links", "activities", "costs", "gifts", "actions", "indicators"])
def test_each_template_reads_back_with_its_examples_not_imported(officer, slug):
    outcome = run(slug, template_csv(import_kind(slug)), officer, dry_run=True)
    assert outcome.rows
    assert {row.status for row in outcome.rows} == {EXAMPLE}


def test_places_exported_in_the_template_s_columns_import_back_unchanged(officer):
    """Round trip against the import's own columns (the list pages' exports are being reworked into
    CSV and XLSX in parallel; their columns will be reconciled with these)."""
    run("places", good_places(), officer, dry_run=False)
    exported = import_kind("places").resource(by=officer).export(Place.objects.all())
    outcome = run("places", exported.csv.encode(), officer, dry_run=False)
    assert [row.status for row in outcome.rows] == [UNCHANGED] * 6
