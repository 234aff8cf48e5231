"""Reads for a report's versions: the table (polled while one is being made) and one version to download
or finalise. Each runs a fixed number of queries."""

from reporting.models import CabinetReport, ReportVersion

IN_PROGRESS = (ReportVersion.Status.QUEUED, ReportVersion.Status.RENDERING, ReportVersion.Status.WAITING)


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
