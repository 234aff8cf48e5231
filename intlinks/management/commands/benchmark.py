import os
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from importlib import import_module
from importlib.util import find_spec

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment

from intlinks.benchmarks import HEALTH_CHECK
from intlinks.roles import DOMAIN_APPS, OFFICER
from partnerships.seeding import PROFILES, seed_council

BENCHMARK_MODULES = ("intlinks", *DOMAIN_APPS)


class Command(BaseCommand):
    help = (
        "Time the service's pages at several data sizes (or on a synthetic council: --profile) in a "
        "throwaway test database and print a Markdown table (median and 95th percentile milliseconds, "
        "SQL queries) for the README."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=[10, 200])
        parser.add_argument("--repeat", type=int, default=30)
        parser.add_argument(
            "--profile",
            choices=sorted(PROFILES),
            help="Instead of --sizes, time each app's PROFILE_PAGES on a synthetic council (seed_scale)",
        )

    def handle(self, *args, sizes, repeat, profile=None, **options):
        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            if profile:
                rows, seconds = self.measure_profile(profile, repeat)
                exports = self.measure_exports()
            else:
                rows = self.measure_all(sizes, repeat)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
        if profile:
            self.print_profile_table(profile, rows, seconds, repeat)
            self.print_export_table(exports)
        else:
            self.print_table(rows, repeat)

    def measure_all(self, sizes, repeat):
        rows = []
        for scenario in self.scenarios():
            for size in sizes:
                rows.append((scenario.name, size, *self.measure(scenario, size, repeat)))
        return rows

    def scenarios(self, attribute="SCENARIOS"):
        for module in BENCHMARK_MODULES:
            if find_spec(f"{module}.benchmarks"):
                yield from getattr(import_module(f"{module}.benchmarks"), attribute, [])

    def measure(self, scenario, size, repeat):
        # Flush empties every table and re-creates the roles through the post-migrate hook.
        call_command("flush", interactive=False, verbosity=0)
        context = scenario.seed(size)
        median, p95, queries, _ = time_get(officer_client(), scenario.url(context), repeat, scenario.before)
        return median, p95, queries

    def measure_profile(self, profile, repeat):
        """Seed the profile's council once, then time every app's profile pages on it."""
        started = time.perf_counter()
        seed_council(profile=PROFILES[profile], seed=1)
        seconds = time.perf_counter() - started
        client = officer_client()
        rows = []
        for page in self.scenarios("PROFILE_PAGES"):
            rows.append((page.name, *time_get(client, page.url(), repeat, page.before)))
        return rows, seconds

    def print_profile_table(self, profile, rows, seconds, repeat):
        health = next(median for name, median, *_ in rows if name == HEALTH_CHECK.name)
        self.print_header(repeat, f", on the {profile} profile (seeded in {seconds:.0f} s)")
        self.stdout.write("| page | median ms | p95 ms | × /healthz | SQL queries | KB |")
        self.stdout.write("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, median, p95, queries, size in rows:
            ratio, kilobytes = median / health, size / 1024
            self.stdout.write(
                f"| {name} | {median:.1f} | {p95:.1f} | {ratio:.1f} | {queries} | {kilobytes:.0f} |"
            )

    def measure_exports(self):
        """Each app's PROFILE_EXPORTS on the seeded council: streamed CSVs, timed and weighed apart."""
        client = officer_client()
        return [
            (export.name, *measure_export(client, export.url()))
            for export in self.scenarios("PROFILE_EXPORTS")
        ]

    def print_export_table(self, rows):
        self.stdout.write("")
        self.stdout.write(
            f"CSV exports, streamed (median of {EXPORT_REPEAT} downloads; peak memory of one more, traced):"
        )
        self.stdout.write("")
        self.stdout.write("| export | rows | first rows ms | total s | peak MB | SQL queries | KB |")
        self.stdout.write("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, lines, first_ms, seconds, peak, queries, size in rows:
            self.stdout.write(
                f"| {name} | {lines:,} | {first_ms:.0f} | {seconds:.2f} | {peak / 2**20:.1f} | {queries} "
                f"| {size / 1024:,.0f} |"
            )

    def print_header(self, repeat, extra=""):
        machine = f"{cpu_model()} ({os.cpu_count()} cores, {platform.machine()})"
        self.stdout.write(
            f"Measured {date.today():%Y-%m-%d} on {machine}, {connection.vendor}, "
            f"Python {platform.python_version()}, {repeat} requests per row{extra}"
        )
        self.stdout.write("")

    def print_table(self, rows, repeat):
        self.print_header(repeat)
        self.stdout.write("| page | rows | median ms | p95 ms | SQL queries |")
        self.stdout.write("| --- | ---: | ---: | ---: | ---: |")
        for name, size, median, p95, queries in rows:
            self.stdout.write(f"| {name} | {size} | {median:.1f} | {p95:.1f} | {queries} |")


def officer_client() -> Client:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username=f"bench-officer-{time.monotonic_ns()}")
    user.groups.add(Group.objects.get(name=OFFICER))
    client = Client()
    client.force_login(user)
    return client


def time_get(
    client: Client, url: str, repeat: int, before: Callable[[], None] | None = None
) -> tuple[float, float, int, int]:
    """Median and 95th percentile milliseconds, SQL queries and bytes of `repeat` GETs of `url`, each
    after `before()` when given (outside the timing)."""
    client.get(url)  # warm caches and the session
    timings = []
    for _ in range(repeat):
        if before:
            before()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
    p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
    return statistics.median(timings), p95, len(queries), len(response.content)


EXPORT_REPEAT = 3


def download(client: Client, url: str) -> tuple[int, float, int]:
    """Stream one export to the end: its data rows, the milliseconds until the first of them arrived,
    and its bytes. The chunks are counted and dropped, as a browser writing the file would."""
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response.streaming, f"{url} is not streamed"
    lines, size, first_rows_ms = 0, 0, None
    for chunk in response.streaming_content:
        lines, size = lines + chunk.count(b"\n"), size + len(chunk)
        if first_rows_ms is None and lines > 1:
            first_rows_ms = (time.perf_counter() - started) * 1000
    return lines - 1, first_rows_ms or 0.0, size


def measure_export(client: Client, url: str) -> tuple[int, float, float, int, int, int]:
    """Data rows, median milliseconds to the first rows and seconds to the end, peak traced memory in
    bytes (a separate download: tracing slows Python down), SQL queries and bytes of an export."""
    timings = []
    for _ in range(EXPORT_REPEAT):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            lines, first_rows_ms, size = download(client, url)
            timings.append((first_rows_ms, time.perf_counter() - started))
        query_count = len(queries)  # read now: the next request empties the log it is read from
    tracemalloc.start()
    try:
        download(client, url)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    first_rows_ms = statistics.median(first for first, _ in timings)
    seconds = statistics.median(total for _, total in timings)
    return lines, first_rows_ms, seconds, peak, query_count, size


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown processor"
