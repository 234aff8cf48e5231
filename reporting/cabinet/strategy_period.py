"""The full evaluation of a strategy over its whole period (Kent's "full evaluation of the success of the
strategy at the end of the four year period"): each year side by side, then the state at the end.

A strategy runs for at most ten years, so the per-year reads below stay a fixed number of queries for
any amount of data.
"""

from collections import Counter, defaultdict

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from intlinks.money import ZERO, ZERO_MONEY
from partnerships.models import Activity, Gift
from partnerships.selectors import grant_year, leverage_by_year
from reporting.cabinet.annual import (
    indicators_section,
    objectives_section,
    overseas_assistance_text,
    partnerships_section,
)
from reporting.cabinet.content import Content, Paragraph, Section, Table
from reporting.cabinet.wording import count, day, figure, listing, money
from reporting.charts import MONEY, Series, grouped_bar_chart
from reporting.selectors.dashboard import RAG_LABELS, strategy_trend
from strategy.financial_years import financial_year_expression
from strategy.models import Action, Budget, Objective
from strategy.selectors import RAG_ORDER, budget_summary, indicator_rows


def build(report, *, as_of) -> Content:
    strategy = report.strategy
    years = strategy.years
    missing: list[str] = []
    aims = listing(strategy.aim_list) if strategy.aim_list else ""
    scope = (
        f"This report evaluates {strategy.title} over its whole period, {strategy.period_label}"
        + (f", adopted by Cabinet on {day(strategy.adopted_on)}" if strategy.adopted_on else "")
        + (f". Its aims: {aims}." if aims else ".")
        + f" The figures are those recorded on {day(as_of.date())}."
    )
    sections = [Section("scope", "Scope of this evaluation", [Paragraph("scope.period", scope)])]
    with_plan = set(strategy.action_plans.values_list("financial_year", flat=True))
    sections.append(_action_plans(strategy, years, with_plan, missing))
    final = next((y for y in reversed(years) if y.start in with_plan), years[-1])
    latest = objectives_section(final, strategy, [])
    latest.title = f"Progress on the objectives at the end of {final.label}"
    latest.key = "objectives.final"
    for paragraph in latest.paragraphs:
        paragraph.key = paragraph.key.replace("objectives.", "objectives.final.", 1)
    sections.append(latest)
    sections.append(_indicators(strategy, years, missing))
    sections.append(_activity(strategy, years))
    sections.append(_finance(strategy, years, missing))
    sections.append(_grants_and_gifts(years))
    sections.append(partnerships_section(years[-1]))
    heading = f"Evaluation of {strategy.title}, {strategy.period_label}"
    return Content(heading, sections, missing, as_of)


