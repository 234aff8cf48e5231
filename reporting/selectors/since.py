"""What changed between two dates, for the working-party member reading before a meeting.

Each kind of change is a short list (the first `SHOWN`, oldest first) with how many there are in all,
two queries a kind, so the page makes the same number of queries whatever the period holds.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from partnerships.models import (
    Activity,
    ActivityStateChange,
    AnnualReview,
    Cost,
    Gift,
    GrantApplication,
    Meeting,
    StatusChange,
)
from partnerships.models.approvals import FLAGGED
from partnerships.selectors.grants import DECIDED
from strategy.models import ProgressUpdate, Rag

# The default period looks back this many days from today.
DEFAULT_DAYS = 90
# Items listed under each heading; the rest are counted.
SHOWN = 25


def last_meeting(*, today: date) -> Meeting | None:
    """The latest working-party meeting held before today (a meeting today is the one being read for)."""
    return Meeting.objects.filter(held_on__lt=today).order_by("-held_on", "-pk").first()


def default_period(*, today: date | None = None) -> tuple[date, date, Meeting | None]:
    """The period the page opens on: from the day of the last meeting held (its own decisions included)
    to today; the last 90 days when no meeting has been held. Returns the meeting too, to name it."""
    today = today or timezone.localdate()
    meeting = last_meeting(today=today)
    start = meeting.held_on if meeting else today - timedelta(days=DEFAULT_DAYS)
    return start, today, meeting


def during(field: str, start: date, end: date) -> Q:
    """`field` (a date and time) falls on a day from `start` to `end`, both included, in the council's
    time zone: what `field__date__range` means, written as a range of instants that the field's index
    serves (a `__date` lookup casts every row before comparing, so it reads them all)."""
    zone = timezone.get_current_timezone()
    condition = Q(**{f"{field}__gte": datetime.combine(start, time.min, tzinfo=zone)})
    if end < date.max:
        condition &= Q(**{f"{field}__lt": datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)})
    return condition


@dataclass(frozen=True)
class Changes:
    items: list
    count: int

    @property
    def more(self) -> int:
        return self.count - len(self.items)


def _listed(queryset: QuerySet) -> Changes:
    return Changes(items=list(queryset[:SHOWN]), count=queryset.count())


@dataclass(frozen=True)
class SinceSummary:
    start: date
    end: date
    new_activities: Changes
    completed_activities: Changes
    status_changes: Changes
    reviews: Changes
    costs_approved: Changes
    gifts_approved: Changes
    actions_turned_red: Changes
    grants_decided: Changes

    @property
    def is_empty(self) -> bool:
        return not any(
            changes.count
            for changes in (
                self.new_activities,
                self.completed_activities,
                self.status_changes,
                self.reviews,
                self.costs_approved,
                self.gifts_approved,
                self.actions_turned_red,
                self.grants_decided,
            )
        )


def actions_turned_red(*, start: date, end: date) -> QuerySet[ProgressUpdate]:
    """Progress updates in the period rating their action red when the update before was not red
    (or there was none): the moment an action turned red, not every red update after it."""
    before = ProgressUpdate.objects.filter(action=OuterRef("action")).filter(
        Q(recorded_at__lt=OuterRef("recorded_at"))
        | Q(recorded_at=OuterRef("recorded_at"), pk__lt=OuterRef("pk"))
    )
    return (
        ProgressUpdate.objects.filter(during("recorded_at", start, end), rag=Rag.RED)
        .annotate(previous_rag=Subquery(before.order_by("-recorded_at", "-pk").values("rag")[:1]))
        .filter(Q(previous_rag__isnull=True) | ~Q(previous_rag=Rag.RED))
        .select_related("action__action_plan", "recorded_by")
        .order_by("recorded_at", "pk")
    )


def grants_decided(*, start: date, end: date) -> QuerySet[GrantApplication]:
    """Applications approved or declined at a meeting held in the period, in the order decided."""
    return (
        GrantApplication.objects.current()
        .filter(state__in=DECIDED, meeting__held_on__gte=start, meeting__held_on__lte=end)
        .select_related("organisation", "meeting")
        .order_by("meeting__held_on", "decided_at", "pk")
    )


def changes_since(*, start: date, end: date) -> SinceSummary:
    """Every kind of change between `start` and `end`, both days included (fixed queries: two a kind).

    An activity is new on the day it was recorded (its first history row), whatever its dates;
    completed on the day it was marked complete. A breach is approved on its approval's date.
    """
    recorded = Activity.history.filter(during("history_date", start, end), history_type="+").values("id")
    new_activities = (
        Activity.objects.current()
        .filter(pk__in=recorded)
        .select_related("partnership__place")
        .order_by("starts_on", "pk")
    )
    completed = (
        ActivityStateChange.objects.filter(
            during("changed_at", start, end),
            to_state=Activity.State.COMPLETE,
            activity__archived_at__isnull=True,
        )
        .select_related("activity__partnership__place", "changed_by")
        .order_by("changed_at", "pk")
    )
    status_changes = (
        StatusChange.objects.filter(changed_on__gte=start, changed_on__lte=end)
        .select_related("partnership__place", "changed_by")
        .order_by("changed_on", "recorded_at", "pk")
    )
    reviews = (
        AnnualReview.objects.filter(reviewed_on__gte=start, reviewed_on__lte=end)
        .select_related("partnership__place", "reviewer")
        .order_by("reviewed_on", "pk")
    )
    approved = {"approved_on__gte": start, "approved_on__lte": end}
    costs = (
        Cost.objects.filter(FLAGGED, **approved)
        .select_related("activity__partnership__place", "approved_by")
        .order_by("approved_on", "pk")
    )
    gifts = (
        Gift.objects.filter(FLAGGED, **approved)
        .select_related("partnership__place", "approved_by")
        .order_by("approved_on", "pk")
    )
    return SinceSummary(
        start=start,
        end=end,
        new_activities=_listed(new_activities),
        completed_activities=_listed(completed),
        status_changes=_listed(status_changes),
        reviews=_listed(reviews),
        costs_approved=_listed(costs),
        gifts_approved=_listed(gifts),
        actions_turned_red=_listed(actions_turned_red(start=start, end=end)),
        grants_decided=_listed(grants_decided(start=start, end=end)),
    )
