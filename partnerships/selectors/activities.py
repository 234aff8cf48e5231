"""Reads for the activity log: activities with their totals, and what needs an officer's attention."""

import operator
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import reduce

from django.db.models import (
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from intlinks.csv_export import in_batches
from intlinks.money import MONEY_FIELD, ZERO_MONEY
from intlinks.versions import in_words
from partnerships.models import (
    Activity,
    ActivityStateChange,
    Cost,
    ExternalFunding,
    Gift,
    Place,
    ReportingDeadline,
)
from strategy.models import Objective, WayForward


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
        Cost.objects.current()
        .filter(**own)
        .order_by()
        .values("activity")
        .annotate(total=Sum("amount_gbp"))
        .values("total")
    )
    return queryset.annotate(
        total_gbp=Coalesce(Subquery(total[:1]), ZERO_MONEY, output_field=MONEY_FIELD),
        unresolved_breaches=_count_of(Cost.objects.unresolved().filter(**own))
        + _count_of(Gift.objects.unresolved().filter(**own)),
    )


# Council spend, as the budget page counts "spent": the actual costs the council paid (planned costs
# are commitments, not spend; a partner's or a grant's are not the council's), current ones only.
COUNCIL_SPEND = Q(paid_by=Cost.PaidBy.COUNCIL, stage=Cost.Stage.ACTUAL)


def council_spend_of(activities: QuerySet[Activity]) -> Decimal:
    """The council spend on the given activities, summed by the database in one query (a filtered
    list's total: a join on objectives in the filter cannot count a cost twice)."""
    spend = Cost.objects.current().filter(COUNCIL_SPEND, activity__in=activities.order_by().values("pk"))
    return spend.aggregate(total=Coalesce(Sum("amount_gbp"), ZERO_MONEY))["total"]


def activity_list() -> QuerySet[Activity]:
    """Every current activity with its link's place, total cost and unresolved breaches: a fixed number
    of queries."""
    activities = Activity.objects.current().select_related("partnership__place")
    return with_activity_totals(activities).prefetch_related("objectives")


def activity_detail(pk: int) -> Activity:
    """One activity with its costs, evidence, gifts and funding, in a fixed number of queries."""
    return (
        with_activity_totals(Activity.objects.all())
        .select_related("partnership__place", "action", "recorded_by", "archived_by")
        .prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            Prefetch("ways_forward", queryset=WayForward.objects.select_related("objective")),
            Prefetch(
                "costs",
                queryset=Cost.objects.current().select_related(
                    "budget_line__budget",
                    "recorded_by",
                    "approved_by",
                    "justified_by",
                    "repayment_recorded_by",
                ),
            ),
            Prefetch("state_changes", queryset=ActivityStateChange.objects.select_related("changed_by")),
            "evidence",
            Prefetch(
                "gifts",
                queryset=Gift.objects.current().select_related("recorded_by", "approved_by", "justified_by"),
            ),
            Prefetch("funding", queryset=ExternalFunding.objects.current()),
        )
        .get(pk=pk)
    )


# "Needs attention" lists the oldest unresolved breaches, with how many there are in all: a backlog of
# thousands (a large council's twenty years) must not make the page unreadable or slow.
ATTENTION_SHOWN = 50


@dataclass(frozen=True)
class Attention:
    costs: list  # the oldest ATTENTION_SHOWN
    gifts: list  # likewise
    unready_activities: list  # planned, travelling or with young people, still lacking the gate
    deadlines: list
    cost_count: int = 0  # every unresolved breach, shown or not
    gift_count: int = 0
    shown: int = ATTENTION_SHOWN


def needs_attention(*, today: date | None = None) -> Attention:
    """What officers must act on: unresolved breaches, activities not ready to travel, near deadlines."""
    today = today or timezone.localdate()
    costs = Cost.objects.unresolved().select_related("activity__partnership__place", "recorded_by")
    gifts = Gift.objects.unresolved().select_related("partnership__place", "recorded_by")
    gated = (
        Activity.objects.current()
        .filter(state=Activity.State.PLANNED, ends_on__gte=today)
        .filter(Q(kind__in=Activity.TRAVELLING_KINDS) | Q(young_people__gt=0))
        .select_related("partnership__place")
        .prefetch_related("evidence")
        .order_by("starts_on")
    )
    deadlines = (
        ReportingDeadline.objects.filter(
            done=False, due_on__lte=today + timedelta(days=60), funding__archived_at__isnull=True
        )
        .select_related("funding__partnership__place")
        .order_by("due_on")
    )
    return Attention(
        costs=list(costs.order_by("incurred_on", "pk")[:ATTENTION_SHOWN]),
        gifts=list(gifts.order_by("given_on", "pk")[:ATTENTION_SHOWN]),
        unready_activities=[activity for activity in gated if activity.readiness_missing()],
        deadlines=list(deadlines),
        cost_count=Cost.objects.unresolved().count(),
        gift_count=Gift.objects.unresolved().count(),
        shown=ATTENTION_SHOWN,
    )


