"""The annual evaluation of international activity for one financial year (Kent's "annual evaluation of
activity, to review progress against action plans").

Every figure comes from the selector a page already shows it with (the dashboard, the matrix, the health
table, the budget page, the funding page, the gifts register, the grants list), so the report and the
site never disagree. Lists are summaries: long ones keep the most telling rows and count the rest.
"""

from datetime import date

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from intlinks.money import ZERO, ZERO_MONEY
from partnerships.models import DRIFT_RULE, AnnualReview, Gift
from partnerships.selectors import awarded_grants, gift_register, with_gift_flags
from reporting.cabinet.content import Content, Paragraph, Section, Table
from reporting.cabinet.wording import count, day, figure, listing, money
from reporting.charts.dashboard import dashboard_charts
from reporting.selectors import dashboard
from reporting.selectors.dashboard import RAG_LABELS, Dashboard
from reporting.selectors.health import partnership_health
from reporting.selectors.matrix import activity_matrix
from strategy.financial_years import FinancialYear
from strategy.models import ActionPlan, Objective, ProgressUpdate, Strategy
from strategy.models.action_plans import ActionStatus
from strategy.selectors import RAG_ORDER, indicator_rows, plan_actions

ACTIONS_SHOWN = 12  # an objective's actions listed in full; the rest (the best rated) are counted
MATRIX_ROWS = 25  # links listed in the matrix; the rest share one row
GIFTS_SHOWN = 10
GRANTS_SHOWN = 15
STATUS_LABELS = dict(ActionStatus.choices)
RAG_RANK = {rag: position for position, rag in enumerate(RAG_ORDER)}


def build(report, *, as_of) -> Content:
    year = FinancialYear(report.financial_year)
    data = dashboard(year=year)
    charts = dashboard_charts(data)
    missing: list[str] = [] if data.strategy else [f"No strategy covers {year.label}"]
    sections = [
        scope_section(year, data.strategy, as_of),
        objectives_section(year, data.strategy, missing),
        indicators_section(year, data.strategy, missing),
        activity_section(year, data, charts),
        partnerships_section(year),
        finance_section(year, data, charts, missing),
        gifts_section(year),
        grants_section(year, data),
    ]
    figures = {
        "budget": data.spend.allocated if data.spend else None,
        "spent": data.spend.spent if data.spend else None,
        "external": data.funding.awarded.value,
        "leverage": data.funding.per_council_pound,
        "activities": data.activities.value,
    }
    heading = f"Annual evaluation of international activity, {year.label}"
    return Content(heading, [section for section in sections if section], missing, as_of, figures)


def scope_section(year: FinancialYear, strategy: Strategy | None, as_of) -> Section:
    covered = (
        f"It evaluates the year against {strategy.title} ({strategy.period_label}) and its action plan."
        if strategy
        else f"No strategy covers {year.label}, so the year cannot be measured against one."
    )
    text = (
        f"This report evaluates the council's international activity in the financial year {year.label} "
        f"(1 April {year.start} to 31 March {year.start + 1}). {covered} The figures are those recorded in "
        f"the international links register on {day(timezone.localdate(as_of))}."
    )
    return Section("scope", "Scope of this evaluation", [Paragraph("scope.period", text)])


# ---- progress on the objectives ---------------------------------------------------------------------


def _plan_for(year: FinancialYear, strategy: Strategy | None) -> ActionPlan | None:
    if strategy is None:
        return None
    return ActionPlan.objects.filter(strategy=strategy, financial_year=year.start).first()


