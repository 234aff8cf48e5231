"""Activities are imported in bulk (ADR 0017, issue 14: 10,000 rows within a minute): each row is checked
by the activity service's rules without a query of its own, and written 500 at a time. These tests hold
the bulk path to the rules a typed activity meets: every database CHECK has its Python twin beside its
column, closed and archived records are refused, a colleague's change between the read and the write
refuses the batch, and the queries do not grow with the rows."""

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from intlinks.imports.files import read_sheet
from intlinks.imports.kinds import CHANGED, ERROR, NEW, UNCHANGED, import_kind, run_import
from intlinks.tests.queries import assert_fixed_queries
from partnerships import services
from partnerships.models import Activity, ActivityStateChange, Partnership
from partnerships.tests.factories import ActivityFactory, PartnershipFactory, PlaceFactory

pytestmark = pytest.mark.django_db

HEADER = ["Place", "Country", "Kind of link", "Title", "Kind of activity", "Start date", "End date",
          "Purpose", "Expected benefit", "Outcomes", "Source", "Young people"]  # fmt: skip


@pytest.fixture
def link():
    place = PlaceFactory(name="Krefeld", country="DE")
    return PartnershipFactory(place=place, kind=Partnership.Kind.TWINNING)


def row(title="Youth orchestra visit", **values):
    cells = {
        "Place": "Krefeld",
        "Country": "DE",
        "Kind of link": "twinning",
        "Title": title,
        "Kind of activity": "Incoming delegation",
        "Start date": "01/06/2026",
        "End date": "04/06/2026",
        "Purpose": "To agree the year's exchange programme.",
        "Expected benefit": "School places for 20 pupils.",
        "Outcomes": "",
        "Source": "",
        "Young people": "",
    }
    cells.update(values)
    return [cells[name] for name in HEADER]


