"""Meetings of the Overseas Links Working Party: who was present, the agenda and its decisions, minutes.

A grant application is decided at a meeting (`partnerships.services.grants.grant_decide`): the meeting
must have happened, have the application on its agenda, and the member recording the decision must be
among the members present.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from intlinks.bounds import DATE_BOUNDS, BoundedTextField, dates_in_bounds, texts_in_bounds
from partnerships.models.grants import GrantApplication
from partnerships.models.links import Partnership
from strategy.fields import FinancialYearField, financial_years_in_bounds

DEFAULT_TITLE = "Overseas Links Working Party"


class Meeting(models.Model):
    held_on = models.DateField("date held", validators=DATE_BOUNDS)
    title = models.CharField(max_length=200, default=DEFAULT_TITLE)
    members_present = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="meetings_attended",
        help_text="Working party members at the meeting",
    )
    minutes = BoundedTextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(m2m_fields=[members_present])

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [*dates_in_bounds("held_on"), *texts_in_bounds("minutes")]

    def __str__(self):
        return f"{self.title}, {self.held_on:%-d %B %Y}"

    @property
    def has_happened(self) -> bool:
        """Decisions are recorded only at a meeting that has taken place (today or before)."""
        return self.held_on <= timezone.localdate()


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        GRANT = "grant", "A grant application"
        REVIEW = "review", "A link's review"
        DASHBOARD = "dashboard", "The dashboard for a financial year"
        OTHER = "other", "Any other business"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200, blank=True, help_text="Optional for a grant, a link or a year")
    grant_application = models.ForeignKey(
        GrantApplication, on_delete=models.PROTECT, null=True, blank=True, related_name="agenda_items"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, null=True, blank=True, related_name="agenda_items"
    )
    financial_year = FinancialYearField(null=True, blank=True)
    notes = BoundedTextField("decision or notes", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [
            *texts_in_bounds("notes"),
            *financial_years_in_bounds("financial_year"),
            models.CheckConstraint(
                condition=Q(kind="grant", grant_application__isnull=False)
                | (~Q(kind="grant") & Q(grant_application__isnull=True)),
                name="agenda_grant_item_names_application",
            ),
            models.CheckConstraint(
                condition=Q(kind="review", partnership__isnull=False)
                | (~Q(kind="review") & Q(partnership__isnull=True)),
                name="agenda_review_item_names_link",
            ),
            models.CheckConstraint(
                condition=Q(kind="dashboard", financial_year__isnull=False)
                | (~Q(kind="dashboard") & Q(financial_year__isnull=True)),
                name="agenda_dashboard_item_names_year",
            ),
            models.UniqueConstraint(
                fields=["meeting", "grant_application"], name="agenda_grant_once_per_meeting"
            ),
        ]

    def __str__(self):
        return self.heading

    @property
    def heading(self) -> str:
        if self.title:
            return self.title
        if self.kind == self.Kind.GRANT and self.grant_application_id:
            return f"Grant application: {self.grant_application}"
        if self.kind == self.Kind.REVIEW and self.partnership_id:
            return f"Review of the link with {self.partnership.place}"
        if self.kind == self.Kind.DASHBOARD and self.financial_year:
            from strategy.financial_years import FinancialYear

            return f"The dashboard for {FinancialYear(self.financial_year).label}"
        return self.get_kind_display()
