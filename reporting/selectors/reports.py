"""Reads for the Cabinet report pages: the list, one report with its rows, the figures its default
front matter is drafted from, and what a report's subject lacks. Each runs a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Subquery

from partnerships.models import Partnership
from reporting.models import CabinetReport, ReportVersion
from strategy.financial_years import FinancialYear
from strategy.models import ActionPlan, Budget, Strategy
from strategy.selectors.budgets import BudgetSummary, budget_summary


def report_list():
    """Every report, the latest first, with what it is about and its latest version's number and status."""
    latest = ReportVersion.objects.filter(report=OuterRef("pk")).order_by("-number")
    return CabinetReport.objects.select_related("strategy", "partnership__place").annotate(
        latest_version=Subquery(latest.values("number")[:1]),
        latest_status=Subquery(latest.values("status")[:1]),
    )


def report_detail(pk: int) -> CabinetReport:
    """One report with every row of its front matter (raises CabinetReport.DoesNotExist)."""
    return (
        CabinetReport.objects.select_related("strategy", "partnership__place", "created_by")
        .prefetch_related(
            "meetings",
            "recommendation_rows",
            "implication_rows",
            "consultation_rows",
            "exempt_paragraphs",
            Prefetch(
                "versions", queryset=ReportVersion.objects.select_related("requested_by", "finalised_by")
            ),
        )
        .get(pk=pk)
    )


@dataclass
class ReportFacts:
    """What a report's subject holds, for its default front matter and the list of what is missing."""

    years: list[FinancialYear]
    strategy: Strategy | None = None
    action_plans: list[ActionPlan] = field(default_factory=list)
    budget: BudgetSummary | None = None
    partnerships: int = 0

    @property
    def missing(self) -> list[str]:
        """Plain sentences, one a gap: what the report will have nothing to say about."""
        gaps = []
        if self.strategy is None:
            gaps.append("No strategy covers this period, so there are no objectives to report progress on.")
        planned = {plan.financial_year for plan in self.action_plans}
        for year in self.years:
            if year.start not in planned:
                gaps.append(
                    f"There is no action plan for {year.label}: add one to report progress on actions."
                )
        if len(self.years) == 1 and self.budget is None:
            gaps.append(
                f"There is no budget for {self.years[0].label}: the financial implications have no figures."
            )
        return gaps


def report_facts(
    *, kind: str, financial_year: int | None = None, strategy: Strategy | None = None, partnership=None
) -> ReportFacts:
    """The strategy, action plans, budget and links a report of this subject draws on (fixed queries)."""
    if kind == CabinetReport.Kind.STRATEGY and strategy is not None:
        years = [FinancialYear(year) for year in range(strategy.first_year, strategy.last_year + 1)]
    else:
        years = [FinancialYear(financial_year)] if financial_year else []
    if strategy is None and years:
        strategy = (
            Strategy.objects.current()
            .filter(first_year__lte=years[0].start, last_year__gte=years[0].start)
            .order_by("-first_year", "pk")
            .first()
        )
    starts = [year.start for year in years]
    plans = list(ActionPlan.objects.filter(strategy=strategy, financial_year__in=starts)) if strategy else []
    budget = None
    if len(years) == 1:
        budget_id = (
            Budget.objects.current()
            .filter(financial_year=years[0].start)
            .values_list("pk", flat=True)
            .first()
        )
        budget = budget_summary(budget_id=budget_id) if budget_id else None
    links = 1 if partnership is not None else Partnership.objects.current().count()
    return ReportFacts(years=years, strategy=strategy, action_plans=plans, budget=budget, partnerships=links)


def exempt_paragraph_choices(report: CabinetReport, *, kept=()) -> list[tuple[str, str]]:
    """The body's paragraphs a clerk may mark exempt, as (key, "4.2 Finance: budget against spend"),
    from the document as it would be generated now (a fixed number of queries). Keys already marked
    (`kept`) that the body no longer holds stay choosable, so that the mark can be seen and removed."""
    from reporting.cabinet import report_content  # the document's body, built from the selectors

    choices = []
    for section in report_content(report).sections:
        for paragraph in section.paragraphs:
            choices.append((paragraph.key, f"{paragraph.number} {section.title}: {_what(paragraph)}"))
    held = {key for key, _ in choices}
    choices += [(key, f"{key} (no longer in the report)") for key in sorted(set(kept) - held)]
    return choices


def _what(paragraph) -> str:
    """A few words saying what a paragraph is about: its table's caption, its chart's title or its text."""
    if paragraph.table is not None and paragraph.table.caption:
        return paragraph.table.caption
    if paragraph.chart is not None and paragraph.chart.title:
        return paragraph.chart.title
    text = " ".join(paragraph.text.split())
    return text if len(text) <= 70 else text[:69].rsplit(" ", 1)[0] + "…"
