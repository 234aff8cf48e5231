"""Example records of the previous and the current financial year, so that the demonstration lives.

Around the day the demonstration is loaded: visits and events of Leicester's twin cities completed with
actual costs (one in euros, one in US dollars), one called off, more planned ahead with committed costs,
external funding, gifts (one kept against the rules: justified, awaiting a second person's approval),
and annual reviews of four links, while Strasbourg and Haskovo stay drifting. Each is charged to the
example budget and delivers an action of the example plan of its year (`strategy.demo.recent_years`).
Everything says "Example" in its title or description and in its source.

Safe to run twice, and on any later day: an activity is found by its link and title (the title names
its financial year), funding by its link and title, a gift by its description, and a link is reviewed
only when it has had no review in the last 12 months. A later run also settles what has passed since:
an example activity whose end date is gone is completed (its committed costs become actual), or
cancelled with the reason when its safeguarding checklist was never complete (`settle_past_examples`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from partnerships import services
from partnerships.demo import grants as demo_grants
from partnerships.demo.activities import EXAMPLE, prepared_for_travel
from partnerships.demo.recent_activities import ACTIVITIES, CostLine, ExampleActivity
from partnerships.models import Activity, AnnualReview, Cost, ExternalFunding, Gift, Partnership
from partnerships.models.links import twelve_months_before
from strategy.demo.recent_years import EXAMPLE_STRATEGY_SOURCE
from strategy.financial_years import FinancialYear, financial_year_of
from strategy.models import Action, BudgetLine

RECENT_EXAMPLE = "Example, invented to show a year of the programme; not from the documents."
PLANNED, READY = Activity.State.PLANNED, Activity.State.READY


@dataclass(frozen=True)
class DemoYears:
    """What every step of the recent years' examples works from."""

    today: date
    previous: FinancialYear
    current: FinancialYear
    officer: AbstractBaseUser
    member: AbstractBaseUser
    links: dict[str, Partnership]  # Leicester's twin cities, by place name

    @property
    def years(self) -> tuple[FinancialYear, FinancialYear]:
        return (self.previous, self.current)

    def recently(self, days: int) -> date:
        """`days` before today, but not before the current year began (so it counts this year)."""
        return max(self.current.first_day, self.today - timedelta(days=days))


# place, RAG, decision, days before today, still supports the objectives, outcomes
REVIEWS = [
    ("Krefeld", "green", "continue", 30, True, "Example: exchanges and a trade-fair stand; keep going."),
    ("Rajkot", "green", "continue", 60, True, "Example: the delegation and CLGF legacy serve cohesion."),
    ("Masaya", "amber", "reenergise", 90, True, "Example: strong in schools, weak elsewhere: re-energise."),
    ("Chongqing", "red", "change_focus", 45, False, "Example: no business outcomes yet: change focus."),
]


def load(stdout, *, today: date | None = None) -> None:
    """Create what is missing of the recent years' examples and settle what has passed since.

    The records are written by the demonstration accounts (an officer, and a councillor who explains a
    breach): without them, nothing is written.
    """
    context = _context(today or timezone.localdate())
    if context is None:
        stdout.write("Recent years' examples: skipped, the demonstration accounts are missing.")
        return
    for step in STEPS:
        step(context)
    stdout.write(
        f"Examples of {context.previous} and {context.current}: activities, costs, reviews, funding, "
        "grant applications and working party meetings."
    )


def _context(today: date) -> DemoYears | None:
    users = get_user_model().objects.in_bulk(["officer", "member"], field_name="username")
    if len(users) < 2:
        return None
    links = {
        link.place.name: link
        for link in Partnership.objects.current()
        .filter(kind=Partnership.Kind.TWINNING, place__name__in={a.link for a in ACTIVITIES} | {"Haskovo"})
        .select_related("place")
    }
    current = financial_year_of(today)
    return DemoYears(today, current.previous, current, users["officer"], users["member"], links)


def _activities(context: DemoYears) -> None:
    for example in ACTIVITIES:
        for year in context.years:
            starts_on = _starts_on(example, year, context)
            link = context.links.get(example.link)
            if starts_on is None or link is None:
                continue
            activity = _example_activity(example, link, year, starts_on, context)
            if activity and example.cancelled and activity.can_cancel:
                services.activity_cancel(activity=activity, by=context.officer, reason=example.cancelled)


