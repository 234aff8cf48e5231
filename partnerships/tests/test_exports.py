"""The register's CSV exports stream: rows in the list's order, its filters, spreadsheet-safe, and the same
reads however many rows (the query counts at two sizes are in test_views and test_activity_views)."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse

from intlinks import services as shell
from intlinks.tests.queries import queries_for
from partnerships.models import Activity, Gift
from partnerships.tests.factories import (
    ActivityFactory,
    ConductPolicyFactory,
    CostFactory,
    GiftFactory,
    PartnershipFactory,
    ThemeFactory,
)
from strategy.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db

ACTIVITIES, GIFTS, LINKS = (
    "/partnerships/activities/export.csv",
    "/partnerships/activities/gifts/export.csv",
    "/partnerships/export.csv",
)


def rows_of(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert isinstance(response, StreamingHttpResponse), f"{url} is built in memory, not streamed"
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of two rows, so a handful of records crosses several chunk boundaries."""
    monkeypatch.setattr("intlinks.csv_export.CHUNK_SIZE", 2)


@pytest.mark.parametrize("url", [ACTIVITIES, GIFTS, LINKS])
def test_every_register_export_is_streamed_and_names_its_file(officer_client, url):
    ActivityFactory()
    GiftFactory()

    response = officer_client.get(url)

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="')


def test_an_activity_row_holds_its_place_year_state_participants_objectives_and_totals(officer_client):
    ConductPolicyFactory()
    link = PartnershipFactory(place__name="Krefeld", place__country="DE")
    activity = ActivityFactory(
        partnership=link,
        title="Civic visit",
        kind=Activity.Kind.YOUTH_EXCHANGE,
        starts_on=date(2026, 3, 30),
        ends_on=date(2026, 4, 2),
        councillors=2,
        officers=1,
        young_people=20,
    )
    activity.objectives.add(ObjectiveFactory(number=3), ObjectiveFactory(number=1))
    CostFactory(activity=activity, amount=Decimal("100.00"))
    CostFactory(activity=activity, amount=Decimal("300.00"), breach="Over the meal limit")

    rows = rows_of(officer_client, ACTIVITIES)

    assert rows[1] == [
        "Civic visit",
        "School or youth exchange",
        "Krefeld (Germany)",
        "2026-03-30",
        "2026-04-02",
        "2025/26",
        "Planned",
        "23",
        "1; 3",
        "400.00",
        "1",
    ]


def test_activities_arrive_in_the_lists_order_across_chunks(officer_client, small_chunks):
    for day in (5, 1, 9, 3, 7):
        ActivityFactory(title=f"Visit on the {day}", starts_on=date(2026, 6, day), ends_on=date(2026, 6, 20))
    page = officer_client.get("/partnerships/activities/").content.decode()

    titles = [row[0] for row in rows_of(officer_client, ACTIVITIES)[1:]]

    assert titles == [f"Visit on the {day}" for day in (9, 7, 5, 3, 1)]
    assert [page.index(title) for title in titles] == sorted(page.index(title) for title in titles)


def test_each_activity_keeps_its_own_place_and_objectives_across_chunks(officer_client, small_chunks):
    for number in range(1, 6):
        activity = ActivityFactory(
            title=f"Visit {number}",
            partnership__place__name=f"Place {number}",
            starts_on=date(2026, 6, number),
            ends_on=date(2026, 6, 20),
        )
        activity.objectives.add(ObjectiveFactory(number=number))

    rows = rows_of(officer_client, ACTIVITIES)[1:]

    assert [(row[0], row[2], row[8]) for row in rows] == [
        (f"Visit {number}", f"Place {number} (France)", str(number)) for number in range(5, 0, -1)
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=trade_mission", ["Trade mission to Lyon"]),
        ("financial_year=2025", ["Visit in March 2026"]),
        ("flagged=yes", ["Visit with a breach"]),
        ("objective={objective}", ["Visit on objective 4"]),
    ],
)
def test_the_activity_export_applies_the_lists_filters(officer_client, query, expected):
    ActivityFactory(title="Trade mission to Lyon", kind=Activity.Kind.TRADE_MISSION)
    ActivityFactory(title="Visit in March 2026", starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 2))
    CostFactory(activity__title="Visit with a breach", breach="Business class for a 2-hour journey")
    objective = ObjectiveFactory(number=4)
    ActivityFactory(title="Visit on objective 4").objectives.add(objective)

    rows = rows_of(officer_client, f"{ACTIVITIES}?{query.format(objective=objective.pk)}")

    assert [row[0] for row in rows[1:]] == expected


