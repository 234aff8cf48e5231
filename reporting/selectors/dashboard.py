"""Reads for the working-party members' dashboard: one financial year's figures and the data of its charts.

Everything is counted and summed by the database, in a fixed number of queries whatever the size of the
register. Each figure carries the date of the latest record behind it and the address of the filtered
list that shows exactly its records, so that a member can check any number in one click.

Definitions, where the issue was silent (docs/adr/0012-the-members-dashboard.md):
- an activity counts in the financial year of its start date, as the activity list's year filter does;
  a cancelled activity is not counted (it did not happen), but its costs are spend, as on the budget page;
- spend is the budget page's (`strategy.selectors.budget_summary`), for the year's budget;
- funding and leverage are the funding page's (`partnerships.selectors.leverage_by_year`);
- live links, drifting links and breaches awaiting approval describe today, whatever year is shown.
"""

import operator
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial, reduce
from urllib.parse import urlencode

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.urls import reverse
from django.utils import timezone

from intlinks.money import ZERO
from partnerships.filters import NOT_CANCELLED
from partnerships.models import Activity, Cost, ExternalFunding, Gift, Partnership, Place, StatusChange
from partnerships.models.links import LIVE_STATUSES
from partnerships.selectors import AWARDED, grant_year, leverage_by_year
from strategy.financial_years import FinancialYear, financial_year_expression, financial_year_of
from strategy.models import Action, ActionPlan, Budget, Objective, ProgressUpdate, Rag, Strategy
from strategy.models.action_plans import NOT_RATED
from strategy.selectors import RAG_ORDER, BudgetSummary, budget_summary
from strategy.spending import spending_by_line

PEOPLE_LABELS = {
    "councillors": "Councillors",
    "officers": "Officers",
    "young_people": "Young people",
    "community_members": "Community members",
    "businesses": "Businesses",
}
RAG_LABELS = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", NOT_RATED: "Not rated yet"}


@dataclass(frozen=True)
class Figure:
    """One headline number: what it counts, the latest record behind it, and the list that shows them."""

    label: str
    value: int | Decimal
    latest: date | None = None
    url: str = ""


@dataclass(frozen=True)
class Spend:
    """The year's budget against its committed and spent amounts (the budget page's own summary)."""

    summary: BudgetSummary
    latest: date | None
    url: str

    @property
    def allocated(self) -> Decimal:
        return self.summary.total_allocated

    @property
    def committed(self) -> Decimal:
        return self.summary.total_committed

    @property
    def spent(self) -> Decimal:
        return self.summary.total_spent

    @property
    def remaining(self) -> Decimal:
        return self.summary.total_remaining


@dataclass(frozen=True)
class Funding:
    awarded: Figure  # money awarded in the year, its number of awards in `count`
    count: int
    council_spent: Decimal
    per_council_pound: Decimal | None  # leverage; None when the council spent nothing


@dataclass(frozen=True)
class YearTrend:
    year: FinancialYear
    budget: Decimal | None  # None: no budget recorded for the year
    spent: Decimal | None  # None: no budget, so nothing charged to one
    external: Decimal | None  # external funding awarded in the year; None for a year to come without any
    activities: int | None  # None for a year to come with nothing planned


@dataclass(frozen=True)
class Dashboard:
    year: FinancialYear
    years: list[FinancialYear]  # what the year selector offers: every year with data, and this one
    has_data: bool
    strategy: Strategy | None  # the strategy in force for the year
    # What happened in the year
    activities: Figure
    activities_by_kind: list[Figure]
    people: list[tuple[str, int]]
    people_total: int
    spend: Spend | None  # None: no budget for the year
    spend_by_month: list[tuple[date, Decimal, Decimal]]  # month, spent, committed
    funding: Funding
    actions_by_rag: list[Figure]
    actions_latest: date | None
    action_plan_url: str
    activity_by_objective: list[tuple[str, int]]
    activity_by_partnership: list[tuple[str, int]]
    places: list[Place]  # with coordinates and `activity_count` > 0
    trend: list[YearTrend]
    # Today's state, whatever the year
    live_links: Figure
    drifting: Figure
    breaches: Figure
    grants: "Grants"


