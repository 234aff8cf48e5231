"""Every CSV export the benchmark measures on a synthetic council streams its rows on a small one."""

from datetime import date
from io import StringIO

import pytest

from intlinks.management.commands.benchmark import Command, measure_export, officer_client
from partnerships.seeding import PROFILES, seed_council

pytestmark = pytest.mark.django_db

EXPORTS = list(Command().scenarios("PROFILE_EXPORTS"))


def test_the_activities_gifts_links_and_plan_exports_are_measured():
    names = [export.name for export in EXPORTS]

    assert "Activities CSV, all years" in names
    assert "Gifts and hospitality CSV" in names
    assert any(name.startswith("Action plan CSV") for name in names)


def test_each_measured_export_streams_rows_on_a_seeded_council(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seed_council(profile=PROFILES["small"], seed=1, today=date(2025, 8, 14))
    client = officer_client()

    rows = [(export.name, *measure_export(client, export.url())) for export in EXPORTS]
    output = StringIO()
    Command(stdout=output).print_export_table(rows)

    for name, lines, _, _, peak, queries, size in rows:
        assert lines > 0, f"{name} exported no rows"
        assert min(peak, queries, size) > 0, f"{name} was not measured"
    assert "| Activities CSV, all years | 200 |" in output.getvalue()