def csv_of(*rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return out.getvalue().encode()


def run(data: bytes, user, *, dry_run: bool):
    kind = import_kind("activities")
    return run_import(kind=kind, sheet=read_sheet(data, sheet_name=kind.sheet_name), by=user, dry_run=dry_run)


# Each CHECK constraint of an activity that a file can reach, and a row that breaks it.
BREAKS = {
    "activity_purpose_max_length": ("Purpose", {"Purpose": "x" * 10_001}),
    "activity_expected_benefit_max_length": ("Expected benefit", {"Expected benefit": "x" * 10_001}),
    "activity_outcomes_max_length": ("Outcomes", {"Outcomes": "x" * 10_001}),
    "activity_source_max_length": ("Source", {"Source": "x" * 1_001}),
    "activity_starts_on_in_bounds": ("Start date", {"Start date": "01/01/1066", "End date": "01/01/2026"}),
    "activity_ends_on_in_bounds": ("End date", {"End date": "31/12/9999"}),
    "activity_ends_after_start": ("End date", {"End date": "31/05/2026"}),
}


def test_every_check_a_file_can_reach_is_named_in_these_tests():
    columns = {c.attribute for c in import_kind("activities").resource.columns() if c.attribute}
    reachable = {
        constraint.name % {"class": "activity"}
        for constraint in Activity._meta.constraints
        if any(name in str(constraint.condition) for name in columns)
    }
    assert reachable == set(BREAKS)


@pytest.mark.parametrize("constraint", sorted(BREAKS))
def test_a_row_breaking_a_database_check_is_refused_beside_its_column_and_nothing_is_saved(
    officer, link, constraint
):
    column, values = BREAKS[constraint]
    data = csv_of(row("Fine"), row("Broken", **values))
    for dry_run in (True, False):
        outcome = run(data, officer, dry_run=dry_run)
        assert [r.status for r in outcome.rows] == [NEW, ERROR]
        assert column in [name for name, _ in outcome.rows[1].errors]
    assert not Activity.objects.exists()


def test_a_closed_activity_is_refused_in_the_preview(officer, link):
    ActivityFactory(partnership=link, title="Youth orchestra visit", state=Activity.State.COMPLETE)
    outcome = run(csv_of(row(Purpose="Changed")), officer, dry_run=True)
    assert outcome.rows[0].status == ERROR
    assert "reopen it" in outcome.rows[0].errors[0][1]


def test_an_archived_activity_is_refused_in_the_preview(officer, link):
    ActivityFactory(partnership=link, title="Youth orchestra visit", archived_at=timezone.now())
    outcome = run(csv_of(row(Purpose="Changed")), officer, dry_run=True)
    assert outcome.rows[0].status == ERROR
    assert "archived" in outcome.rows[0].errors[0][1]


def test_an_activity_under_an_archived_link_is_refused_in_the_preview(officer, link):
    Partnership.objects.filter(pk=link.pk).update(archived_at=timezone.now())
    outcome = run(csv_of(row()), officer, dry_run=True)
    assert outcome.rows[0].status == ERROR
    assert "is archived" in outcome.rows[0].errors[0][1]


def test_a_change_keeps_what_the_file_does_not_name_and_is_recorded_in_history(officer, link):
    stored = ActivityFactory(
        partnership=link, title="Youth orchestra visit", insurance_confirmed=True, coordinators="Ann, 0123"
    )
    outcome = run(csv_of(row(Purpose="A new purpose")), officer, dry_run=False)
    assert (outcome.rows[0].status, outcome.rows[0].changed) == (CHANGED, ["Purpose"])
    stored.refresh_from_db()
    assert (stored.purpose, stored.insurance_confirmed, stored.coordinators) == (
        "A new purpose",
        True,
        "Ann, 0123",
    )
    latest = stored.history.first()
    assert (latest.history_type, latest.history_user, latest.purpose) == ("~", officer, "A new purpose")


def test_new_activities_are_saved_with_their_recorder_and_history_and_reimport_writes_nothing(officer, link):
    data = csv_of(*(row(f"Visit {n}") for n in range(3)))
    assert run(data, officer, dry_run=False).count(NEW) == 3
    activity = Activity.objects.get(title="Visit 1")
    assert (activity.recorded_by, activity.state, activity.ends_on) == (officer, "planned", date(2026, 6, 4))
    assert activity.history.get().history_user == officer
    histories = Activity.history.count()
    assert [r.status for r in run(data, officer, dry_run=False).rows] == [UNCHANGED] * 3
    assert Activity.history.count() == histories


def test_a_ready_activity_whose_gate_reopens_goes_back_to_planned(officer, link):
    stored = ActivityFactory(partnership=link, title="Youth orchestra visit", state=Activity.State.READY)
    run(csv_of(row(**{"Young people": "12"})), officer, dry_run=False)
    stored.refresh_from_db()
    assert stored.state == Activity.State.PLANNED
    assert ActivityStateChange.objects.get(activity=stored).changed_by == officer


def test_a_link_archived_after_the_file_was_read_refuses_the_batch(officer, link):
    activity = Activity(partnership=link, kind="other", title="Late", starts_on=date(2026, 1, 1))
    activity.ends_on = activity.starts_on
    services.activity_check_imported(activity=activity, by=officer)
    Partnership.objects.filter(pk=link.pk).update(archived_at=timezone.now())
    with pytest.raises(ValidationError, match="archived or removed since the file was read"):
        services.activities_save_imported(created=[activity], updated=[], fields=["title"], by=officer)


def test_an_activity_closed_after_the_file_was_read_refuses_the_batch(officer, link):
    stored = ActivityFactory(partnership=link)
    read = Activity.objects.get(pk=stored.pk)
    read.purpose = "Changed"
    services.activity_check_imported(activity=read, by=officer)
    Activity.objects.filter(pk=stored.pk).update(state=Activity.State.CANCELLED)
    with pytest.raises(ValidationError, match="Closed or archived by a colleague"):
        services.activities_save_imported(created=[], updated=[read], fields=["purpose"], by=officer)
    stored.refresh_from_db()
    assert stored.purpose != "Changed"


def test_a_colleague_moving_the_state_meanwhile_is_not_undone(officer, link):
    stored = ActivityFactory(partnership=link)
    read = Activity.objects.get(pk=stored.pk)
    read.purpose = "Changed"
    services.activity_check_imported(activity=read, by=officer)
    Activity.objects.filter(pk=stored.pk).update(state=Activity.State.READY)
    services.activities_save_imported(created=[], updated=[read], fields=["purpose"], by=officer)
    stored.refresh_from_db()
    assert (stored.purpose, stored.state) == ("Changed", Activity.State.READY)


def queries_of_an_import(rows: int, user) -> int:
    new = [row(f"New {rows}.{n}") for n in range(rows)]
    changed = [row(f"Stored {n}", Purpose=f"Changed in an import of {rows}") for n in range(rows)]
    with CaptureQueriesContext(connection) as context:
        outcome = run(csv_of(*new, *changed), user, dry_run=False)
    assert (outcome.count(NEW), outcome.count(CHANGED)) == (rows, rows)
    return len(context)


def test_the_import_s_queries_do_not_grow_with_its_rows(officer, link):
    for n in range(30):
        ActivityFactory(partnership=link, title=f"Stored {n}")
    small = queries_of_an_import(3, officer)
    large = queries_of_an_import(30, officer)
    assert_fixed_queries(small, large, at_most=30)
