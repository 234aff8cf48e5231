"""Celery tasks of the reporting app: thin wrappers that take an id and call a service."""

from celery import shared_task
from django.db import OperationalError

from reporting.models import ReportVersion
from reporting.services import reports, versions

# A report renders in seconds (issue 12: under 20 s for the large profile); the limits stop a runaway
# rendering well below Redis's one-hour visibility timeout, so that acks_late never runs it twice.
RENDER_SOFT_TIME_LIMIT = 5 * 60
RENDER_TIME_LIMIT = 6 * 60
GIVE_UP_MESSAGE = (
    "The PDF could not be made because the database could not be reached, even after several tries. "
    "Generate it again."
)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=RENDER_SOFT_TIME_LIMIT,
    time_limit=RENDER_TIME_LIMIT,
)
def render_report_version(self, version_id: int, final: bool = False) -> str:
    """Render a Cabinet report's version to PDF (idempotent); returns its status. With `final`, the
    version being finalised gets its final document, without the DRAFT mark."""
    render = versions.report_render_final if final else versions.report_render_version
    try:
        return render(version_id=version_id).status
    except ReportVersion.DoesNotExist:
        return "gone"
    except OperationalError:
        if self.request.retries >= self.max_retries:
            give_up = versions.report_finalise_give_up if final else versions.report_version_give_up
            give_up(version_id=version_id, reason=GIVE_UP_MESSAGE)
        raise


@shared_task
def report_requeue_waiting() -> int:
    """Run by beat every minute: hand the versions that waited for the queue to it again."""
    return versions.report_requeue_waiting()


@shared_task
def report_files_sweep() -> int:
    """Run by beat daily: remove report PDFs a killed worker stored but never recorded."""
    return len(versions.report_files_sweep())


@shared_task
def report_prepare_annual_evaluation() -> int | None:
    """Run by beat on 1 April: the draft annual evaluation of the year just closed, and the clerks told."""
    report = reports.report_prepare_annual_evaluation()
    return report.pk if report is not None else None
