"""A Cabinet report's versions: request one, render it (the job a worker runs), finalise it, supersede it.

These functions know nothing of Celery: `reporting.tasks` calls them, and so do the tests. The one
place that hands work to the queue is `_enqueue`, always after the request's transaction commits; if
the broker refuses, the version waits (`waiting`) and `report_requeue_waiting`, run by beat every
minute, hands it over once the queue is back.

A rendered version is written to a temporary file first, then saved through Django's storage API, so
that no half-written file is ever stored; a finalised version's file is never changed or deleted.
"""

import hashlib
import logging
import re
import tempfile
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import OperationalError, transaction
from django.db.models import Max
from django.utils import formats, timezone
from kombu.exceptions import OperationalError as BrokerOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError

from reporting import cabinet
from reporting.models import CabinetReport, ReportVersion
from reporting.selectors import versions as version_selectors

logger = logging.getLogger(__name__)

Status = ReportVersion.Status

# What a broker that cannot take a task raises: kombu's wrapper, redis-py's own, or the socket's.
BROKER_ERRORS = (BrokerOperationalError, RedisConnectionError, ConnectionError)

QUEUE_DOWN_MESSAGE = (
    "The queue that makes PDFs cannot be reached just now. Your request is kept: generation will start "
    "by itself when the queue is back, and this page will show it."
)
FINAL_MESSAGE = "This report is final: supersede it to make a new version"
RENDERING_STATUSES = (Status.QUEUED, Status.WAITING, Status.RENDERING)


# Requesting a version


@transaction.atomic
def report_request_generation(*, report: CabinetReport, by, as_of: datetime | None = None) -> ReportVersion:
    """Keep a request for the next version of a draft report, figures as of now, and queue its rendering
    once this transaction commits (or leave it waiting for the queue, if the broker refuses)."""
    report = CabinetReport.objects.select_for_update().get(pk=report.pk)
    if report.is_locked:
        raise ValidationError(FINAL_MESSAGE)
    return _new_version(report=report, by=by, as_of=as_of)


def _new_version(*, report: CabinetReport, by, as_of: datetime | None = None) -> ReportVersion:
    """The next number of a report whose row the caller has locked, queued after commit."""
    latest = report.versions.aggregate(latest=Max("number"))["latest"] or 0
    now = timezone.now()
    version = ReportVersion(
        report=report,
        number=latest + 1,
        status=Status.QUEUED,
        requested_by=by,
        requested_at=now,
        as_of=as_of or now,
    )
    version._history_user = by
    version.full_clean()
    version.save()
    transaction.on_commit(lambda: _enqueue(version.pk))
    return version


def _enqueue(version_id: int, *, final: bool = False) -> bool:
    """Hand the version to the queue; on a broker's refusal, mark it waiting (a version being finalised
    keeps its status and no task id, which is how beat finds it). Says whether it was queued."""
    from reporting.tasks import render_report_version  # the one place the services meet the queue

    try:
        result = (
            render_report_version.delay(version_id, final=True)
            if final
            else (render_report_version.delay(version_id))
        )
    except BROKER_ERRORS:
        logger.warning("The broker refused report version %s: it waits for the queue", version_id)
        if final:
            ReportVersion.objects.filter(pk=version_id, status=Status.FINALISING).update(task_id="")
        else:
            ReportVersion.objects.filter(pk=version_id, status=Status.QUEUED).update(status=Status.WAITING)
        return False
    ReportVersion.objects.filter(pk=version_id).update(task_id=result.id or "", sent_at=timezone.now())
    return True


# The task id a version being finalised carries while beat hands it to the queue again.
REQUEUEING = "requeueing"
# A version still queued this long after it was sent has lost its message: a Redis restarted without its
# append-only file forgets what it held. It is sent again; rendering is idempotent, so a message that was
# only slow makes the same one version (the second delivery finds it done).
LOST_AFTER = timedelta(minutes=15)


