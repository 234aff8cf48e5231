"""`manage.py benchmark_report --profile small|large`: the annual evaluation of a synthetic council's last
full financial year, timed step by step, in a throwaway test database (issue 12's performance targets).

It prints a Markdown table for the README: data gathering (with its SQL queries), HTML rendering, PDF
rendering, the total, WeasyPrint alone on the same HTML (the target: total at most 1.3 × that), the
pages, and the peak memory Python allocated (a separate traced run: tracing slows Python down).
"""

import io
import os
import platform
import statistics
import time
import tracemalloc
from datetime import date

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML

from intlinks.management.commands.benchmark import cpu_model
from partnerships.seeding import PROFILES, seed_council
from reporting import cabinet
from reporting.cabinet.pdf import PDF_VARIANT
from strategy.financial_years import financial_year_of

TOTAL_TARGET_SECONDS = 20
WEASYPRINT_RATIO_TARGET = 1.3
PAGES_TARGET = 40


class Command(BaseCommand):
    help = (
        "Seed a synthetic council (--profile) in a throwaway test database, build the annual evaluation "
        "of its last full financial year and time data gathering, HTML, PDF and WeasyPrint alone; prints "
        "a Markdown table for the README."
    )

    def add_arguments(self, parser):
        parser.add_argument("--profile", choices=sorted(PROFILES), default="small")
        parser.add_argument("--repeat", type=int, default=3, help="Timed runs; the table shows medians")

    def handle(self, *args, profile, repeat, **options):
        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            started = time.perf_counter()
            seed_council(profile=PROFILES[profile], seed=1)
            seeded = time.perf_counter() - started
            report = annual_report()
            runs = [measure(report) for _ in range(max(repeat, 1))]
            peak = traced_peak(report)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
        self.print_table(profile, report, runs, peak, seeded)

    def print_table(self, profile, report, runs, peak, seeded):
        def median(key):
            return statistics.median(run[key] for run in runs)

        total, alone = median("total"), median("weasyprint")
        ratio = total / alone if alone else 0.0
        last = runs[-1]
        machine = f"{cpu_model()} ({os.cpu_count()} cores, {platform.machine()})"
        self.stdout.write(
            f"Measured {date.today():%Y-%m-%d} on {machine}, {connection.vendor}, Python "
            f"{platform.python_version()}: the annual evaluation {report.year_label} of the {profile} "
            f"profile "
            f"(seeded in {seeded:.0f} s), {report.get_layout_display()} layout, median of {len(runs)} runs"
        )
        self.stdout.write("")
        self.stdout.write("| step | seconds | notes |")
        self.stdout.write("| --- | ---: | --- |")
        self.stdout.write(f"| data gathering | {median('data'):.2f} | {last['queries']} SQL queries |")
        self.stdout.write(
            f"| HTML rendering | {median('html'):.2f} | {last['html_bytes'] / 1024:,.0f} KB of HTML |"
        )
        self.stdout.write(
            f"| PDF rendering | {median('pdf'):.2f} | {last['pages']} pages, "
            f"{last['pdf_bytes'] / 1024:,.0f} KB |"
        )
        self.stdout.write(
            f"| **total** | **{total:.2f}** | target under {TOTAL_TARGET_SECONDS} s: "
            f"{'met' if total < TOTAL_TARGET_SECONDS else 'NOT met'} |"
        )
        self.stdout.write(
            f"| WeasyPrint alone, same HTML | {alone:.2f} | total is {ratio:.2f} × (target at most "
            f"{WEASYPRINT_RATIO_TARGET} ×: {'met' if ratio <= WEASYPRINT_RATIO_TARGET else 'NOT met'}) |"
        )
        self.stdout.write(
            f"| pages | {last['pages']} | target at most ~{PAGES_TARGET}: "
            f"{'met' if last['pages'] <= PAGES_TARGET else 'NOT met'} |"
        )
        self.stdout.write(
            f"| peak memory (traced, MB) | {peak / 2**20:.1f} | Python's allocations, one more run |"
        )


def annual_report():
    """The draft annual evaluation of the last full financial year, as a clerk would prepare it."""
    from django.contrib.auth import get_user_model

    from reporting.models import CabinetReport
    from reporting.services.reports import report_create
    from reporting.services.versions import _report_for_rendering

    clerk = get_user_model().objects.create_user(username=f"bench-clerk-{time.monotonic_ns()}")
    year = financial_year_of(timezone.localdate()).previous
    report = report_create(kind=CabinetReport.Kind.ANNUAL, financial_year=year.start, by=clerk)
    return _report_for_rendering(report.pk)


def measure(report) -> dict:
    """One run of the pipeline's three steps, timed apart, then WeasyPrint alone on the same HTML."""
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        content = cabinet.report_content(report)
        gathered = time.perf_counter()
    html = cabinet.report_html(report, content, draft=True)
    rendered = time.perf_counter()
    pdf = cabinet.render_pdf(html)
    finished = time.perf_counter()
    HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)
    alone = time.perf_counter() - finished
    return {
        "data": gathered - started,
        "html": rendered - gathered,
        "pdf": finished - rendered,
        "total": finished - started,
        "weasyprint": alone,
        "queries": len(queries),
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "html_bytes": len(html.encode()),
        "pdf_bytes": len(pdf),
    }


def traced_peak(report) -> int:
    """Peak bytes Python allocated while gathering, rendering the HTML and the PDF (one traced run)."""
    tracemalloc.start()
    try:
        content = cabinet.report_content(report)
        cabinet.render_pdf(cabinet.report_html(report, content, draft=True))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