def test_the_activity_export_leaves_out_archived_activities_and_costs(officer_client, officer):
    kept = ActivityFactory(title="Kept visit")
    CostFactory(activity=kept, amount=Decimal("100.00"))
    mistaken = CostFactory(activity=kept, amount=Decimal("900.00"))
    gone = ActivityFactory(title="Visit recorded twice")
    for record in (mistaken, gone):
        shell.record_archive(record=record, by=officer, reason="Recorded by mistake")

    rows = rows_of(officer_client, ACTIVITIES)

    assert [(row[0], row[9]) for row in rows[1:]] == [("Kept visit", "100.00")]


def test_the_activity_and_gift_exports_quote_text_a_spreadsheet_would_run(officer_client):
    activity = ActivityFactory(
        title="=HYPERLINK(1)", kind=Activity.Kind.OUTGOING_VISIT, partnership__place__name="+Place"
    )
    GiftFactory(person="=Cllr", counterparty="@SUM(A1)", description="-2 + 3", activity=activity)

    activity_row = rows_of(officer_client, ACTIVITIES)[1]
    gift_row = rows_of(officer_client, GIFTS)[1]

    assert activity_row[:3] == ["'=HYPERLINK(1)", "Outgoing visit", "'+Place (France)"]
    assert (gift_row[4], gift_row[5], gift_row[7], gift_row[12]) == (
        "'=Cllr",
        "'@SUM(A1)",
        "'-2 + 3",
        "'=HYPERLINK(1)",
    )


def test_the_gift_export_flags_each_entry_under_the_policy_in_force_on_its_date(officer_client, small_chunks):
    ConductPolicyFactory()
    for day, value in ((1, "30.00"), (2, "30.00"), (3, "10.00")):
        GiftFactory(
            direction=Gift.Direction.RECEIVED,
            counterparty="Acme Ltd",
            description=f"Gift of the {day}",
            value=Decimal(value),
            given_on=date(2026, 5, day),
            registered_on=date(2026, 5, day),
        )

    rows = rows_of(officer_client, GIFTS)[1:]

    flags = {row[7]: row[13] for row in rows}
    assert [row[7] for row in rows] == ["Gift of the 3", "Gift of the 2", "Gift of the 1"]
    assert flags["Gift of the 1"] == ""
    assert "Gifts from this source add up to £60.00 in 12 months" in flags["Gift of the 2"]
    assert "add up to £70.00 in 12 months" in flags["Gift of the 3"]


def test_the_gift_export_reads_the_policies_once_whatever_its_chunks(officer_client, small_chunks):
    ConductPolicyFactory()
    GiftFactory()
    few = queries_for(officer_client, GIFTS)
    for _ in range(6):
        GiftFactory()

    many = queries_for(officer_client, GIFTS)

    # Only the chunks' fetches differ: no query a row, the policies read once.
    assert many == few


def test_the_links_export_keeps_each_links_themes_across_chunks(officer_client, small_chunks):
    for number in range(1, 5):
        link = PartnershipFactory(place__name=f"Place {number}")
        link.themes.add(ThemeFactory(name=f"Theme {number}"))

    rows = rows_of(officer_client, LINKS)[1:]

    assert [(row[0], row[8]) for row in rows] == [(f"Place {n}", f"Theme {n}") for n in range(1, 5)]