def report_requeue_waiting() -> int:
    """Hand every version waiting for the queue to it again (run by beat every minute); returns how many
    the queue took. A version is marked queued before it is sent, so that two runs never send it twice;
    a version being finalised whose task never reached the queue (no task id) likewise. A version sent
    more than LOST_AFTER ago and not started is sent again (its message may have been lost)."""
    queued = 0
    lost = ReportVersion.objects.filter(
        status__in=(Status.QUEUED, Status.FINALISING), sent_at__lt=timezone.now() - LOST_AFTER
    )
    for version_id, status in lost.order_by("sent_at").values_list("pk", "status"):
        if not lost.filter(pk=version_id).update(sent_at=timezone.now()):
            continue  # another run took it, or a worker started it
        logger.warning(
            "Report version %s was sent over %s ago and not made: sent again", version_id, LOST_AFTER
        )
        queued += _enqueue(version_id, final=status == Status.FINALISING)
    for version_id in ReportVersion.objects.filter(status=Status.WAITING).values_list("pk", flat=True):
        waiting = ReportVersion.objects.filter(pk=version_id, status=Status.WAITING)
        if not waiting.update(status=Status.QUEUED):
            continue  # another run took it
        queued += _enqueue(version_id)
    finalising = ReportVersion.objects.filter(status=Status.FINALISING, task_id="")
    for version_id in finalising.values_list("pk", flat=True):
        unsent = ReportVersion.objects.filter(pk=version_id, status=Status.FINALISING, task_id="")
        if not unsent.update(task_id=REQUEUEING):
            continue
        queued += _enqueue(version_id, final=True)
    return queued


# Rendering (the worker's job)


def report_render_version(*, version_id: int) -> ReportVersion:
    """Render a version: its content as of its moment, the public PDF and (when paragraphs are marked
    exempt) the exempt appendix, each written to a temporary file and then saved to storage.

    Idempotent: a version already done (or failed) is left alone. A database that cannot be reached
    (OperationalError) is raised for the task to retry; any other error marks the version failed, with
    the reason in plain words, and leaves no file behind.
    """
    version = _start_rendering(version_id)
    if version is None:
        return ReportVersion.objects.get(pk=version_id)
    saved: list = []
    try:
        report = _report_for_rendering(version.report_id)
        content = cabinet.report_content(report, as_of=version.as_of)
        public = cabinet.render_pdf(cabinet.report_html(report, content, draft=True))
        checksum, size = _save_pdf(version.pdf, public, version_file_name(version), saved)
        if report.exempt_keys:
            exempt = cabinet.render_pdf(cabinet.report_html(report, content, draft=True, public=False))
            _save_pdf(version.exempt_pdf, exempt, version_file_name(version, exempt=True), saved)
        return _finish(version, checksum=checksum, size=size, saved=saved)
    except OperationalError:
        _remove(saved)
        raise
    except Exception as error:
        _remove(saved)
        logger.exception("Report version %s failed", version_id)
        return _fail(version_id, failure_reason(error))


@transaction.atomic
def _start_rendering(version_id: int) -> ReportVersion | None:
    version = ReportVersion.objects.select_for_update().get(pk=version_id)
    if version.status in (Status.DONE, Status.FAILED):
        return None
    version.status, version.started_at = Status.RENDERING, timezone.now()
    version.save(update_fields=["status", "started_at"])
    return version


def _report_for_rendering(pk: int) -> CabinetReport:
    return (
        CabinetReport.objects.select_related("strategy", "partnership")
        .prefetch_related(
            "meetings", "recommendation_rows", "implication_rows", "consultation_rows", "exempt_paragraphs"
        )
        .get(pk=pk)
    )


def _save_pdf(field_file, data: bytes, name: str, saved: list) -> tuple[str, int]:
    """Write to a temporary file, then save it through the field's storage (the default storage)."""
    digest = hashlib.sha256(data).hexdigest()
    with tempfile.TemporaryFile(suffix=".pdf") as temporary:
        temporary.write(data)
        temporary.flush()
        temporary.seek(0)
        field_file.save(name, File(temporary, name=name), save=False)
    saved.append((field_file.storage, field_file.name))
    return digest, len(data)


@transaction.atomic
def _finish(version: ReportVersion, *, checksum: str, size: int, saved: list) -> ReportVersion:
    current = ReportVersion.objects.select_for_update().get(pk=version.pk)
    if current.status != Status.RENDERING:
        # Another delivery of the same task finished first: keep its files, drop ours.
        transaction.on_commit(lambda: _remove(saved))
        return current
    current.pdf, current.exempt_pdf = version.pdf.name, version.exempt_pdf.name or ""
    current.status, current.finished_at = Status.DONE, timezone.now()
    current.checksum, current.size, current.failure_reason = checksum, size, ""
    current.full_clean()
    current.save()
    return current


@transaction.atomic
def _fail(version_id: int, reason: str) -> ReportVersion:
    version = ReportVersion.objects.select_for_update().get(pk=version_id)
    if version.status == Status.DONE:
        return version
    version.status, version.finished_at = Status.FAILED, timezone.now()
    version.failure_reason = reason
    version.pdf, version.exempt_pdf, version.checksum, version.size = "", "", "", None
    version.save()
    return version


def report_version_give_up(*, version_id: int, reason: str) -> ReportVersion:
    """The task gave up retrying: the version fails with the reason, so that nobody waits for it."""
    return _fail(version_id, reason)