def objectives_section(year: FinancialYear, strategy: Strategy | None, missing: list[str]) -> Section:
    title = "Progress on the strategy's objectives"
    plan = _plan_for(year, strategy)
    if plan is None:
        gap = (
            f"No action plan is recorded for {year.label}"
            + (f" under {strategy.title}" if strategy else "")
            + ", so progress against planned actions cannot be reported for the year."
        )
        missing.append(gap)
        return Section("objectives", title, [Paragraph("objectives.missing", gap)])
    latest_note = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-recorded_at", "-pk")
    actions = list(
        plan_actions(action_plan=plan).annotate(latest_note=Subquery(latest_note.values("note")[:1]))
    )
    objectives = list(Objective.objects.filter(strategy=strategy).order_by("number"))
    by_objective = {objective.pk: [] for objective in objectives}
    for action in actions:
        by_objective.setdefault(action.objective_id, []).append(action)
    rag_totals = {rag: sum(1 for a in actions if a.current_rag == rag) for rag in RAG_ORDER}
    opening = (
        f"The action plan for {year.label} holds {count(len(actions), 'action')} under "
        f"{count(len(objectives), 'objective')}. By their latest progress update: "
        + listing([f"{rag_totals[rag]} {RAG_LABELS[rag].lower()}" for rag in RAG_ORDER])
        + "."
    )
    paragraphs = [Paragraph("objectives.summary", opening)]
    for objective in objectives:
        paragraphs.append(_objective_paragraph(objective, by_objective[objective.pk]))
    return Section("objectives", title, paragraphs)


def _objective_paragraph(objective: Objective, actions: list) -> Paragraph:
    key = f"objectives.{objective.number}"
    heading = f"Objective {objective.number}: {objective.title}."
    if not actions:
        return Paragraph(key, f"{heading} The action plan holds no action for this objective.")
    ranked = sorted(actions, key=lambda a: (RAG_RANK.get(a.current_rag, 9), a.reference))
    shown, rest = ranked[:ACTIONS_SHOWN], ranked[ACTIONS_SHOWN:]
    counts = listing(
        [
            f"{n} {RAG_LABELS[rag].lower()}"
            for rag in RAG_ORDER
            if (n := sum(1 for a in actions if a.current_rag == rag))
        ]
    )
    text = f"{heading} {count(len(actions), 'action')}: {counts}."
    if rest:
        text += f" The table lists the {len(shown)} least advanced; {len(rest)} more are not shown."
    rows = [
        [
            action.reference,
            action.description,
            STATUS_LABELS.get(action.current_status, action.current_status),
            RAG_LABELS.get(action.current_rag, action.current_rag),
            _short(action.latest_note or "No update recorded"),
        ]
        for action in shown
    ]
    table = Table(
        f"Actions under objective {objective.number}",
        ["Ref", "Action", "Status", "RAG", "Latest update"],
        rows,
    )
    return Paragraph(key, text, table=table)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---- indicators -------------------------------------------------------------------------------------


def indicators_section(year: FinancialYear, strategy: Strategy | None, missing: list[str]) -> Section:
    title = "Indicators"
    if strategy is None:
        return Section("indicators", title, [Paragraph("indicators.none", "No strategy covers the year.")])
    rows, met, measured = [], 0, 0
    for row in indicator_rows(strategy=strategy):
        value = next((cell for y, cell in row.year_cells if y == year), None)
        target, actual = (value.target, value.actual) if value else (None, None)
        verdict = "Not measured"
        if target is not None and actual is not None:
            measured += 1
            higher = row.indicator.direction == row.indicator.Direction.HIGHER
            achieved = actual >= target if higher else actual <= target
            met += achieved
            verdict = "Met" if achieved else "Not met"
        rows.append(
            [
                str(row.indicator),
                row.indicator.unit,
                "Higher" if row.indicator.direction == row.indicator.Direction.HIGHER else "Lower",
                figure(target),
                figure(actual),
                verdict,
            ]
        )
    if not rows:
        gap = f"No indicators are recorded for {strategy.title}."
        missing.append(gap)
        return Section("indicators", title, [Paragraph("indicators.none", gap)])
    text = (
        f"{strategy.title} measures its success by {count(len(rows), 'indicator')}. "
        f"For {year.label}, {measured} had both a target and an actual recorded, and {met} met the target."
    )
    table = Table(
        f"Indicators: target and actual, {year.label}",
        ["Indicator", "Unit", "Better", "Target", "Actual", "Result"],
        rows,
        numeric=frozenset({3, 4}),
    )
    return Section("indicators", title, [Paragraph("indicators.table", text, table=table)])


# ---- the year's activity ----------------------------------------------------------------------------


