"""External funding: bids to and grants from funders (EU programmes, the FCO, CLGF, DfID)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from intlinks.archive import Archivable, ArchivableQuerySet
from intlinks.bounds import DATE_BOUNDS, SOURCE_MAX_LENGTH, BoundedTextField, dates_in_bounds, texts_in_bounds
from intlinks.money import MONEY, MONEY_BOUNDS, amounts_in_bounds
from partnerships.models.activities import Activity
from partnerships.models.links import Partnership
from strategy.models import SOURCE_HELP


class ExternalFunding(Archivable):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        SUBMITTED = "submitted", "Submitted"
        AWARDED = "awarded", "Awarded"
        REFUSED = "refused", "Refused"
        CLOSED = "closed", "Closed"

    funder = models.CharField(max_length=200, help_text="For example, the European Commission")
    programme = models.CharField(max_length=200, help_text="For example, EU Asia-Urbs")
    title = models.CharField("project title", max_length=200, blank=True)
    bid_on = models.DateField("bid date", null=True, blank=True, validators=DATE_BOUNDS)
    amount_bid = models.DecimalField(
        "amount bid (£)", **MONEY, null=True, blank=True, validators=MONEY_BOUNDS
    )
    amount_awarded = models.DecimalField(
        "amount awarded (£)", **MONEY, null=True, blank=True, validators=MONEY_BOUNDS
    )
    awarded_on = models.DateField("date awarded", null=True, blank=True, validators=DATE_BOUNDS)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="funding")
    activities = models.ManyToManyField(Activity, blank=True, related_name="funding")
    notes = BoundedTextField(blank=True)
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)

    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[activities])

    class Meta:
        ordering = ["-bid_on", "funder", "pk"]
        verbose_name_plural = "external funding"
        constraints = [
            *texts_in_bounds("notes"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *dates_in_bounds("bid_on", "awarded_on"),
            *amounts_in_bounds("amount_bid", "amount_awarded"),
            models.CheckConstraint(
                condition=(Q(amount_bid__isnull=True) | Q(amount_bid__gte=0))
                & (Q(amount_awarded__isnull=True) | Q(amount_awarded__gte=0)),
                name="funding_amounts_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.funder}: {self.programme}"

    def get_absolute_url(self):
        return reverse("partnerships:funding_edit", args=[self.pk])

    @property
    def status_meaning(self) -> str:
        """The status's tag meaning: awarded is good, refused bad, closed grey, a bid in progress yellow."""
        return STATUS_MEANINGS.get(self.status, "warning")

    def clean(self):
        errors = {}
        if self.status in (self.Status.AWARDED, self.Status.CLOSED) and self.amount_awarded is not None:
            if not self.awarded_on:
                errors["awarded_on"] = "Enter the date it was awarded"
        if self.status in (self.Status.PLANNED, self.Status.SUBMITTED, self.Status.REFUSED):
            if self.amount_awarded:
                errors["amount_awarded"] = "Only an awarded or closed bid has an amount awarded"
        if errors:
            raise ValidationError(errors)


# How each status reads at a glance, as a tag meaning (intlinks' `{% tag %}` turns it into a colour).
STATUS_MEANINGS: dict[str, str] = {
    ExternalFunding.Status.AWARDED: "good",
    ExternalFunding.Status.REFUSED: "bad",
    ExternalFunding.Status.CLOSED: "ended",
}


class ReportingDeadline(models.Model):
    funding = models.ForeignKey(ExternalFunding, on_delete=models.PROTECT, related_name="deadlines")
    due_on = models.DateField(validators=DATE_BOUNDS)
    description = models.CharField(max_length=200)
    done = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            *dates_in_bounds("due_on"),
        ]

    def __str__(self):
        return f"{self.description} by {self.due_on:%-d %B %Y}"