@dataclass(frozen=True)
class Grants:
    """Grants to local organisations charged to the year's budget: decided (approved or declined) and paid."""

    decided: Figure
    awarded: Figure  # its value is the amount approved
    declined: int
    paid: Figure  # its value is the amount paid
    paid_count: int


def _url(name: str, *args, **query) -> str:
    address = reverse(name, args=args)
    return f"{address}?{urlencode(query)}" if query else address


def _latest(*dates) -> date | None:
    known = [day for day in dates if day is not None]
    return max(known, default=None)


def _in_year(year: FinancialYear, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_on__gte": year.first_day, f"{prefix}starts_on__lte": year.last_day})


def _counted_activities(year: FinancialYear):
    """The year's activities that count: current, started in the year, and not cancelled."""
    return Activity.objects.current().filter(_in_year(year)).exclude(state=Activity.State.CANCELLED)


def _first_activity_of_each_year():
    """The years between the first and the last activity, each as a subquery naming one activity of
    that year (or none): two index look-ups a year, never a read of every activity (one query)."""
    current = Activity.objects.current().order_by()
    span = current.aggregate(first=Min("starts_on"), last=Max("starts_on"))
    if span["first"] is None:
        return []
    years = range(financial_year_of(span["first"]).start, financial_year_of(span["last"]).start + 1)
    return [Subquery(current.filter(_in_year(FinancialYear(start))).values("pk")[:1]) for start in years]


def years_with_data() -> set[int]:
    """Every financial year (start year) with an activity, a budget, an action plan or an award: two
    queries, the first and last activity's dates, then one activity of each year between and the rest."""
    firsts = _first_activity_of_each_year()
    activities = (
        Activity.objects.filter(reduce(operator.or_, (Q(pk=first) for first in firsts), Q(pk__in=[])))
        .annotate(fy=financial_year_expression("starts_on"))
        .values_list("fy")
    )
    budgets = Budget.objects.current().values_list("financial_year")
    plans = ActionPlan.objects.filter(strategy__archived_at__isnull=True).values_list("financial_year")
    awards = (
        ExternalFunding.objects.current()
        .filter(awarded_on__isnull=False)
        .annotate(fy=financial_year_expression("awarded_on"))
        .values_list("fy")
    )
    union = activities.order_by().union(budgets.order_by(), plans.order_by(), awards.order_by())
    return {start for (start,) in union}


def strategy_in_force(year: FinancialYear) -> Strategy | None:
    """The current strategy covering the year, an adopted one before a draft, the latest first."""
    preference = Case(
        When(status=Strategy.Status.ADOPTED, then=Value(0)),
        When(status=Strategy.Status.DRAFT, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        Strategy.objects.current()
        .filter(first_year__lte=year.start, last_year__gte=year.start)
        .order_by(preference, "-first_year", "pk")
        .first()
    )


def _activity_figures(year: FinancialYear):
    people = {name: Coalesce(Sum(name), 0) for name in PEOPLE_LABELS}
    kinds = {
        f"{prefix}_{kind}": aggregate("starts_on" if prefix == "latest" else "pk", filter=Q(kind=kind))
        for kind in Activity.Kind.values
        for prefix, aggregate in (("count", Count), ("latest", Max))
    }
    totals = (
        _counted_activities(year)
        .annotate(has_objective=Exists(Activity.objectives.through.objects.filter(activity=OuterRef("pk"))))
        .aggregate(
            total=Count("pk"),
            latest=Max("starts_on"),
            without_objective=Count("pk", filter=Q(has_objective=False)),
            **people,
            **kinds,
        )
    )
    query = {"financial_year": year.start, "state": NOT_CANCELLED}
    activities = Figure(
        "Activities", totals["total"], totals["latest"], _url("partnerships:activities", **query)
    )
    by_kind = [
        Figure(
            label,
            totals[f"count_{kind}"],
            totals[f"latest_{kind}"],
            _url("partnerships:activities", **query, kind=kind),
        )
        for kind, label in Activity.Kind.choices
        if totals[f"count_{kind}"]
    ]
    people_rows = [(label, totals[name]) for name, label in PEOPLE_LABELS.items()]
    return activities, by_kind, people_rows, totals["without_objective"]


def _spend(year: FinancialYear, *, by_month: bool = True):
    budget = Budget.objects.current().filter(financial_year=year.start).first()
    if budget is None:
        return None, []
    summary = budget_summary(budget_id=budget.pk)
    if not by_month:
        return Spend(summary, None, budget.get_absolute_url()), []
    # The same costs as the budget page sums (every current cost charged to the budget's lines), by month.
    rows = (
        Cost.objects.current()
        .filter(budget_line__budget=budget)
        .annotate(month=TruncMonth("incurred_on"))
        .values("month")
        .annotate(
            spent=Coalesce(Sum("amount_gbp", filter=Q(stage=Cost.Stage.ACTUAL)), ZERO),
            committed=Coalesce(Sum("amount_gbp", filter=Q(stage=Cost.Stage.PLANNED)), ZERO),
            latest=Max("incurred_on"),
        )
        .order_by()
    )
    by_month = {_month_start(row["month"]): row for row in rows}
    months = []
    for offset in range(12):
        index = year.first_day.month - 1 + offset
        month = date(year.start + index // 12, index % 12 + 1, 1)
        row = by_month.get(month, {})
        months.append((month, row.get("spent", ZERO), row.get("committed", ZERO)))
    latest = _latest(*(row["latest"] for row in by_month.values()))
    return Spend(summary, latest, budget.get_absolute_url()), months


def _month_start(value) -> date:
    return value.date() if hasattr(value, "date") else value


def _funding(year: FinancialYear, leverage) -> Funding:
    awards = (
        ExternalFunding.objects.current()
        .filter(AWARDED, awarded_on__gte=year.first_day, awarded_on__lte=year.last_day)
        .aggregate(count=Count("pk"), latest=Max("awarded_on"))
    )
    this_year = next((row for row in leverage if row.year == year), None)
    awarded = this_year.external if this_year else ZERO
    figure = Figure(
        "External funding secured",
        awarded,
        awards["latest"],
        _url("partnerships:funding", awarded_in=year.start),
    )
    return Funding(
        figure,
        awards["count"],
        this_year.council if this_year else ZERO,
        this_year.per_council_pound if this_year else None,
    )


def _actions(year: FinancialYear, strategy: Strategy | None):
    plans = list(
        ActionPlan.objects.filter(financial_year=year.start, strategy__archived_at__isnull=True).order_by(
            "pk"
        )
    )
    if not plans:
        return [], None, ""
    chosen = next((plan for plan in plans if strategy and plan.strategy_id == strategy.pk), plans[0])
    counts = Counter(
        {
            row["current_rag"]: row["n"]
            for row in Action.objects.filter(action_plan=chosen)
            .with_progress()
            .order_by()
            .values("current_rag")
            .annotate(n=Count("pk"))
        }
    )
    latest = ProgressUpdate.objects.filter(action__action_plan=chosen).aggregate(latest=Max("recorded_at"))
    latest_day = timezone.localdate(latest["latest"]) if latest["latest"] else None
    url = chosen.get_absolute_url()
    figures = [Figure(RAG_LABELS[rag], counts[rag], None, url) for rag in RAG_ORDER]
    return figures, latest_day, url


def _activity_by_objective(year: FinancialYear, strategy: Strategy | None, without: int):
    if strategy is None:
        return []
    objectives = (
        Objective.objects.filter(strategy=strategy)
        .annotate(n=_count_per(_counted_activities(year), "objectives"))
        .order_by("number")
    )
    rows = [(f"{objective.number}. {objective.title}", objective.n) for objective in objectives]
    return [*rows, ("No objective recorded", without)] if rows or without else []


def _count_per(activities, outer: str):
    """The number of `activities` per row of the outer query (their `outer` field is its pk), as a
    subquery: each row counts its own year's activities from an index, rather than a join counting
    every activity of every year through a filter."""
    counts = activities.filter(**{outer: OuterRef("pk")}).order_by().values(outer).annotate(n=Count("pk"))
    return Coalesce(Subquery(counts.values("n")[:1]), 0, output_field=IntegerField())


def _activity_by_partnership(year: FinancialYear):
    links = (
        Partnership.objects.current()
        .select_related("place")
        .annotate(n=_count_per(_counted_activities(year), "partnership"))
        .filter(n__gt=0)
        .order_by("-n", "place__name", "pk")
    )
    return [(str(link), link.n) for link in links]


def _places(year: FinancialYear) -> list[Place]:
    of_current_links = _counted_activities(year).filter(partnership__archived_at__isnull=True)
    return list(
        Place.objects.current()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(activity_count=_count_per(of_current_links, "partnership__place"))
        .filter(activity_count__gt=0)
        .order_by("-activity_count", "name")
    )


def strategy_trend(strategy: Strategy | None, leverage) -> list[YearTrend]:
    """Budget, spend and activities for every year of the strategy in force (2 + one per source queries)."""
    if strategy is None:
        return []
    years = strategy.years
    budgets = {
        budget.financial_year: budget
        for budget in Budget.objects.current()
        .filter(financial_year__gte=years[0].start, financial_year__lte=years[-1].start)
        .prefetch_related("lines")
    }
    lines = [line for budget in budgets.values() for line in budget.lines.all()]
    spending = spending_by_line(budget_lines=lines)
    counts = {
        row["fy"]: row["n"]
        for row in Activity.objects.current()
        .exclude(state=Activity.State.CANCELLED)
        .filter(starts_on__gte=years[0].first_day, starts_on__lte=years[-1].last_day)
        .annotate(fy=financial_year_expression("starts_on"))
        .values("fy")
        .annotate(n=Count("pk"))
        .order_by()
    }
    external = {row.year.start: row.external for row in leverage}
    this_year = current_year()
    trend = []
    for year in years:
        # A year yet to begin with nothing planned is a gap in the trend, not a fall to zero.
        to_come = year.start > this_year.start
        budget = budgets.get(year.start)
        spent = sum((spending[line.pk].spent for line in budget.lines.all()), ZERO) if budget else None
        trend.append(
            YearTrend(
                year,
                budget.controllable_total if budget else None,
                spent,
                external.get(year.start, None if to_come else ZERO),
                counts.get(year.start, None if to_come else 0),
            )
        )
    return trend


def _today_figures() -> tuple[Figure, Figure, Figure]:
    # One query for both: the live links, each with its latest status change, and the drifting ones.
    latest_change = StatusChange.objects.filter(partnership=OuterRef("pk")).order_by("-changed_on")
    links = list(
        Partnership.objects.current()
        .with_drift()
        .filter(Q(status__in=LIVE_STATUSES) | Q(drifting=True))
        .annotate(latest_change=Subquery(latest_change.values("changed_on")[:1]))
        .values("status", "drifting", "latest_change", "last_reviewed_on", "last_activity_on")
    )
    live_links = [link for link in links if link["status"] in LIVE_STATUSES]
    live = {"n": len(live_links), "latest": _latest(*(link["latest_change"] for link in live_links))}
    drifting = [(link["last_reviewed_on"], link["last_activity_on"]) for link in links if link["drifting"]]
    costs = Cost.objects.unresolved().aggregate(n=Count("pk"), latest=Max("incurred_on"))
    gifts = Gift.objects.unresolved().aggregate(n=Count("pk"), latest=Max("given_on"))
    return (
        Figure("Live links", live["n"], live["latest"], _url("partnerships:list", live="yes")),
        Figure(
            "Drifting links",
            len(drifting),
            _latest(*(day for pair in drifting for day in pair)),
            _url("partnerships:list", drifting="yes"),
        ),
        Figure(
            "Breaches awaiting justification or approval",
            costs["n"] + gifts["n"],
            _latest(costs["latest"], gifts["latest"]),
            _url("partnerships:attention"),
        ),
    )


def _grants(year: FinancialYear) -> Grants:
    totals = grant_year(financial_year=year.start)
    listed = partial(_url, "partnerships:grants", financial_year=year.start)
    return Grants(
        decided=Figure(
            "Grant applications decided", totals.decided, totals.last_decided_on, listed(decision="decided")
        ),
        awarded=Figure(
            "Grants approved", totals.amount_awarded, totals.last_decided_on, listed(decision="awarded")
        ),
        declined=totals.declined,
        paid=Figure("Grants paid", totals.amount_paid, totals.last_paid_on, listed(decision="paid")),
        paid_count=totals.paid,
    )


def current_year() -> FinancialYear:
    return financial_year_of(timezone.localdate())


def dashboard(*, year: FinancialYear) -> Dashboard:
    """Every figure and chart's data for `year`, in a fixed number of queries."""
    with_data = years_with_data()
    offered = sorted(with_data | {current_year().start}, reverse=True)
    strategy = strategy_in_force(year)
    # Leverage for the year shown and the strategy's years (the trend) only: not every cost ever paid.
    leverage = leverage_by_year(
        years={year.start, *(each.start for each in (strategy.years if strategy else []))}
    )
    activities, by_kind, people, without_objective = _activity_figures(year)
    spend, by_month = _spend(year)
    funding = _funding(year, leverage)
    actions, actions_latest, plan_url = _actions(year, strategy)
    live_links, drifting, breaches = _today_figures()
    return Dashboard(
        year=year,
        years=[FinancialYear(start) for start in offered],
        has_data=year.start in with_data,
        strategy=strategy,
        activities=activities,
        activities_by_kind=by_kind,
        people=people,
        people_total=sum(count for _, count in people),
        spend=spend,
        spend_by_month=by_month,
        funding=funding,
        actions_by_rag=actions,
        actions_latest=actions_latest,
        action_plan_url=plan_url,
        activity_by_objective=_activity_by_objective(year, strategy, without_objective),
        activity_by_partnership=_activity_by_partnership(year),
        places=_places(year),
        trend=strategy_trend(strategy, leverage),
        live_links=live_links,
        drifting=drifting,
        breaches=breaches,
        grants=_grants(year),
    )


@dataclass(frozen=True)
class Headlines:
    """A year's headline figures without the charts (the meeting papers' summary of the dashboard): the
    same figures as the dashboard's, by the same functions, attribute for attribute."""

    year: FinancialYear
    activities: Figure
    people_total: int
    spend: Spend | None
    funding: Funding
    actions_by_rag: list[Figure]
    live_links: Figure
    drifting: Figure
    breaches: Figure
    grants: Grants


def headline_figures(*, year: FinancialYear) -> Headlines:
    """The dashboard's headline figures for `year`, in a fixed number of queries (fewer than the whole
    dashboard: no year selector, charts, map or trend)."""
    activities, _, people, _ = _activity_figures(year)
    spend, _ = _spend(year, by_month=False)
    actions, _, _ = _actions(year, strategy_in_force(year))
    live_links, drifting, breaches = _today_figures()
    return Headlines(
        year=year,
        activities=activities,
        people_total=sum(count for _, count in people),
        spend=spend,
        funding=_funding(year, leverage_by_year(years=[year.start])),
        actions_by_rag=actions,
        live_links=live_links,
        drifting=drifting,
        breaches=breaches,
        grants=_grants(year),
    )
