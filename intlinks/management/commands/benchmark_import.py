"""`manage.py benchmark_import [--rows 10000]`: an activity spreadsheet imported through the preview
and the confirm, timed, in a throwaway test database (issue 14: 10,000 activity rows within 60 s).

It prints a Markdown table for the README, seconds and SQL statements per step: reading the file, the
preview (every row run through the services in a transaction rolled back), the confirmed import (the
same, kept), and the re-import of the same file, which must change nothing.
"""

import csv
import io
import os
import platform
import time
from contextlib import contextmanager
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment

from intlinks.imports.files import read_sheet
from intlinks.imports.kinds import NEW, UNCHANGED, import_kind, run_import
from intlinks.management.commands.benchmark import cpu_model
from partnerships import services
from partnerships.models import Partnership, Place

TARGET_SECONDS = 60
STEPS = (
    ("preview", "preview (dry run, rolled back)"),
    ("confirm", "confirm (one transaction)"),
    ("re-import", "re-import of the same file (no change)"),
)
PLACES = [("Krefeld", "DE"), ("Strasbourg", "FR"), ("Masaya", "NI"), ("Chongqing", "CN"), ("Rajkot", "IN")]
HEADER = ["Place", "Country", "Kind of link", "Title", "Kind of activity", "Start date", "End date",
          "Purpose", "Expected benefit", "Councillors", "Officers"]  # fmt: skip


@contextmanager
def counting_queries():
    """Count the SQL statements run inside (only the number: 10,000 rows' statements are not kept)."""
    counter = {"count": 0}

    def count(execute, sql, params, many, context):
        counter["count"] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield counter


def activity_rows(count: int) -> bytes:
    """`count` activities spread over the links and twenty years, as an officer's CSV would hold them."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    first = date(2005, 4, 1)
    for n in range(count):
        name, country = PLACES[n % len(PLACES)]
        starts = first + timedelta(days=(n * 7) % 7300)
        writer.writerow([
            name, country, "Formal twinning with a charter", f"Visit {n}", "Outgoing visit",
            starts.strftime("%d/%m/%Y"), (starts + timedelta(days=3)).strftime("%d/%m/%Y"),
            "Civic exchange", "Links between schools", "2", "1",
        ])  # fmt: skip
    return out.getvalue().encode()


class Command(BaseCommand):
    help = "Time the import of an activity spreadsheet (preview, confirm, re-import) in a test database."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, rows, **options):
        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            timings = self.measure(rows)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
        self.print_table(rows, timings)

    def measure(self, rows: int) -> dict:
        officer = get_user_model().objects.create_user(username="benchmark-officer")
        for name, country in PLACES:
            place = services.place_save(place=Place(name=name, country=country))
            link = Partnership(place=place, kind=Partnership.Kind.TWINNING, status="active")
            services.partnership_create(partnership=link, by=officer)
        kind, data = import_kind("activities"), activity_rows(rows)
        timings, self.queries = {}, {}
        started = time.perf_counter()
        read_sheet(data, sheet_name=kind.sheet_name)
        timings["read"] = time.perf_counter() - started
        for step, dry_run, expected in (
            ("preview", True, NEW),
            ("confirm", False, NEW),
            ("re-import", False, UNCHANGED),
        ):
            started = time.perf_counter()
            with counting_queries() as queries:
                outcome = run_import(
                    kind=kind, sheet=read_sheet(data, sheet_name=kind.sheet_name), by=officer, dry_run=dry_run
                )
            timings[step] = time.perf_counter() - started
            self.queries[step] = queries["count"]
            if outcome.count(expected) != rows:
                raise CommandError(f"{step}: expected {rows} {expected} rows, got {outcome.rows[:3]}")
        return timings

    def print_table(self, rows, timings):
        machine = f"{cpu_model()} ({os.cpu_count()} cores, {platform.machine()})"
        load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
        self.stdout.write(
            f"Measured {date.today():%Y-%m-%d} on {machine}, {connection.vendor}, Python "
            f"{platform.python_version()}, load average {load} at the end: {rows:,} activity rows (CSV) "
            "imported"
        )
        self.stdout.write("")
        self.stdout.write("| step | seconds | SQL queries | per row | target |")
        self.stdout.write("| --- | ---: | ---: | ---: | --- |")
        self.stdout.write(f"| read the file | {timings['read']:.1f} | 0 | 0 | |")
        for step, label in STEPS:
            seconds, queries = timings[step], self.queries[step]
            verdict = "met" if seconds <= TARGET_SECONDS else "MISSED"
            self.stdout.write(
                f"| {label} | {seconds:.1f} | {queries:,} | {queries / rows:.3f} "
                f"| at most {TARGET_SECONDS} s: {verdict} |"
            )
