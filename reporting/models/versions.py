"""A generated version of a Cabinet report: the PDF (and its exempt appendix) as of a moment, who
asked and when, its checksum, and whether it is the finalised version Cabinet received.

A finalised version is never changed or deleted; it is superseded by a newer one, with the reason.
The database keeps at most one finalised version per report that has not been superseded.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from intlinks.bounds import BoundedTextField, texts_in_bounds
from reporting.models.reports import CabinetReport

VERSION_STATUSES = ["queued", "rendering", "done", "failed", "waiting", "finalising"]


def _user(verbose_name: str, *, null: bool = True):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=null,
        blank=null,
        editable=False,
        related_name="+",
    )


class ReportVersion(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RENDERING = "rendering", "Rendering"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        WAITING = "waiting", "Waiting for the queue"
        FINALISING = "finalising", "Finalising"

    report = models.ForeignKey(CabinetReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    failure_reason = BoundedTextField(blank=True, help_text="What went wrong, in plain words")
    requested_by = _user("requested by")
    requested_at = models.DateTimeField()
    as_of = models.DateTimeField("figures as of", help_text="The moment the data was read")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to="reports/%Y/", blank=True, max_length=255)
    exempt_pdf = models.FileField(upload_to="reports/exempt/%Y/", blank=True, max_length=255)
    checksum = models.CharField("SHA-256", max_length=64, blank=True)
    size = models.PositiveBigIntegerField("size in bytes", null=True, blank=True)
    # The final document (no DRAFT mark), rendered when the version is finalised from the same data as
    # the reviewed draft above, which is kept beside it.
    final_pdf = models.FileField(upload_to="reports/final/%Y/", blank=True, max_length=255)
    final_exempt_pdf = models.FileField(upload_to="reports/final/exempt/%Y/", blank=True, max_length=255)
    final_checksum = models.CharField("final SHA-256", max_length=64, blank=True)
    final_size = models.PositiveBigIntegerField("final size in bytes", null=True, blank=True)
    finalised_at = models.DateTimeField(null=True, blank=True)
    finalised_by = _user("finalised by")
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="supersedes"
    )
    supersede_reason = BoundedTextField("why it was superseded", blank=True)
    task_id = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(
        "handed to the queue",
        null=True,
        blank=True,
        help_text="When its rendering was last sent to the queue",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "-number"]
        permissions = [("finalise_reportversion", "Can finalise or supersede a Cabinet report's version")]
        constraints = [
            *texts_in_bounds("failure_reason", "supersede_reason"),
            models.CheckConstraint(
                condition=Q(status__in=VERSION_STATUSES), name="reportversion_status_known"
            ),
            models.UniqueConstraint(fields=["report", "number"], name="reportversion_number_once"),
            models.CheckConstraint(condition=Q(number__gte=1), name="reportversion_number_from_one"),
            models.CheckConstraint(
                condition=Q(checksum="") | Q(checksum__regex=r"^[0-9a-f]{64}$"),
                name="reportversion_checksum_is_sha256",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | (~Q(pdf="") & ~Q(checksum="") & Q(size__isnull=False)),
                name="reportversion_done_has_file",
            ),
            models.CheckConstraint(
                condition=~Q(status="failed") | ~Q(failure_reason=""),
                name="reportversion_failed_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(final_checksum="") | Q(final_checksum__regex=r"^[0-9a-f]{64}$"),
                name="reportversion_final_checksum_is_sha256",
            ),
            models.CheckConstraint(
                condition=Q(finalised_at__isnull=True, finalised_by__isnull=True)
                | Q(
                    status__in=["done", "finalising"],
                    finalised_at__isnull=False,
                    finalised_by__isnull=False,
                ),
                name="reportversion_finalised_only_when_done",
            ),
            models.CheckConstraint(
                condition=~Q(status="finalising") | Q(finalised_at__isnull=False),
                name="reportversion_finalising_is_finalised",
            ),
            models.CheckConstraint(
                condition=(Q(final_pdf="") & Q(final_exempt_pdf="") & Q(final_checksum=""))
                | (Q(finalised_at__isnull=False) & ~Q(final_pdf="") & ~Q(final_checksum="")),
                name="reportversion_final_file_only_when_finalised",
            ),
            models.CheckConstraint(
                condition=Q(superseded_by__isnull=True)
                | (Q(finalised_at__isnull=False) & ~Q(supersede_reason="")),
                name="reportversion_superseded_is_finalised_with_reason",
            ),
            models.CheckConstraint(
                condition=Q(superseded_by__isnull=True) | ~Q(superseded_by=models.F("pk")),
                name="reportversion_not_superseded_by_itself",
            ),
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(finalised_at__isnull=False, superseded_by__isnull=True),
                name="reportversion_one_current_final",
                violation_error_message="The report already has a finalised version: supersede it instead",
            ),
        ]

    def __str__(self):
        return f"{self.report} – version {self.number}"

    @property
    def is_finalised(self) -> bool:
        return self.finalised_at is not None

    @property
    def has_final_file(self) -> bool:
        """Whether the final document (without the DRAFT mark) is made: finalising is over."""
        return bool(self.final_pdf) and self.status == self.Status.DONE

    @property
    def is_current_final(self) -> bool:
        return self.finalised_at is not None and self.superseded_by_id is None