@dataclass(frozen=True)
class HistoryEntry:
    """One saved change of an activity or of one of its costs, as the activity page lists it."""

    at: datetime
    by: object  # the user, or None for the demonstration data and scripts
    subject: str
    changes: list[str]


HISTORY_LENGTH = 20
# Bookkeeping columns of a history row, and values that say nothing to a reader.
_NOT_SHOWN = {"id", "activity", "recorded_by", "amount_changed_on", "justified_on", "source"}


def _shown(field, value) -> str:
    text = in_words(field, value)
    return text if len(text) <= 60 else text[:57] + "…"


def _changes(model, old, new) -> list[str]:
    """What differs between two history rows of one record, field by field, in the field's own words."""
    changes = []
    for field in model._meta.concrete_fields:
        if field.name in _NOT_SHOWN:
            continue
        before, after = getattr(old, field.attname), getattr(new, field.attname)
        if before == after:
            continue
        label = str(field.verbose_name).capitalize()
        if field.is_relation:
            changes.append(f"{label} changed")
        else:
            changes.append(f"{label}: {_shown(field, before)} → {_shown(field, after)}")
    return changes


def _entries(model, records, subject) -> list[HistoryEntry]:
    entries, previous = [], {}
    for record in records:
        old = previous.get(record.id)
        if record.history_type == "+":
            changes = ["Created"]
        elif record.history_type == "-":
            changes = ["Removed"]
        else:
            changes = _changes(model, old, record) if old is not None else ["Changed"]
        previous[record.id] = record
        if changes:
            entries.append(HistoryEntry(record.history_date, record.history_user, subject(record), changes))
    return entries


def activity_history(activity: Activity) -> list[HistoryEntry]:
    """The latest changes of an activity and of its costs (amounts, approvals, state), newest first, from
    their audit history, in two queries whatever their number."""
    activity_records = Activity.history.filter(id=activity.pk).select_related("history_user")
    cost_records = Cost.history.filter(activity_id=activity.pk).select_related("history_user")
    entries = _entries(
        Activity, activity_records.order_by("history_date", "history_id"), lambda record: "The activity"
    ) + _entries(
        Cost,
        cost_records.order_by("history_date", "history_id"),
        lambda record: f"Cost {record.id} ({record.get_category_display().lower()})",
    )
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries[:HISTORY_LENGTH]


def activity_export_rows(activities: QuerySet[Activity]) -> Iterator[dict]:
    """`activities` (the list's queryset, filtered) as plain rows for the CSV, in its order, read in
    chunks: the activity's own columns, `participant_count`, the list's totals, and what a chunk reads
    in one query each: its link's `place` (as the place names itself) and `objectives`, their numbers.

    Values rather than model instances: building 100,000 activities with their link and place took
    most of a 50-second export.
    """
    participants = reduce(operator.add, (F(name) for name in Activity.PARTICIPANT_FIELDS))
    rows = activities.prefetch_related(None).values(
        "id",
        "title",
        "kind",
        "starts_on",
        "ends_on",
        "state",
        "total_gbp",
        "unresolved_breaches",
        place_id=F("partnership__place"),
        participant_count=participants,
    )
    for chunk in in_batches(rows):
        places = _place_names({row["place_id"] for row in chunk})
        objectives = _objective_numbers([row["id"] for row in chunk])
        for row in chunk:
            row["place"] = places[row["place_id"]]
            row["objectives"] = objectives.get(row["id"], [])
            yield row


def _place_names(place_ids: set[int]) -> dict[int, str]:
    return {place.pk: str(place) for place in Place.objects.filter(pk__in=place_ids)}


def _objective_numbers(activity_ids: list[int]) -> dict[int, list[int]]:
    """The numbers of each activity's strategic objectives, in order, for the activities named."""
    links = (
        Activity.objectives.through.objects.filter(activity_id__in=activity_ids)
        .order_by("objective__number", "objective_id")
        .values_list("activity_id", "objective__number")
    )
    numbers: dict[int, list[int]] = {}
    for activity_id, number in links:
        numbers.setdefault(activity_id, []).append(number)
    return numbers