def _remove(saved: list) -> None:
    for storage, name in saved:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Could not remove %s after a failed rendering", name)


# A stored PDF that no version names was left by a worker killed between storing and recording it (the
# next worker renders the version again, under a name of its own). Older than this, it cannot belong to a
# rendering still running: a rendering task is stopped after six minutes (reporting.tasks).
ORPHAN_AFTER = timedelta(hours=1)
REPORTS_FOLDER = "reports"


def report_files_sweep(*, now: datetime | None = None) -> list[str]:
    """Remove the stored report PDFs that no version names, once older than ORPHAN_AFTER (beat runs it
    daily). A file any version names, now or in its history, is never touched. Returns what went."""
    now = now or timezone.now()
    named = version_selectors.named_report_files()
    removed = []
    for name in _stored_files(default_storage, REPORTS_FOLDER):
        if name in named or now - default_storage.get_modified_time(name) < ORPHAN_AFTER:
            continue
        default_storage.delete(name)
        logger.warning("Removed %s: a report PDF no version names (left by a stopped worker)", name)
        removed.append(name)
    return removed


def _stored_files(storage, folder: str):
    if not storage.exists(folder):
        return
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for inner in folders:
        yield from _stored_files(storage, f"{folder}/{inner}")


def failure_reason(error: Exception) -> str:
    """The reason a rendering failed, in words a clerk can act on."""
    if type(error).__name__ == "SoftTimeLimitExceeded":  # Celery's; named, not imported, on purpose
        return "Making the PDF took longer than the time allowed, so it was stopped. Try again later."
    detail = " ".join(error.messages) if isinstance(error, ValidationError) else str(error).strip()
    detail = detail[:500] or type(error).__name__
    return f"The PDF could not be made: {detail}"


# Finalising and superseding


CHANGED_MESSAGE = (
    "The records changed after this version was made (e.g. {what} on {when}): generate a new version, "
    "check it, then finalise"
)
FINALISING_MESSAGE = "Version {number} is being finalised: wait until its final PDF is made"


def _refuse_if_changed(version: ReportVersion, *, front_matter_until=None) -> None:
    """The final document must show what the clerk reviewed: refuse when any record the report reads,
    or its front matter, changed after the version's figures were read."""
    change = version_selectors.first_change_since(
        version.report, version.as_of, front_matter_until=front_matter_until
    )
    if change is not None:
        when = formats.date_format(timezone.localtime(change.when), "j F Y")
        raise ValidationError(CHANGED_MESSAGE.format(what=change.what, when=when), code="stale")


@transaction.atomic
def report_finalise(*, version: ReportVersion, by) -> ReportVersion:
    """Lock a done version of a draft report as the one Cabinet receives, and queue its final document
    (without the DRAFT mark) once this transaction commits; the report becomes final at once and can no
    longer be edited or generated again, only superseded. The version is "finalising" until the final
    PDF is made, then "done" with both files.

    Refused when the records the report reads (or its front matter) changed after the version's
    figures were read: the final PDF is rendered from the data as it is, so it equals the reviewed
    draft only while nothing changed."""
    version = ReportVersion.objects.select_for_update().select_related("report").get(pk=version.pk)
    report = CabinetReport.objects.select_for_update().get(pk=version.report_id)
    if report.is_locked:
        raise ValidationError("This report is already final: supersede it to make a new version")
    if version.status != Status.DONE:
        raise ValidationError(
            f"Only a version whose PDF is done can be finalised; version {version.number} is "
            f"{version.get_status_display().lower()}"
        )
    _refuse_if_changed(version)
    version.finalised_at, version.finalised_by = timezone.now(), by
    version.status, version.task_id, version.failure_reason = Status.FINALISING, "", ""
    version.sent_at = None  # sent when this transaction commits (beat must not take the draft's time)
    version._history_user = by
    version.full_clean()
    version.save()
    report.state = CabinetReport.State.FINAL
    report._history_user = by
    report.save(update_fields=["state"])
    transaction.on_commit(lambda: _enqueue(version.pk, final=True))
    return version


