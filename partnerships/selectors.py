"""Reads that decide how many queries a page makes. Each page's data comes from one function here."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DateField,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from partnerships.models import (
    Activity,
    AnnualReview,
    Appraisal,
    ConductPolicy,
    Cost,
    ExternalFunding,
    Gift,
    LogframeRow,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Place,
    ReportingDeadline,
    StatusChange,
)
from partnerships.services import safeguarding_missing
from strategy.financial_years import FinancialYear, start_month
from strategy.models import Objective, WayForward

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
            Prefetch("activities", queryset=Activity.objects.exclude(state=Activity.State.CANCELLED)),
            Prefetch(
                "gifts",
                queryset=Gift.objects.filter(direction=Gift.Direction.GIVEN).order_by("-given_on", "pk"),
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
    by: str = ""
    url: str = ""


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


# The activity log.

MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)
ZERO_MONEY = Value(Decimal("0.00"))


def _count_of(queryset) -> Subquery:
    return Coalesce(
        Subquery(queryset.order_by().values("activity").annotate(n=Count("pk")).values("n")[:1]),
        Value(0),
    )


def with_activity_totals(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """Annotate each activity's total cost in pounds and its breaches still needing attention.

    Subqueries rather than joins, so a filter on the objectives (a many-to-many) cannot multiply sums.
    """
    own = {"activity": OuterRef("pk")}
    total = (
        Cost.objects.filter(**own)
        .order_by()
        .values("activity")
        .annotate(total=Sum("amount_gbp"))
        .values("total")
    )
    return queryset.annotate(
        total_gbp=Coalesce(Subquery(total[:1]), Value(Decimal("0.00")), output_field=MONEY_FIELD),
        unresolved_breaches=_count_of(Cost.objects.unresolved().filter(**own))
        + _count_of(Gift.objects.unresolved().filter(**own)),
    )


def activity_list() -> QuerySet[Activity]:
    """Every activity with its link's place, total cost and unresolved breaches: a fixed number of queries."""
    return with_activity_totals(Activity.objects.select_related("partnership__place")).prefetch_related(
        "objectives"
    )


def activity_detail(pk: int) -> Activity:
    """One activity with its costs, evidence, gifts and funding, in a fixed number of queries."""
    return (
        with_activity_totals(Activity.objects.all())
        .select_related("partnership__place", "action", "recorded_by")
        .prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            Prefetch("ways_forward", queryset=WayForward.objects.select_related("objective")),
            Prefetch(
                "costs",
                queryset=Cost.objects.select_related("budget_line__budget", "recorded_by", "approved_by"),
            ),
            "evidence",
            Prefetch("gifts", queryset=Gift.objects.select_related("recorded_by", "approved_by")),
            "funding",
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class Attention:
    costs: list
    gifts: list
    unready_youth_activities: list
    deadlines: list


def needs_attention(*, today: date | None = None) -> Attention:
    """What officers must act on: unresolved breaches, youth activities not ready, near deadlines."""
    today = today or timezone.localdate()
    costs = Cost.objects.unresolved().select_related("activity__partnership__place", "recorded_by")
    gifts = Gift.objects.unresolved().select_related("partnership__place", "recorded_by")
    youth = (
        Activity.objects.filter(state=Activity.State.PLANNED, ends_on__gte=today)
        .filter(Q(kind=Activity.Kind.YOUTH_EXCHANGE) | Q(young_people__gt=0))
        .select_related("partnership__place")
        .prefetch_related("evidence")
        .order_by("starts_on")
    )
    deadlines = (
        ReportingDeadline.objects.filter(done=False, due_on__lte=today + timedelta(days=60))
        .select_related("funding__partnership__place")
        .order_by("due_on")
    )
    return Attention(
        costs=list(costs.order_by("incurred_on", "pk")),
        gifts=list(gifts.order_by("given_on", "pk")),
        unready_youth_activities=[a for a in youth if safeguarding_missing(a)],
        deadlines=list(deadlines),
    )


def _policies() -> list[ConductPolicy]:
    return list(ConductPolicy.objects.order_by("-in_force_from"))


def policy_among(policies: list[ConductPolicy], day: date) -> ConductPolicy | None:
    """The policy in force on `day` among `policies` (newest first): one query for a whole list."""
    return next((policy for policy in policies if policy.in_force_from <= day), None)


def gift_register() -> tuple[QuerySet[Gift], list[ConductPolicy]]:
    """Gifts with their link and activity, each with the 12-month total of gifts from its source.

    The total counts gifts received from the same source (same name) in the 12 months up to the gift.
    """
    same_source = (
        Gift.objects.filter(
            counterparty__iexact=OuterRef("counterparty"),
            direction=Gift.Direction.RECEIVED,
            given_on__lte=OuterRef("given_on"),
            given_on__gt=OuterRef("year_before"),
        )
        .order_by()
        .annotate(group=Value(1))
        .values("group")
        .annotate(total=Sum("value"))
        .values("total")
    )
    gifts = (
        Gift.objects.select_related("partnership__place", "activity")
        .annotate(
            year_before=ExpressionWrapper(F("given_on") - timedelta(days=365), output_field=DateField())
        )
        .annotate(
            source_total=Coalesce(Subquery(same_source[:1]), Value(Decimal("0.00")), output_field=MONEY_FIELD)
        )
        .order_by("-given_on", "-pk")
    )
    return gifts, _policies()


def funding_list() -> QuerySet[ExternalFunding]:
    return (
        ExternalFunding.objects.select_related("partnership__place")
        .prefetch_related("activities", "deadlines")
        .order_by("-bid_on", "funder", "pk")
    )


@dataclass(frozen=True)
class Leverage:
    year: FinancialYear
    external: Decimal
    council: Decimal

    @property
    def per_council_pound(self) -> Decimal | None:
        """External pounds per council pound, to the penny; None when the council spent nothing."""
        if not self.council:
            return None
        return (self.external / self.council).quantize(Decimal("0.01"))


def _by_financial_year(queryset, date_field: str, amount_field: str) -> dict[int, Decimal]:
    # The financial year of a date: its calendar year, less one before the council's first month.
    year = ExtractYear(date_field) - Case(
        When(**{f"{date_field}__month__lt": start_month()}, then=Value(1)), default=Value(0)
    )
    rows = queryset.annotate(fy=year).values("fy").annotate(total=Sum(amount_field)).order_by()
    return {row["fy"]: row["total"] for row in rows}


def leverage_by_year() -> list[Leverage]:
    """External money awarded and the council's own spending (actual costs it paid), per financial year.

    An award counts in the year of its award date; the council's money in the year of each cost.
    """
    external = _by_financial_year(
        ExternalFunding.objects.filter(
            status__in=[ExternalFunding.Status.AWARDED, ExternalFunding.Status.CLOSED],
            amount_awarded__isnull=False,
            awarded_on__isnull=False,
        ),
        "awarded_on",
        "amount_awarded",
    )
    council = _by_financial_year(
        Cost.objects.filter(paid_by=Cost.PaidBy.COUNCIL, stage=Cost.Stage.ACTUAL), "incurred_on", "amount_gbp"
    )
    zero = Decimal("0.00")
    return [
        Leverage(FinancialYear(start), external.get(start, zero), council.get(start, zero))
        for start in sorted(set(external) | set(council), reverse=True)
    ]
