"""The annual review of one partnership: the link, its year's activities and money, gifts, grants and its
latest review (the LGIB handbook's "review, re-energise")."""

from django.db.models import Count, Max, Sum
from django.db.models.functions import Coalesce

from intlinks.money import ZERO_MONEY
from partnerships.models import AnnualReview, ExternalFunding
from partnerships.selectors import AWARDED, awarded_grants
from reporting.cabinet.annual import gifts_section, partnerships_section
from reporting.cabinet.content import Content, Paragraph, Section, Table
from reporting.cabinet.wording import count, day, money
from reporting.selectors.matrix import council_spend_of_activity, year_activities
from strategy.financial_years import FinancialYear

ACTIVITIES_SHOWN = 25


def build(report, *, as_of) -> Content:
    link = report.partnership
    year = FinancialYear(report.financial_year)
    missing: list[str] = []
    state = partnerships_section(year, partnership=link)
    state.title = "The link"
    sections = [
        Section(
            "scope",
            "Scope of this review",
            [
                Paragraph(
                    "scope.period",
                    f"This report reviews the council's link with {link.place.name} over the financial year "
                    f"{year.label}, from the records held on {day(as_of.date())}.",
                )
            ],
        ),
        state,
        _activities(link, year),
        _funding(link, year),
        gifts_section(year, partnership=link),
        _review(link, year, missing),
    ]
    return Content(
        f"Annual review of the link with {link.place.name}, {year.label}", sections, missing, as_of
    )


def _activities(link, year) -> Section:
    activities = year_activities(year).filter(partnership=link)
    totals = activities.aggregate(n=Count("pk"), latest=Max("starts_on"))
    listed = list(
        activities.annotate(spend=council_spend_of_activity()).order_by("starts_on", "pk")[:ACTIVITIES_SHOWN]
    )
    text = (
        f"{count(totals['n'], 'activity', 'activities')} took place with {link.place.name} in {year.label}"
        + (f", the latest on {day(totals['latest'])}." if totals["latest"] else ".")
    )
    if totals["n"] > ACTIVITIES_SHOWN:
        text += f" The table lists the first {ACTIVITIES_SHOWN}."
    table = (
        Table(
            f"Activities with {link.place.name}, {year.label}",
            ["Activity", "Kind", "Starts", "Council spend"],
            [[a.title, a.get_kind_display(), day(a.starts_on), money(a.spend)] for a in listed],
            numeric=frozenset({3}),
        )
        if listed
        else None
    )
    return Section("activities", "Activities in the year", [Paragraph("activities.list", text, table=table)])


def _funding(link, year) -> Section:
    totals = (
        ExternalFunding.objects.current()
        .filter(AWARDED, partnership=link, awarded_on__gte=year.first_day, awarded_on__lte=year.last_day)
        .aggregate(n=Count("pk"), total=Coalesce(Sum("amount_awarded"), ZERO_MONEY))
    )
    grants = awarded_grants().filter(partnership=link, budget_line__budget__financial_year=year.start)
    grant_totals = grants.aggregate(n=Count("pk"), approved=Coalesce(Sum("amount_approved"), ZERO_MONEY))
    text = (
        f"External funding awarded for the link in {year.label}: {money(totals['total'])} "
        f"({count(totals['n'], 'award')}). Grants approved to associations for the link on the year's "
        f"budget: {money(grant_totals['approved'])} ({count(grant_totals['n'], 'grant')})."
    )
    return Section("funding", "Funding and grants", [Paragraph("funding.summary", text)])


def _review(link, year, missing) -> Section:
    review = (
        AnnualReview.objects.filter(partnership=link, reviewed_on__lte=year.last_day)
        .order_by("-reviewed_on", "-pk")
        .first()
    )
    if review is None:
        gap = f"The link with {link.place.name} has no annual review recorded by the end of {year.label}."
        missing.append(gap)
        return Section("review", "Annual review", [Paragraph("review.outcome", gap)])
    text = (
        f"The latest review, on {day(review.reviewed_on)}, rated the link {review.get_rag_display().lower()} "
        f"and decided: {review.get_decision_display().lower()}. "
        + (
            "It still supports the council's objectives. "
            if review.supports_objectives
            else "It no longer supports the council's objectives. "
        )
        + f"Next review due {day(review.next_review_due)}."
    )
    return Section(
        "review", "Annual review", [Paragraph("review.outcome", text, items=[f"Outcomes: {review.outcomes}"])]
    )
