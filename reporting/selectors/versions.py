"""Reads for a report's versions: the table (polled while one is being made) and one version to download
or finalise. Each runs a fixed number of queries."""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps

from reporting.models import (
    CabinetReport,
    Consultation,
    ExemptParagraph,
    Recommendation,
    ReportImplication,
    ReportMeeting,
    ReportVersion,
)

IN_PROGRESS = (
    ReportVersion.Status.QUEUED,
    ReportVersion.Status.RENDERING,
    ReportVersion.Status.WAITING,
    ReportVersion.Status.FINALISING,
)
# The apps whose records a report reads (its body), besides its own front matter.
RECORD_APPS = ("strategy", "partnerships")
# The report's own front matter: the report's row and the rows it holds (each by its report).
FRONT_MATTER_MODELS = (ReportMeeting, Recommendation, ReportImplication, Consultation, ExemptParagraph)


@dataclass(frozen=True)
class Change:
    """The first change recorded after a moment: what kind of record, and when."""

    what: str  # "a cost", "the report's front matter"
    when: datetime


def record_histories() -> list:
    """The django-simple-history tables of the records a report reads (strategy and partnerships)."""
    return [
        model
        for app in RECORD_APPS
        for model in apps.get_app_config(app).get_models()
        # A many-to-many history row hangs off its record's history row, which carries the date.
        if model.__name__.startswith("Historical")
        and any(field.name == "history_date" for field in model._meta.fields)
    ]


def _a(name: str) -> str:
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def first_change_since(
    report: CabinetReport, as_of: datetime, *, front_matter_until: datetime | None = None
) -> Change | None:
    """The earliest change to the records `report` reads, or to its front matter, recorded after
    `as_of`; None when nothing changed. One query per history table (a fixed number).

    `front_matter_until` ignores the report's own changes from that moment on: finalising itself
    records the report's new state, after which the front matter is locked."""
    changes = []
    for history in record_histories():
        when = _first_after(history.objects.all(), as_of)
        if when is not None:
            changes.append(Change(_a(str(history.instance_type._meta.verbose_name)), when))
    front = [CabinetReport.history.filter(id=report.pk)]
    front += [model.history.filter(report_id=report.pk) for model in FRONT_MATTER_MODELS]
    for queryset in front:
        if front_matter_until is not None:
            queryset = queryset.filter(history_date__lt=front_matter_until)
        when = _first_after(queryset, as_of)
        if when is not None:
            changes.append(Change("the report's front matter", when))
    return min(changes, key=lambda change: change.when, default=None)


def _first_after(queryset, as_of: datetime) -> datetime | None:
    return (
        queryset.filter(history_date__gt=as_of)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )


def version_rows():
    """Versions with the people the table names."""
    return ReportVersion.objects.select_related("requested_by", "finalised_by")


def report_versions(report_pk: int) -> tuple[CabinetReport, list[ReportVersion]]:
    """The report (raises CabinetReport.DoesNotExist) and its versions, the latest first."""
    report = CabinetReport.objects.get(pk=report_pk)
    return report, list(version_rows().filter(report=report).order_by("-number"))


def report_version(report_pk: int, number: int) -> ReportVersion:
    """One version with its report and what the report is about, for its file's name
    (raises ReportVersion.DoesNotExist)."""
    return ReportVersion.objects.select_related(
        "report__strategy", "report__partnership__place", "requested_by", "finalised_by"
    ).get(report_id=report_pk, number=number)


def in_progress(versions: list[ReportVersion]) -> bool:
    """Whether a version is still to be made: the page then asks for the table again every 2 seconds."""
    return any(version.status in IN_PROGRESS for version in versions)


FILE_FIELDS = ("pdf", "exempt_pdf", "final_pdf", "final_exempt_pdf")


def named_report_files() -> set[str]:
    """Every stored file a version names, now or in its history (two queries)."""
    names = set()
    for rows in (ReportVersion.objects.all(), ReportVersion.history.all()):
        for row in rows.values_list(*FILE_FIELDS):
            names.update(name for name in row if name)
    return names
