"""Reads for the links register: the list, a link's page and its timeline."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from partnerships.models import (
    Activity,
    AnnualReview,
    Appraisal,
    Gift,
    LogframeRow,
    Partnership,
    PartnershipOrganisation,
    StatusChange,
)


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
            Prefetch("appraisals", queryset=Appraisal.objects.select_related("appraiser")),
            "contacts",
            Prefetch(
                "activities", queryset=Activity.objects.current().exclude(state=Activity.State.CANCELLED)
            ),
            Prefetch(
                "gifts",
                queryset=Gift.objects.current()
                .filter(direction=Gift.Direction.GIVEN)
                .order_by("-given_on", "pk"),
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
class TimelineEntry:
    on: date
    kind: str  # "status", "agreement", "review", "activity"
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


def _activity_entries(partnership: Partnership) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            activity.starts_on,
            "activity",
            f"{activity.get_kind_display()}: {activity.title}",
            activity.outcomes or activity.purpose,
            url=activity.get_absolute_url(),
        )
        for activity in partnership.activities.all()
    ]


# Each builder reads a prefetched relation of the link.
TIMELINE_SOURCES = [_status_entries, _agreement_entries, _review_entries, _activity_entries]


def partnership_timeline(*, partnership: Partnership) -> list[TimelineEntry]:
    """Status changes, agreements, reviews and activities of a link, newest first (prefetched)."""
    entries = [entry for source in TIMELINE_SOURCES for entry in source(partnership)]
    return sorted(entries, key=lambda entry: entry.on, reverse=True)
