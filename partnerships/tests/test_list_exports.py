"""Every list downloads what it shows, in CSV and XLSX: its filters, choices as labels, money with two
decimals, and the same number of queries however many rows."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.models import Activity, ExternalFunding, Gift
from partnerships.tests.factories import (
    ActivityFactory,
    CostFactory,
    ExternalFundingFactory,
    GiftFactory,
    GrantApplicationFactory,
    PartnershipFactory,
    PlaceFactory,
)
from strategy.tests.factories import ActionFactory, IndicatorFactory

pytestmark = pytest.mark.django_db


def rows_of(client, url: str) -> list[list]:
    response = client.get(url)
    assert response.status_code == 200, url
    if url.split("?")[0].endswith(".xlsx"):
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        return [
            ["" if cell.value is None else cell.value for cell in row] for row in workbook.active.iter_rows()
        ]
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def column(rows: list[list], label: str) -> list:
    index = rows[0].index(label)
    return [row[index] for row in rows[1:]]


@pytest.fixture(params=["csv", "xlsx"])
def ext(request):
    return request.param


def test_the_activity_download_holds_the_filtered_rows_with_labels_and_two_decimal_money(officer_client, ext):
    trade = ActivityFactory(title="Trade mission", kind=Activity.Kind.TRADE_MISSION)
    CostFactory(activity=trade, amount=Decimal("831.56"))
    ActivityFactory(title="Civic visit", kind=Activity.Kind.OUTGOING_VISIT)

    rows = rows_of(officer_client, f"/partnerships/activities/export.{ext}?kind=trade_mission")

    assert column(rows, "Title") == ["Trade mission"]
    assert column(rows, "Kind") == ["Trade mission"]
    assert column(rows, "Status") == ["Planned"]
    assert column(rows, "Total cost (£)") == ["831.56"]


def test_the_gift_download_holds_the_filtered_rows_with_labels(officer_client, ext):
    GiftFactory(description="Crystal vase", direction=Gift.Direction.RECEIVED, value=Decimal("40"))
    GiftFactory(description="Town plate", direction=Gift.Direction.GIVEN)

    rows = rows_of(
        officer_client, f"/partnerships/activities/gifts/export.{ext}?financial_year=&direction=received"
    )

    assert column(rows, "Description") == ["Crystal vase"]
    assert column(rows, "Given, received or refused") == ["Received"]
    assert column(rows, "Estimated value (£)") == ["40.00"]


def test_the_links_download_applies_the_filters(officer_client, ext):
    PartnershipFactory(place__name="Krefeld", place__country="DE")
    PartnershipFactory(place__name="Strasbourg", place__country="FR")

    rows = rows_of(officer_client, f"/partnerships/export.{ext}?country=DE")

    assert column(rows, "Place") == ["Krefeld"]
    assert column(rows, "Country") == ["Germany"]


def test_the_places_download_lists_every_current_place(officer_client, ext):
    PlaceFactory(name="Rajkot", country="IN", population=1_300_000)

    rows = rows_of(officer_client, f"/partnerships/places/export.{ext}")

    assert column(rows, "Name") == ["Rajkot"]
    assert column(rows, "Country") == ["India"]


def test_the_funding_download_applies_the_filters_with_two_decimal_money(officer_client, ext):
    ExternalFundingFactory(funder="EU Asia-Urbs", status=ExternalFunding.Status.AWARDED)
    ExternalFundingFactory(
        funder="CLGF", status=ExternalFunding.Status.SUBMITTED, amount_awarded=None, awarded_on=None
    )

    rows = rows_of(officer_client, f"/partnerships/activities/funding/export.{ext}?status=awarded")

    assert column(rows, "Funder") == ["EU Asia-Urbs"]
    assert column(rows, "Status") == ["Awarded"]
    assert column(rows, "Amount awarded (£)") == ["15000.00"]


def test_the_grants_download_applies_the_filters(officer_client, ext):
    chosen = GrantApplicationFactory(title="Football exchange")
    GrantApplicationFactory(title="Choir visit")

    rows = rows_of(officer_client, f"/partnerships/grants/export.{ext}?organisation={chosen.organisation_id}")

    assert column(rows, "Title") == ["Football exchange"]
    assert column(rows, "State") == ["Draft"]
    assert column(rows, "Amount requested (£)") == ["1500.00"]


def test_the_action_plan_download_shows_status_and_rag_labels_not_codes(officer_client, ext):
    action = ActionFactory(planned_cost=Decimal("250"))

    rows = rows_of(officer_client, f"/strategy/plans/{action.action_plan_id}/actions.{ext}")

    assert column(rows, "Status") == ["Not started"]
    assert column(rows, "RAG") == ["Not rated"]
    assert column(rows, "Planned cost (£)") == ["250.00"]


def test_the_indicators_download_has_a_row_per_year_of_the_strategy(officer_client, ext):
    indicator = IndicatorFactory(name="Pupils in exchanges")

    rows = rows_of(officer_client, f"/strategy/{indicator.strategy_id}/indicators.{ext}")

    assert set(column(rows, "Indicator")) == {"Pupils in exchanges"}
    assert len(rows) - 1 == len(indicator.strategy.years)


def test_each_list_page_links_to_both_downloads_with_its_filters(officer_client):
    page = officer_client.get("/partnerships/activities/?kind=trade_mission").content.decode()

    assert "/partnerships/activities/export.csv?kind=trade_mission" in page
    assert "/partnerships/activities/export.xlsx?kind=trade_mission" in page


@pytest.mark.parametrize(
    ("url", "make", "budget"),
    [
        ("/partnerships/export.xlsx", PartnershipFactory, 10),
        ("/partnerships/places/export.xlsx", PlaceFactory, 8),
        ("/partnerships/activities/export.xlsx?financial_year=", ActivityFactory, 11),
        ("/partnerships/activities/gifts/export.xlsx?financial_year=", GiftFactory, 11),
        ("/partnerships/activities/funding/export.xlsx", ExternalFundingFactory, 11),
        ("/partnerships/grants/export.xlsx", GrantApplicationFactory, 8),
        ("/partnerships/grants/export.csv", GrantApplicationFactory, 8),
        ("/partnerships/activities/funding/export.csv", ExternalFundingFactory, 11),
    ],
)
def test_a_download_reads_the_same_whatever_the_number_of_rows(officer_client, url, make, budget):
    make()
    few = queries_for(officer_client, url)
    for _ in range(6):
        make()

    assert_fixed_queries(few, queries_for(officer_client, url), at_most=budget)


def test_a_download_refuses_nobody_signed_in(client):
    assert client.get("/partnerships/activities/export.xlsx").status_code == 302


def test_an_activity_of_year_9999_is_refused_but_year_1900_exports(officer_client):
    ActivityFactory(title="Old visit", starts_on=date(1900, 1, 1), ends_on=date(1900, 1, 2))

    rows = rows_of(officer_client, "/partnerships/activities/export.csv?financial_year=")

    assert column(rows, "Start") == ["1900-01-01"]
    assert column(rows, "Financial year") == ["1899/00"]