def activity_section(year: FinancialYear, data: Dashboard, charts: dict) -> Section:
    # "outgoing visit: 3": the kinds' names are singular, so the number follows the name.
    kinds = listing([f"{figure_.label.lower()}: {figure_.value:,}" for figure_ in data.activities_by_kind])
    people = listing([f"{n:,} {label.lower()}" for label, n in data.people if n])
    text = f"{count(data.activities.value, 'activity', 'activities')} took place in {year.label}" + (
        f" ({kinds})." if kinds else "."
    )
    if data.people_total:
        text += f" They involved {data.people_total:,} people: {people}."
    paragraphs = [Paragraph("activity.summary", text)]
    if data.strategy is not None:
        paragraphs.append(
            Paragraph(
                "activity.objectives",
                "The chart counts the year's activities under each objective they serve; an activity "
                "serving two objectives counts under both.",
                chart=charts["by_objective"],
            )
        )
    paragraphs.append(matrix_paragraph(year))
    return Section("activity", "International activity in the year", paragraphs)


def matrix_paragraph(year: FinancialYear, key: str = "activity.matrix") -> Paragraph:
    """The annual matrix of international activity: links by objective, activities and council spend."""
    matrix = activity_matrix(year=year)
    if matrix.is_empty:
        return Paragraph(key, f"No activity is recorded for {year.label}, so the matrix is empty.")
    used = [i for i, total in enumerate(matrix.column_totals) if total.count]
    rows = sorted(matrix.rows, key=lambda row: (-row.total.count, str(row.partnership)))
    shown, rest = rows[:MATRIX_ROWS], rows[MATRIX_ROWS:]

    def line(label, cells, total):
        return [label, *[f"{cells[i].count:,}" for i in used], f"{total.count:,}", money(total.spend)]

    table_rows = [line(str(row.partnership), row.cells, row.total) for row in shown]
    if rest:
        summed = [sum(row.cells[i].count for row in rest) for i in range(len(matrix.columns))]
        table_rows.append(
            [
                f"The other {count(len(rest), 'link')}",
                *[f"{summed[i]:,}" for i in used],
                f"{sum(row.total.count for row in rest):,}",
                money(sum((row.total.spend for row in rest), ZERO)),
            ]
        )
    headings = ["Link", *[_column_heading(matrix.columns[i].label) for i in used], "All", "Council spend"]
    table = Table(
        f"Annual matrix of international activity, {year.label}",
        headings,
        table_rows,
        numeric=frozenset(range(1, len(headings))),
        total=line("All links", matrix.column_totals, matrix.total),
    )
    text = (
        f"The annual matrix counts each link's activities in {year.label} under the objectives they serve, "
        f"with the council's spend on them: {count(matrix.total.count, 'activity', 'activities')} and "
        f"{money(matrix.total.spend)} in all. An activity serving two objectives counts in both columns but "
        "once in a total."
    )
    if rest:
        text += f" The {len(shown)} busiest links are listed; the other {len(rest)} are added up in one row."
    return Paragraph(key, text, table=table)


def _column_heading(label: str) -> str:
    """ "3. Promote trade links …" → "Obj. 3": the matrix is read with the objectives listed above it."""
    number = label.split(".", 1)[0]
    return f"Obj. {number}" if number.isdigit() else "No objective"


# ---- partnerships -----------------------------------------------------------------------------------


def _reference_day(year: FinancialYear) -> date:
    return min(year.last_day, timezone.localdate())


def partnerships_section(year: FinancialYear, partnership=None) -> Section:
    """One short paragraph a link: status, the year's activities and spend, its review, drift."""
    today = _reference_day(year)
    reviews = AnnualReview.objects.filter(partnership=OuterRef("pk"), reviewed_on__lte=today).order_by(
        "-reviewed_on", "-pk"
    )
    links, _ = partnership_health(today=today)
    links = links.annotate(
        review_on=Subquery(reviews.values("reviewed_on")[:1]),
        review_rag=Subquery(reviews.values("rag")[:1]),
        review_decision=Subquery(reviews.values("decision")[:1]),
    )
    if partnership is not None:
        links = links.filter(pk=partnership.pk)
    paragraphs = [Paragraph(f"partnerships.{link.pk}", partnership_text(link, year, today)) for link in links]
    if not paragraphs:
        paragraphs = [Paragraph("partnerships.none", "No partnership is recorded.")]
    elif partnership is None:
        drifting = sum(1 for link in links if link.drifting)
        opening = (
            f"The council holds {count(len(paragraphs), 'link')} with places abroad. "
            f"On {day(today)}, {count(drifting, 'link was', 'links were')} drifting. "
            f"{DRIFT_RULE}"
        )
        paragraphs.insert(0, Paragraph("partnerships.summary", opening))
    return Section("partnerships", "The partnerships", paragraphs)


