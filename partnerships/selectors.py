"""Reads that decide how many queries a page makes. Each page's data comes from one function here."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from partnerships.models import (
    AnnualReview,
    Appraisal,
    LogframeRow,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Place,
    StatusChange,
)

LIVE_LINK = ~Q(partnerships__status="ended")


def partnership_list() -> QuerySet[Partnership]:
    """Every link with its place, lead officer, themes and drift flag: a fixed number of queries."""
    return (
        Partnership.objects.with_drift()
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
        .select_related("place", "lead_officer")
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
    kind: str  # "status", "agreement", "review"; the activity log adds its own
    title: str
    detail: str
    by: str = ""


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _status_entries(partnership: Partnership) -> list[TimelineEntry]:
    entries = []
    for change in partnership.status_changes.all():
        title = (
            f"Recorded as {change.get_to_status_display().lower()}"
            if not change.from_status
            else f"Status changed from {change.get_from_status_display().lower()} "
            f"to {change.get_to_status_display().lower()}"
        )
        entries.append(
            TimelineEntry(change.changed_on, "status", title, change.reason, _name(change.changed_by))
        )
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
        entries.append(
            TimelineEntry(review.reviewed_on, "review", title, review.outcomes, _name(review.reviewer))
        )
    return entries


# The activity log adds its own entry builder here, reading a prefetched relation of the link.
TIMELINE_SOURCES = [_status_entries, _agreement_entries, _review_entries]


def partnership_timeline(*, partnership: Partnership) -> list[TimelineEntry]:
    """Status changes, agreements and reviews of a link, newest first, from its prefetched relations."""
    entries = [entry for source in TIMELINE_SOURCES for entry in source(partnership)]
    return sorted(entries, key=lambda entry: entry.on, reverse=True)


def places_for_map() -> QuerySet[Place]:
    """Partner places with coordinates, with the number of their links that have not ended."""
    return (
        Place.objects.filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(live_links=Count("partnerships", filter=LIVE_LINK))
        .order_by("name")
    )


def place_list() -> QuerySet[Place]:
    return Place.objects.annotate(
        link_count=Count("partnerships"), live_links=Count("partnerships", filter=LIVE_LINK)
    ).order_by("name")


def organisation_list() -> QuerySet[Organisation]:
    """Local organisations with their contacts and the links they take part in."""
    return Organisation.objects.prefetch_related(
        "contacts",
        Prefetch(
            "partnership_roles",
            queryset=PartnershipOrganisation.objects.select_related("partnership__place"),
        ),
    ).order_by("name")
