"""Reads for the links register: the list, a link's page and its timeline."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, Count, IntegerField, Prefetch, QuerySet, Sum, Value, When

from intlinks.money import ZERO
from partnerships.models import (
    Activity,
    AnnualReview,
    Appraisal,
    Cost,
    Gift,
    LogframeRow,
    Partnership,
    PartnershipOrganisation,
    StatusChange,
)
from strategy.financial_years import FinancialYear, financial_year_expression

# A link's page lists its latest activities only: a busy link logs a thousand over twenty years. The
# rest are a click away, in the activity list filtered to the link, and counted by year on the page.
RECENT_ACTIVITIES = 10
# Likewise the gifts given to the partner: the latest, and the register filtered to the link for the rest.
RECENT_GIFTS = 20


def partnership_list() -> QuerySet[Partnership]:
    """Every current link with its place, lead officer, themes and drift flag: a fixed number of queries."""
    return (
        Partnership.objects.current()
        .with_drift()
        .select_related("place", "lead_officer")
        .prefetch_related("themes")
        .order_by("place__name", "kind", "pk")
    )


def partnership_detail(pk: int) -> Partnership:
    """One link with everything its page shows, fetched in a fixed number of queries."""
    logframe_order = Case(
        *[When(level=level, then=Value(rank)) for level, rank in LogframeRow.LEVEL_ORDER.items()],
        output_field=IntegerField(),
    )
    return (
        Partnership.objects.with_drift()
        .select_related("place", "lead_officer", "archived_by")
        .prefetch_related(
            "themes",
            Prefetch(
                "organisation_roles",
                queryset=PartnershipOrganisation.objects.select_related("organisation"),
            ),
            Prefetch("status_changes", queryset=StatusChange.objects.select_related("changed_by")),
            "agreements",
            Prefetch("reviews", queryset=AnnualReview.objects.select_related("reviewer")),
            Prefetch("appraisals", queryset=Appraisal.objects.select_related("appraiser", "accepted_by")),
            "contacts",
            Prefetch(
                "activities",
                queryset=Activity.objects.current()
                .exclude(state=Activity.State.CANCELLED)
                .order_by("-starts_on", "-pk")[:RECENT_ACTIVITIES],
                to_attr="recent_activities",
            ),
            Prefetch(
                "gifts",
                queryset=Gift.objects.current()
                .filter(direction=Gift.Direction.GIVEN)
                .order_by("-given_on", "-pk")[:RECENT_GIFTS],
                to_attr="recent_gifts_given",
            ),
            Prefetch(
                "logframe_rows",
                queryset=LogframeRow.objects.annotate(level_rank=logframe_order).order_by(
                    "level_rank", "position", "pk"
                ),
            ),
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class ActivityYear:
    """A financial year of one link's activity log: how many activities began in it (cancelled ones
    left out) and what all its activities cost, in pounds."""

    year: FinancialYear
    activities: int
    cost_gbp: Decimal


@dataclass(frozen=True)
class ActivityLog:
    """A link's whole activity log in figures: its years, newest first, and the totals over them."""

    years: list[ActivityYear]

    @property
    def activities(self) -> int:
        return sum(year.activities for year in self.years)

    @property
    def cost_gbp(self) -> Decimal:
        return sum((year.cost_gbp for year in self.years), ZERO)


def activity_years(*, partnership: Partnership) -> ActivityLog:
    """A link's activities and their costs per financial year of the activity's start, newest year
    first: counted and summed by the database, in two queries whatever the length of the log."""
    counts = dict(
        Activity.objects.current()
        .filter(partnership=partnership)
        .exclude(state=Activity.State.CANCELLED)
        .annotate(fy=financial_year_expression("starts_on"))
        .values("fy")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("fy", "n")
    )
    costs = dict(
        Cost.objects.current()
        .filter(activity__partnership=partnership, activity__archived_at__isnull=True)
        .annotate(fy=financial_year_expression("activity__starts_on"))
        .values("fy")
        .annotate(total=Sum("amount_gbp"))
        .order_by()
        .values_list("fy", "total")
    )
    return ActivityLog(
        [
            ActivityYear(FinancialYear(start), counts.get(start, 0), costs.get(start) or ZERO)
            for start in sorted(set(counts) | set(costs), reverse=True)
        ]
    )


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    kind: str  # "status", "agreement", "review", "appraisal", "activity"
    title: str
    detail: str
    by: AbstractBaseUser | None = None  # shown with |person_name
    url: str = ""


def _status_entries(partnership: Partnership) -> list[TimelineEntry]:
    entries = []
    for change in partnership.status_changes.all():
        title = (
            f"Recorded as {change.get_to_status_display().lower()}"
            if not change.from_status
            else f"Status changed from {change.get_from_status_display().lower()} "
            f"to {change.get_to_status_display().lower()}"
        )
        entries.append(TimelineEntry(change.changed_on, "status", title, change.reason, change.changed_by))
    return entries


def _agreement_entries(partnership: Partnership) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            agreement.signed_on, "agreement", f"{agreement.get_kind_display()} signed", agreement.signatories
        )
        for agreement in partnership.agreements.all()
    ]


def _review_entries(partnership: Partnership) -> list[TimelineEntry]:
    entries = []
    for review in partnership.reviews.all():
        title = f"Annual review: {review.get_rag_display()}, {review.get_decision_display().lower()}"
        entries.append(TimelineEntry(review.reviewed_on, "review", title, review.outcomes, review.reviewer))
    return entries


def _appraisal_entries(partnership: Partnership) -> list[TimelineEntry]:
    """Kent's appraisal of a prospective link, and its acceptance (which formalised the link)."""
    entries = []
    for appraisal in partnership.appraisals.all():
        verdict = "meets the criteria" if appraisal.meets_criteria else "does not meet every criterion"
        title = f"Appraised: {appraisal.criteria_score} out of 12, {verdict}"
        detail = f"{appraisal.get_recommendation_display()}: {appraisal.recommendation_reason}"
        entries.append(TimelineEntry(appraisal.appraised_on, "appraisal", title, detail, appraisal.appraiser))
        if appraisal.accepted_on:
            entries.append(
                TimelineEntry(
                    appraisal.accepted_on, "appraisal", "Appraisal accepted", "", appraisal.accepted_by
                )
            )
    return entries


def _activity_entries(partnership: Partnership) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            activity.starts_on,
            "activity",
            f"{activity.get_kind_display()}: {activity.title}",
            activity.outcomes or activity.purpose,
            url=activity.get_absolute_url(),
        )
        for activity in partnership.recent_activities
    ]


# Each builder reads a prefetched relation of the link.
TIMELINE_SOURCES = [
    _status_entries,
    _agreement_entries,
    _review_entries,
    _appraisal_entries,
    _activity_entries,
]


def partnership_timeline(*, partnership: Partnership) -> list[TimelineEntry]:
    """Status changes, agreements, reviews, appraisals and the latest activities of a link, newest first
    (prefetched)."""
    entries = [entry for source in TIMELINE_SOURCES for entry in source(partnership)]
    return sorted(entries, key=lambda entry: entry.on, reverse=True)