def partnership_text(link, year: FinancialYear, today: date) -> str:
    decisions = dict(AnnualReview.Decision.choices)
    review = (
        f"last reviewed on {day(link.review_on)} (rated {link.review_rag}, decision: "
        f"{decisions.get(link.review_decision, link.review_decision).lower()})"
        if link.review_on
        else "not yet reviewed"
    )
    drift = "It is drifting." if link.drifting else "It is not drifting."
    depth = f", {link.get_depth_display().lower()} commitment" if link.depth else ""
    return (
        f"{link} ({link.get_status_display().lower()}{depth}): "
        f"{count(link.year_activities, 'activity', 'activities')} in {year.label} with council spend of "
        f"{money(link.year_spend)}; {review}. {drift}"
    )


# ---- finance ----------------------------------------------------------------------------------------


def finance_section(year: FinancialYear, data: Dashboard, charts: dict, missing: list[str]) -> Section:
    paragraphs = []
    if data.spend is None:
        gap = f"No budget is recorded for {year.label}, so spending cannot be set against one."
        missing.append(gap)
        paragraphs.append(Paragraph("finance.budget", gap))
    else:
        spend = data.spend
        paragraphs.append(
            Paragraph(
                "finance.budget",
                f"The budget for {year.label} allocated {money(spend.allocated)} across "
                f"{count(len(spend.summary.rows), 'budget line')}. {money(spend.spent)} was spent and "
                f"{money(spend.committed)} is committed, leaving {money(spend.remaining)}.",
                chart=charts["spend_by_line"],
            )
        )
        paragraphs.append(Paragraph("finance.overseas_assistance", overseas_assistance_text(spend.summary)))
    funding = data.funding
    leverage = (
        f"each pound the council spent drew {money(funding.per_council_pound)} of external money"
        if funding.per_council_pound is not None
        else "the council recorded no spending of its own, so no leverage is worked out"
    )
    recent = [row for row in data.trend] or []
    text = (
        f"External funding of {money(funding.awarded.value)} was awarded in {year.label} "
        f"({count(funding.count, 'award')}). The council's own actual spending in the year was "
        f"{money(funding.council_spent)}: {leverage}."
    )
    table = None
    if recent:
        table = Table(
            "Budget, spend and external funding by year of the strategy",
            ["Financial year", "Budget", "Spent", "External funding", "Activities"],
            [
                [
                    row.year.label,
                    money(row.budget),
                    money(row.spent),
                    money(row.external),
                    # A year of the strategy yet to begin has no count (a gap, not a zero).
                    f"{row.activities:,}" if row.activities is not None else "none recorded",
                ]
                for row in recent
            ],
            numeric=frozenset({1, 2, 3, 4}),
        )
    paragraphs.append(Paragraph("finance.leverage", text, table=table))
    return Section("finance", "Finance", paragraphs)


def overseas_assistance_text(summary) -> str:
    check = summary.overseas_assistance
    if check.limit is None:
        return (
            "The Local Government (Overseas Assistance) Act 1993 limits town-twinning spending to twice the "
            f"previous year's; no budget is recorded for {check.previous_year.label}, so the limit cannot "
            "be checked."
        )
    verdict = " ".join(f"{warning}." for warning in check.warnings) or "Both are within the limit."
    return (
        "The Local Government (Overseas Assistance) Act 1993 limits cultural, educational and "
        f"town-twinning spending to twice the previous year's: {money(check.limit)}, from "
        f"{check.previous_year.label}. This year {money(check.allocated)} was allocated to such lines and "
        f"{money(check.spent)} spent. {verdict}"
    )