def report_render_final(*, version_id: int) -> ReportVersion:
    """Render a finalising version's final document: the same content as its draft, as of its moment,
    with `draft=False` (and its exempt appendix likewise), saved beside the draft files.

    Idempotent: a version that is not finalising is left alone. The guard runs before and after the
    rendering, so that a record changed meanwhile is caught. On failure the version is not finalised
    (it stays a done draft, the report a draft again) and says why; its draft files stay as they were.
    """
    version = ReportVersion.objects.select_related("report").get(pk=version_id)
    if version.status != Status.FINALISING:
        return version
    saved: list = []
    try:
        _refuse_if_changed(version, front_matter_until=version.finalised_at)
        report = _report_for_rendering(version.report_id)
        content = cabinet.report_content(report, as_of=version.as_of)
        public = cabinet.render_pdf(cabinet.report_html(report, content, draft=False))
        name = version_file_name(version, draft=False)
        checksum, size = _save_pdf(version.final_pdf, public, name, saved)
        if report.exempt_keys:
            exempt = cabinet.render_pdf(cabinet.report_html(report, content, draft=False, public=False))
            exempt_name = version_file_name(version, exempt=True, draft=False)
            _save_pdf(version.final_exempt_pdf, exempt, exempt_name, saved)
        _refuse_if_changed(version, front_matter_until=version.finalised_at)
        return _finish_final(version, checksum=checksum, size=size, saved=saved)
    except OperationalError:
        _remove(saved)
        raise
    except Exception as error:
        _remove(saved)
        logger.exception("Finalising report version %s failed", version_id)
        if isinstance(error, ValidationError):
            reason = " ".join(error.messages)
        else:
            reason = failure_reason(error)
        return report_finalise_give_up(version_id=version_id, reason=reason)


@transaction.atomic
def _finish_final(version: ReportVersion, *, checksum: str, size: int, saved: list) -> ReportVersion:
    current = ReportVersion.objects.select_for_update().get(pk=version.pk)
    if current.status != Status.FINALISING:
        transaction.on_commit(lambda: _remove(saved))  # another delivery finished first
        return current
    current.final_pdf, current.final_exempt_pdf = version.final_pdf.name, version.final_exempt_pdf.name or ""
    current.final_checksum, current.final_size = checksum, size
    current.status, current.failure_reason = Status.DONE, ""
    current._history_user = current.finalised_by
    current.full_clean()
    current.save()
    return current


@transaction.atomic
def report_finalise_give_up(*, version_id: int, reason: str) -> ReportVersion:
    """Finalising failed: the version is a done draft again with the reason, and so is the report."""
    version = ReportVersion.objects.select_for_update().get(pk=version_id)
    if version.status != Status.FINALISING:
        return version
    report = CabinetReport.objects.select_for_update().get(pk=version.report_id)
    version.status, version.finalised_at, version.finalised_by = Status.DONE, None, None
    version.failure_reason = f"Not finalised. {reason}"[:1000]
    version.final_pdf, version.final_exempt_pdf, version.final_checksum, version.final_size = "", "", "", None
    version.save()
    report.state = CabinetReport.State.DRAFT
    report.save(update_fields=["state"])
    return version


@transaction.atomic
def report_supersede(*, report: CabinetReport, by, reason: str) -> ReportVersion:
    """Reopen a final report with a new version that supersedes the finalised one, noting why. The
    finalised version and its file stay as they are; the report is a draft again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the final version is being superseded"})
    report = CabinetReport.objects.select_for_update().get(pk=report.pk)
    final = (
        ReportVersion.objects.select_for_update()
        .filter(report=report, finalised_at__isnull=False, superseded_by__isnull=True)
        .first()
    )
    if not report.is_locked or final is None:
        raise ValidationError("Only a final report can be superseded")
    if final.status == Status.FINALISING:
        raise ValidationError(FINALISING_MESSAGE.format(number=final.number))
    report.state = CabinetReport.State.DRAFT
    report._history_user = by
    report.save(update_fields=["state"])
    version = _new_version(report=report, by=by)
    final.superseded_by, final.supersede_reason = version, reason
    final._history_user = by
    final.full_clean()
    final.save(update_fields=["superseded_by", "supersede_reason"])
    return version


# Names


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def version_file_name(version: ReportVersion, *, exempt: bool = False, draft: bool | None = None) -> str:
    """A name a clerk recognises: Leicester-City-Council-annual-evaluation-2016-17-v2-DRAFT.pdf; a final
    document's name has no DRAFT (`draft` says which file; by default, whether the version is final)."""
    report = version.report
    year = f"{report.financial_year}-{(report.financial_year + 1) % 100:02d}" if report.financial_year else ""
    if report.kind == CabinetReport.Kind.ANNUAL:
        subject = f"annual-evaluation-{year}"
    elif report.kind == CabinetReport.Kind.STRATEGY:
        subject = f"strategy-evaluation-{_slug(str(report.strategy))}"
    else:
        subject = f"partnership-review-{_slug(str(report.partnership))}-{year}"
    parts = [_slug(report.council), subject, f"v{version.number}"]
    if (not version.is_finalised) if draft is None else draft:
        parts.append("DRAFT")
    if exempt:
        parts.append("EXEMPT-APPENDIX")
    return "-".join(part for part in parts if part) + ".pdf"