def _action_plans(strategy, years, with_plan: set[int], missing) -> Section:
    rows = (
        Action.objects.filter(action_plan__strategy=strategy)
        .with_progress()
        .order_by()
        .values("action_plan__financial_year", "current_rag")
        .annotate(n=Count("pk"))
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        counts[row["action_plan__financial_year"]][row["current_rag"]] = row["n"]
    table_rows = []
    for year in years:
        if year.start not in with_plan:
            missing.append(f"No action plan is recorded for {year.label}")
            table_rows.append([year.label, *["–"] * len(RAG_ORDER), "No action plan"])
            continue
        found = counts[year.start]
        table_rows.append([year.label, *[f"{found[rag]:,}" for rag in RAG_ORDER], f"{sum(found.values()):,}"])
    lacking = [year.label for year in years if year.start not in with_plan]
    text = (
        f"Each year of the strategy had an annual action plan, except {listing(lacking)}."
        if lacking
        else "Each year of the strategy had an annual action plan."
    ) + " The table counts each plan's actions by their latest rating."
    table = Table(
        "Actions by rating, each year of the strategy",
        ["Financial year", *[RAG_LABELS[rag] for rag in RAG_ORDER], "Actions"],
        table_rows,
        numeric=frozenset(range(1, len(RAG_ORDER) + 2)),
    )
    return Section("plans", "Annual action plans", [Paragraph("plans.by_year", text, table=table)])


def _indicators(strategy, years, missing) -> Section:
    rows = indicator_rows(strategy=strategy)
    if not rows:
        return indicators_section(years[-1], strategy, missing)
    table_rows = [
        [
            str(row.indicator),
            *[f"{figure(c.target)} / {figure(c.actual)}" if c else "–" for _, c in row.year_cells],
        ]
        for row in rows
    ]
    table = Table(
        "Indicators: target / actual each year",
        ["Indicator", *[year.label for year in years]],
        table_rows,
        numeric=frozenset(range(1, len(years) + 1)),
    )
    text = (
        f"{strategy.title} measures its success by {count(len(rows), 'indicator')}; "
        "each cell gives the target, then the actual."
    )
    return Section("indicators", "Indicators", [Paragraph("indicators.table", text, table=table)])


def _activity(strategy, years) -> Section:
    objectives = list(Objective.objects.filter(strategy=strategy).order_by("number"))
    cells = {
        (row["fy"], row["objectives"]): row["n"]
        for row in Activity.objects.current()
        .exclude(state=Activity.State.CANCELLED)
        .filter(starts_on__gte=years[0].first_day, starts_on__lte=years[-1].last_day)
        .annotate(fy=financial_year_expression("starts_on"))
        .values("fy", "objectives")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    }
    totals = Counter()
    for (fy, _), n in cells.items():
        totals[fy] += n
    rows = [[year.label, *[f"{cells.get((year.start, o.pk), 0):,}" for o in objectives]] for year in years]
    table = Table(
        "Activities by objective, each year of the strategy",
        ["Financial year", *[f"Obj. {o.number}" for o in objectives]],
        rows,
        numeric=frozenset(range(1, len(objectives) + 1)),
    )
    text = "Activities (not cancelled) each year under each objective: " + listing(
        [f"{o.number}. {o.title}" for o in objectives]
    )
    return Section(
        "activity",
        "International activity each year",
        [Paragraph("activity.by_year", text + ".", table=table)],
    )


def _finance(strategy, years, missing) -> Section:
    trend = strategy_trend(strategy, leverage_by_year())
    chart = grouped_bar_chart(
        title=f"Budget, spend and external funding by year, {strategy.period_label}",
        labels=[row.year.label for row in trend],
        series=[
            Series("Budget", [row.budget for row in trend]),
            Series("Spent", [row.spent for row in trend]),
            Series("External funding", [row.external for row in trend]),
        ],
        unit=MONEY,
        label_heading="Financial year",
    )
    spent = sum((row.spent or 0 for row in trend), ZERO)
    budget = sum((row.budget or 0 for row in trend), ZERO)
    external = sum((row.external for row in trend), ZERO)
    text = (
        f"Over the period the budgets recorded came to {money(budget)}, of which {money(spent)} was spent; "
        f"external funding of {money(external)} was awarded."
    )
    paragraphs = [Paragraph("finance.by_year", text, chart=chart)]
    budgets = {
        b.financial_year: b.pk
        for b in Budget.objects.current().filter(financial_year__in=[y.start for y in years])
    }
    checks = []
    for year in years:
        if year.start not in budgets:
            missing.append(f"No budget is recorded for {year.label}")
            checks.append(f"{year.label}: no budget recorded.")
        else:
            checks.append(
                f"{year.label}: {overseas_assistance_text(budget_summary(budget_id=budgets[year.start]))}"
            )
    paragraphs.append(
        Paragraph("finance.overseas_assistance", "The overseas assistance limit, year by year:", items=checks)
    )
    return Section("finance", "Finance", paragraphs)


def _grants_and_gifts(years) -> Section:
    grant_rows = []
    for year in years:
        totals = grant_year(financial_year=year.start)
        grant_rows.append(
            [year.label, f"{totals.decided:,}", money(totals.amount_awarded), money(totals.amount_paid)]
        )
    grants = Table(
        "Grants to associations each year",
        ["Financial year", "Decided", "Approved", "Paid"],
        grant_rows,
        numeric=frozenset({1, 2, 3}),
    )
    gifts = {
        row["fy"]: row
        for row in Gift.objects.current()
        .filter(given_on__gte=years[0].first_day, given_on__lte=years[-1].last_day)
        .annotate(fy=financial_year_expression("given_on"))
        .values("fy")
        .annotate(
            n=Count("pk"),
            given=Coalesce(Sum("value", filter=Q(direction=Gift.Direction.GIVEN)), ZERO_MONEY),
            received=Coalesce(Sum("value", filter=Q(direction=Gift.Direction.RECEIVED)), ZERO_MONEY),
        )
        .order_by()
    }
    gift_table = Table(
        "Gifts and hospitality registered each year",
        ["Financial year", "Entries", "Given", "Received"],
        [
            [
                year.label,
                f"{gifts.get(year.start, {}).get('n', 0):,}",
                money(gifts.get(year.start, {}).get("given", ZERO)),
                money(gifts.get(year.start, {}).get("received", ZERO)),
            ]
            for year in years
        ],
        numeric=frozenset({1, 2, 3}),
    )
    return Section(
        "grants",
        "Grants, gifts and hospitality",
        [
            Paragraph("grants.by_year", "Grants charged to each year's budget.", table=grants),
            Paragraph("gifts.by_year", "The register of gifts and hospitality, each year.", table=gift_table),
        ],
    )