# ---- gifts and hospitality --------------------------------------------------------------------------


def gifts_section(year: FinancialYear, partnership=None) -> Section:
    """The year's register in totals, and the notable items: the highest values and any breach."""
    in_year = Q(given_on__gte=year.first_day, given_on__lte=year.last_day)
    gifts = Gift.objects.current().filter(in_year)
    register = gift_register().filter(in_year)
    if partnership is not None:
        gifts, register = gifts.filter(partnership=partnership), register.filter(partnership=partnership)
    totals = gifts.aggregate(
        n=Count("pk"),
        **{
            f"{direction}_{what}": aggregate
            for direction in Gift.Direction.values
            for what, aggregate in (
                ("n", Count("pk", filter=Q(direction=direction))),
                ("value", Coalesce(Sum("value", filter=Q(direction=direction)), ZERO_MONEY)),
            )
        },
        hospitality=Count("pk", filter=Q(kind=Gift.Kind.HOSPITALITY)),
    )
    if not totals["n"]:
        return Section(
            "gifts",
            "Gifts and hospitality",
            [Paragraph("gifts.summary", f"No gift or hospitality is registered for {year.label}.")],
        )
    labels = dict(Gift.Direction.choices)
    parts = [
        f"{labels[direction].lower()}: {totals[f'{direction}_n']:,} "
        f"worth {money(totals[f'{direction}_value'])}"
        for direction in Gift.Direction.values
        if totals[f"{direction}_n"]
    ]
    text = (
        f"The register holds {count(totals['n'], 'entry', 'entries')} for {year.label} "
        f"({count(totals['hospitality'], 'of hospitality', 'of hospitality')}): {listing(parts)}."
    )
    notable = with_gift_flags(register.order_by("-value", "-given_on", "-pk")[:GIFTS_SHOWN])
    rows = [
        [
            day(gift.given_on),
            f"{gift.description} ({gift.get_kind_display().lower()}, {labels[gift.direction].lower()})",
            gift.counterparty,
            money(gift.value),
            "; ".join(flag.message for flag in gift.flags) if gift.flags else "None",
        ]
        for gift in notable
    ]
    table = Table(
        f"Notable entries: the highest values, {year.label}",
        ["Date", "Gift or hospitality", "From or to", "Value", "Conduct rules"],
        rows,
        numeric=frozenset({3}),
    )
    return Section("gifts", "Gifts and hospitality", [Paragraph("gifts.summary", text, table=table)])


# ---- grants -----------------------------------------------------------------------------------------


def grants_section(year: FinancialYear, data: Dashboard) -> Section:
    grants = data.grants
    if not grants.decided.value and not grants.paid_count:
        text = (
            "No grant to a twinning association or local organisation was decided on the "
            f"{year.label} budget."
        )
        return Section("grants", "Grants to associations", [Paragraph("grants.summary", text)])
    text = (
        f"The working party decided {count(grants.decided.value, 'grant application')} charged to the "
        f"{year.label} budget: {grants.decided.value - grants.declined} approved for "
        f"{money(grants.awarded.value)} and {grants.declined} declined. {count(grants.paid_count, 'grant')} "
        f"totalling {money(grants.paid.value)} had been paid."
    )
    awarded = list(
        awarded_grants()
        .filter(budget_line__budget__financial_year=year.start)
        .order_by("-amount_approved", "pk")[: GRANTS_SHOWN + 1]
    )
    shown = awarded[:GRANTS_SHOWN]
    if len(awarded) > GRANTS_SHOWN:
        text += f" The table lists the {GRANTS_SHOWN} largest."
    table = Table(
        f"Grants approved on the {year.label} budget",
        ["Organisation", "For", "Approved", "Paid"],
        [
            [
                str(grant.organisation),
                grant.title,
                money(grant.amount_approved),
                money(grant.amount_paid) if grant.amount_paid is not None else "Not yet",
            ]
            for grant in shown
        ],
        numeric=frozenset({2, 3}),
        total=["All approved grants", "", money(grants.awarded.value), money(grants.paid.value)],
    )
    return Section("grants", "Grants to associations", [Paragraph("grants.summary", text, table=table)])