def _starts_on(example: ExampleActivity, year: FinancialYear, context: DemoYears) -> date | None:
    if year == context.previous:
        if example.month is None:
            return None
        month_index = year.first_day.month - 1 + example.month
        return date(year.start + month_index // 12, month_index % 12 + 1, 10)
    if example.before is not None:
        return context.recently(example.before)
    return min(year.last_day, context.today + timedelta(days=example.after))


def _example_activity(
    example: ExampleActivity, link: Partnership, year: FinancialYear, starts_on: date, context: DemoYears
) -> Activity | None:
    title = f"Example: {example.title}, {year}"
    if Activity.objects.filter(partnership=link, title=title).exists():
        return None
    ends_on = starts_on + timedelta(days=example.days - 1)
    action = (
        Action.objects.select_related("way_forward")
        .filter(
            action_plan__strategy__source__startswith=EXAMPLE_STRATEGY_SOURCE,
            action_plan__financial_year=year.start,
            reference=example.action,
        )
        .first()
    )
    happened = ends_on < context.today and not example.cancelled
    fields = {"places": link.place.name, **example.people, **example.fields}
    if not happened:
        fields.pop("outcomes", None)  # recorded afterwards
    activity = Activity(
        partnership=link,
        kind=example.kind,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        action=action,
        source=RECENT_EXAMPLE,
        **fields,
    )
    costs = [cost for line in example.costs if (cost := _cost(line, starts_on, happened))]
    activity = services.activity_log(
        activity=activity,
        costs=costs,
        objectives=[action.objective_id] if action else [],
        ways_forward=[action.way_forward_id] if action and action.way_forward_id else [],
        by=context.officer,
    )
    return prepared_for_travel(activity, by=context.officer)


def _cost(line: CostLine, on: date, happened: bool) -> Cost | None:
    budget_line = BudgetLine.objects.filter(
        budget__financial_year=financial_year_of(on).start, name__startswith=line.line
    ).first()
    if budget_line is None:  # the year's budget is the council's own, without this line: nothing to charge
        return None
    return Cost(
        category=line.category,
        description=line.description,
        incurred_on=on,
        stage=Cost.Stage.ACTUAL if happened else Cost.Stage.PLANNED,
        amount=Decimal(line.amount),
        currency=line.currency,
        rate_to_gbp=Decimal(line.rate) if line.rate else None,
        budget_line=budget_line,
        **line.details,
    )


def _funding(context: DemoYears) -> None:
    rajkot, masaya = context.links.get("Rajkot"), context.links.get("Masaya")
    if not (rajkot and masaya):
        return
    for year in context.years:
        awarded_on = context.recently(50) if year == context.current else year.first_day + timedelta(days=70)
        _example_funding(
            ExternalFunding(
                partnership=rajkot,
                funder="Example funder: a community foundation",
                programme="Example: community cohesion small grants",
                title=f"Example: the Rajkot delegation's community events, {year}",
                bid_on=awarded_on - timedelta(days=30),
                amount_bid=Decimal("2000.00"),
                amount_awarded=Decimal("1500.00"),
                awarded_on=awarded_on,
                status=ExternalFunding.Status.AWARDED,
            ),
            activity_title=f"Example: delegation from Rajkot Municipal Corporation, {year}",
        )
    _example_funding(
        ExternalFunding(
            partnership=masaya,
            funder="Example funder: a development education trust",
            programme="Example: global learning in schools",
            title=f"Example: the youth exchange with Masaya, {context.current}",
            bid_on=context.recently(10),
            amount_bid=Decimal("3000.00"),
            status=ExternalFunding.Status.SUBMITTED,
        ),
        activity_title=f"Example: youth exchange with Masaya, {context.current}",
    )


def _example_funding(funding: ExternalFunding, *, activity_title: str) -> None:
    if ExternalFunding.objects.filter(partnership=funding.partnership, title=funding.title).exists():
        return
    funding.source = RECENT_EXAMPLE
    activities = Activity.objects.filter(partnership=funding.partnership, title=activity_title)
    services.funding_save(funding=funding, activities=activities)


def _gifts(context: DemoYears) -> None:
    """A gift given to Rajkot's delegation, and one received and kept: a breach, justified by the
    councillor who received it and waiting for an officer's approval ("breaches awaiting approval")."""
    rajkot = context.links.get("Rajkot")
    if rajkot is None:
        return
    given = f"Example: book of photographs of Leicester for Rajkot's delegation, {context.current}"
    delegation = Activity.objects.filter(
        partnership=rajkot, title=f"Example: delegation from Rajkot Municipal Corporation, {context.current}"
    ).first()
    if delegation and not delegation.is_locked and not Gift.objects.filter(description=given).exists():
        services.gift_save(
            gift=Gift(
                direction=Gift.Direction.GIVEN,
                counterparty="Rajkot Municipal Corporation (example)",
                counterparty_kind=Gift.CounterpartyKind.PUBLIC,
                partnership=rajkot,
                activity=delegation,
                description=given,
                value=Decimal("35.00"),
                given_on=delegation.starts_on,
                registered_on=min(delegation.starts_on + timedelta(days=5), context.today),
                source=RECENT_EXAMPLE,
            ),
            by=context.officer,
        )
    kept = f"Example: silk painting from the Mayor of Rajkot, {context.current}"
    if Gift.objects.filter(description=kept).exists():
        return
    gift = services.gift_save(
        gift=Gift(
            direction=Gift.Direction.RECEIVED,
            counterparty="Mayor of Rajkot (example)",
            counterparty_kind=Gift.CounterpartyKind.PUBLIC,
            partnership=rajkot,
            description=kept,
            value=Decimal("150.00"),
            given_on=context.recently(25),
            registered_on=context.recently(20),
            declared=True,
            source=RECENT_EXAMPLE,
        ),
        by=context.member,  # registered by the councillor who received it
    )
    services.breach_justify(
        item=gift,
        justification="Example justification: hung in the Lord Mayor's parlour, where visitors see it; "
        "handing it over would offend the Mayor of Rajkot.",
        by=context.member,  # the councillor who received it explains; an officer, a second person, approves
    )


def _reviews(context: DemoYears) -> None:
    since = twelve_months_before(context.today)
    for place, rag, decision, days, supports, outcomes in REVIEWS:
        link = context.links.get(place)
        if link is None or link.reviews.filter(reviewed_on__gte=since).exists():
            continue
        reviewed_on = context.recently(days)
        services.review_record(
            review=AnnualReview(
                partnership=link,
                reviewed_on=reviewed_on,
                reviewer=context.officer,
                supports_objectives=supports,
                outcomes=outcomes,
                rag=rag,
                decision=decision,
                next_review_due=reviewed_on + timedelta(days=365),
            )
        )


def settle_past_examples(context: DemoYears) -> None:
    """Example activities whose end date has passed are complete, not planned: their committed costs
    become actual, a breach is explained by the councillor who travelled and approved by an officer,
    and the activity is completed; one whose checklist before travel was never complete is cancelled,
    with that reason, because it cannot honestly be shown as having happened."""
    past = Activity.objects.current().filter(
        source__in=[EXAMPLE, RECENT_EXAMPLE], state__in=[PLANNED, READY], ends_on__lt=context.today
    )
    for activity in past.order_by("starts_on", "pk"):
        _settle(activity, context)
    # Last year's kept gift was approved in its year: only the current year's waits.
    for gift in Gift.objects.unresolved().filter(
        source=RECENT_EXAMPLE, given_on__lt=context.current.first_day, justified_by=context.member
    ):
        services.breach_approve(item=gift, by=context.officer)


def _settle(activity: Activity, context: DemoYears) -> None:
    officer, member = context.officer, context.member
    missing = activity.readiness_missing() if activity.state == PLANNED else []
    if missing:
        services.activity_cancel(
            activity=activity,
            by=officer,
            reason="Example: cancelled by the demonstration, its dates having passed before it could "
            f"travel. It cannot be marked ready to travel until it has {'; '.join(missing)}.",
        )
        return
    for cost in activity.costs.current().filter(stage=Cost.Stage.PLANNED):
        cost.stage = Cost.Stage.ACTUAL
        services.cost_save(cost=cost, by=officer)
    for item in [*activity.costs.unresolved(), *activity.gifts.unresolved()]:
        if not item.justification:
            item = services.breach_justify(
                item=item,
                justification="Example justification, recorded by the demonstration: the hosts chose "
                "where the delegation ate, and refusing would have given offence.",
                by=member,
            )
        services.breach_approve(item=item, by=officer)
    # Ready to travel once its breaches are settled (the gate asks that too), then complete.
    if activity.has_travel_gate and activity.state == PLANNED:
        services.activity_mark_ready(activity=activity, by=officer)
    services.activity_mark_complete(activity=activity, by=officer)


# Each step takes the DemoYears and is safe to run again. A later feature's examples are added as one
# more step here, as the grant applications from CLETA, LRTA and LMLG and the working party's meetings are.
STEPS: list[Callable[[DemoYears], None]] = [
    _activities,
    _funding,
    _gifts,
    _reviews,
    settle_past_examples,
    demo_grants.record,
]
