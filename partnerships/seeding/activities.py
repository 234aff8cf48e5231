"""Synthetic activities of one financial year and their costs, as `activity_log` would store them.

A council-paid cost is charged to a line of its own year's budget, others to none; an amount in
another currency records its rate and is converted with the model's own `in_pounds`; every cost is
flagged against the policy in force on its date. An activity is complete only once its breaches are
justified and approved, and one with young people only once its safeguarding checklist is done.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from intlinks.money import ZERO
from intlinks.seeding import EXAMPLE_SOURCE, day_between, save_links, save_rows
from partnerships.models import MAX_COST, Activity, ActivityStateChange, Cost, Evidence, in_pounds
from partnerships.models.costs import written_meal_amounts
from partnerships.seeding.conduct import SETTLED_DAYS, Policies, flag_cost, resolve
from partnerships.seeding.costs import TRAVELLING, spending
from partnerships.seeding.links import ACTIVITY_WEIGHT, SeededLink
from partnerships.seeding.places import RATES_TO_GBP
from partnerships.seeding.safeguarding import check_list, risk_assessment, risk_assessment_document
from strategy.financial_years import FinancialYear

K = Activity.Kind
KIND_WEIGHTS = {
    K.OUTGOING_VISIT: 22,
    K.INCOMING_DELEGATION: 18,
    K.YOUTH_EXCHANGE: 5,
    K.STAFF_EXCHANGE: 10,
    K.TRADE_MISSION: 8,
    K.CULTURAL_EVENT: 14,
    K.FUNDED_PROJECT: 7,
    K.VIRTUAL_MEETING: 12,
    K.OTHER: 4,
}
TITLES = {
    K.OUTGOING_VISIT: "Civic visit to {place}",
    K.INCOMING_DELEGATION: "Delegation from {place}",
    K.YOUTH_EXCHANGE: "School exchange with {place}",
    K.STAFF_EXCHANGE: "Practitioner exchange with {place}",
    K.TRADE_MISSION: "Trade mission to {place}",
    K.CULTURAL_EVENT: "{place} festival in the city",
    K.FUNDED_PROJECT: "Joint project with {place}",
    K.VIRTUAL_MEETING: "Online meeting with {place}",
    K.OTHER: "Working party visit about {place}",
}
# The budget line (see strategy.seeding.BUDGET_LINES) a kind's council-paid costs go to; others: visits.
LINE_OF_KIND = {
    K.YOUTH_EXCHANGE: "youth",
    K.TRADE_MISSION: "trade",
    K.CULTURAL_EVENT: "events",
    K.FUNDED_PROJECT: "projects",
}


@dataclass(frozen=True)
class SeededActivity:
    """What later seeding (gifts, funding) needs of an activity, without holding the model instance."""

    pk: int
    partnership_id: int
    starts_on: date
    ends_on: date
    kind: str
    recorded_by_id: int | None


def rate_for(currency: str, year: int, rng: random.Random) -> Decimal:
    """The rate recorded for a cost: the currency's rough rate, moved by the year and the day."""
    if currency == "GBP":
        return Decimal("1")
    drift = Decimal(str(1 + 0.08 * ((year * 7) % 5 - 2) / 2 + rng.uniform(-0.02, 0.02)))
    return (RATES_TO_GBP[currency] * drift).quantize(Decimal("0.000001"))


class ActivityMaker:
    """Builds one year's activities with their costs; `save` writes them in bulk with their history."""

    def __init__(self, *, rng, year: FinancialYear, lines: dict, policies: Policies, users, today, plan=None):
        self.rng, self.year, self.lines, self.policies = rng, year, lines, policies
        self.users, self.today = users, today
        self.actions, self.objectives = plan or ([], [])
        self.activities: list[Activity] = []
        self.costs: list[Cost] = []
        self.goals: list[tuple[Activity, object, object]] = []  # activity, objective, way forward
        self.evidence: list[Evidence] = []
        self.document = risk_assessment_document()

    def make(self, seeded: SeededLink) -> None:
        rng = self.rng
        first = max(self.year.first_day, seeded.active_from)
        starts_on = day_between(rng, first, max(first, min(self.year.last_day, seeded.active_until)))
        kinds = list(KIND_WEIGHTS) if seeded.formalised else [K.OUTGOING_VISIT, K.VIRTUAL_MEETING]
        kind = rng.choices(kinds, [KIND_WEIGHTS[k] for k in kinds])[0]
        days = {
            K.FUNDED_PROJECT: rng.randint(30, 120),
            K.CULTURAL_EVENT: rng.randint(0, 2),
            K.VIRTUAL_MEETING: 0,
        }.get(kind, rng.randint(2, 6))
        activity = Activity(
            partnership=seeded.partnership,
            kind=kind,
            title=TITLES[kind].format(place=seeded.place.name),
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=days),
            places=seeded.place.name,
            purpose="Example: take forward the year's action plan with the partner.",
            expected_benefit="Example: contacts and learning for the council and local organisations.",
            recorded_by=seeded.partnership.lead_officer or rng.choice(self.users),
            source=EXAMPLE_SOURCE,
        )
        checked = self._people(activity)
        costs = self._costs(activity, seeded)
        activity.paid_from_public_funds = (
            any(c.paid_by == Cost.PaidBy.COUNCIL for c in costs) or rng.random() < 0.5
        )
        resolved = all([resolve(rng, c, on=c.incurred_on, users=self.users, today=self.today) for c in costs])
        activity.state = self._state(activity, resolved=resolved, checked=checked)
        if activity.state == Activity.State.COMPLETE:
            activity.outcomes = "Example: visit made; contacts followed up by the working party."
        self.activities.append(activity)
        self.costs.extend(costs)
        self._goal(activity)

    def _people(self, activity: Activity) -> bool:
        """Who takes part; False when its checklist before travel (`Activity.readiness_missing`) is not
        done: risk assessment and insurance for a party that travels, the youth checks on top."""
        rng = self.rng
        if activity.kind in TRAVELLING or activity.kind == K.INCOMING_DELEGATION:
            activity.councillors, activity.officers = rng.randint(0, 3), rng.randint(1, 3)
            activity.named_travellers = (
                "Example Councillor, Lord Mayor\nExample Officer, international officer"
            )
        if activity.kind == K.TRADE_MISSION:
            activity.businesses = rng.randint(2, 12)
        if activity.kind == K.CULTURAL_EVENT:
            activity.community_members = rng.randint(20, 400)
        if not activity.has_travel_gate:
            return True
        days_ago = (self.today - activity.starts_on).days
        checked = rng.random() < (0.4 if days_ago < 0 else 0.9 if days_ago < SETTLED_DAYS else 0.995)
        if activity.kind == K.YOUTH_EXCHANGE:
            check_list(rng, activity, done=checked)
        else:
            activity.insurance_confirmed = checked or rng.random() < 0.5
        if checked:
            self.evidence.append(risk_assessment(rng, activity, self.document))
        return checked

    def _state(self, activity: Activity, *, resolved: bool, checked: bool) -> str:
        """Cancelled now and then; ready only with the safeguarding checklist done; complete only when
        past, ready (for young people) and with every breach justified and approved."""
        rng, days_ago = self.rng, (self.today - activity.starts_on).days
        if rng.random() < 0.04:
            return Activity.State.CANCELLED
        if days_ago < 0:
            soon = days_ago > -30
            return Activity.State.READY if checked and soon and rng.random() < 0.5 else Activity.State.PLANNED
        if checked and resolved and rng.random() < (0.998 if days_ago > SETTLED_DAYS else 0.9):
            return Activity.State.COMPLETE
        return Activity.State.READY if checked and rng.random() < 0.3 else Activity.State.PLANNED

    def _goal(self, activity: Activity) -> None:
        """About a third deliver an action of the year's plan; another third serve an objective."""
        chance = self.rng.random()
        if self.actions and chance < 0.3:
            action = self.rng.choice(self.actions)
            activity.action = action
            self.goals.append((activity, action.objective, action.way_forward))
        elif self.objectives and chance < 0.6:
            self.goals.append((activity, self.rng.choice(self.objectives), None))

    def _costs(self, activity: Activity, seeded: SeededLink) -> list[Cost]:
        bills = spending(self.rng, activity, seeded.place, self.policies.on(activity.starts_on))
        return [self._cost(activity, *bill) for bill in bills]

    def _cost(self, activity: Activity, category: str, pounds: Decimal, currency: str, details: dict) -> Cost:
        rng = self.rng
        paid_by = (
            details.pop("paid_by", None)
            or rng.choices([Cost.PaidBy.COUNCIL, Cost.PaidBy.PARTNER, Cost.PaidBy.GRANT], [75, 17, 8])[0]
        )
        rate = rate_for(currency, self.year.start, rng)
        amount = (pounds / rate).quantize(Decimal("0.01"))
        if amount > MAX_COST:  # more units than one cost may hold: the invoice came in pounds
            currency, rate, amount = "GBP", Decimal("1"), pounds.quantize(Decimal("0.01"))
        meal_pounds = details.pop("meal_pounds", None)
        if meal_pounds:  # each meal in the currency; the line is their sum, as the form requires
            meals = [(meal / rate).quantize(Decimal("0.01")) for meal in meal_pounds]
            amount, details["meal_amounts"] = sum(meals), written_meal_amounts(meals)
        line = (
            self.lines[LINE_OF_KIND.get(activity.kind, "visits")] if paid_by == Cost.PaidBy.COUNCIL else None
        )
        cost = Cost(
            activity=activity,
            category=category,
            incurred_on=activity.starts_on,
            amount=max(amount, ZERO),
            currency=currency,
            rate_to_gbp=rate,
            paid_by=paid_by,
            budget_line=line,
            stage=Cost.Stage.ACTUAL if activity.starts_on <= self.today else Cost.Stage.PLANNED,
            description=f"Example: {Cost.Category(category).label.lower()}",
            recorded_by=activity.recorded_by,
            **details,
        )
        cost.amount_gbp = in_pounds(cost.amount, cost.rate_to_gbp)
        flag_cost(cost, self.policies)
        return cost

    @staticmethod
    def _state_change(activity: Activity) -> ActivityStateChange:
        """The one move that brought a seeded activity to its state, by whoever recorded it."""
        at = datetime.combine(activity.ends_on, time(17), tzinfo=timezone.get_current_timezone())
        return ActivityStateChange(
            activity=activity,
            from_state="planned",
            to_state=activity.state,
            changed_at=at,
            changed_by=activity.recorded_by,
            reason="Example: seeded",
        )

    def save(self) -> list[SeededActivity]:
        save_rows(Activity, self.activities)
        save_rows(
            ActivityStateChange, [self._state_change(a) for a in self.activities if a.state != "planned"]
        )
        save_rows(Cost, self.costs)
        save_rows(Evidence, self.evidence, restore=["uploaded_at"])
        objectives, ways = Activity.objectives.through, Activity.ways_forward.through
        save_links(objectives, [objectives(activity=a, objective=o) for a, o, _ in self.goals])
        save_links(ways, [ways(activity=a, wayforward=w) for a, _, w in self.goals if w is not None])
        return [
            SeededActivity(a.pk, a.partnership_id, a.starts_on, a.ends_on, a.kind, a.recorded_by_id)
            for a in self.activities
        ]


def seed_activities(*, rng, year: FinancialYear, count: int, links: list[SeededLink], **context) -> list:
    """`count` activities in `year`, spread over the links busy that year (the active ones most)."""
    busy = [link for link in links if link.busy_in(year) and ACTIVITY_WEIGHT[link.partnership.status]]
    if not busy:
        return []
    maker = ActivityMaker(rng=rng, year=year, **context)
    for seeded in rng.choices(busy, [ACTIVITY_WEIGHT[link.partnership.status] for link in busy], k=count):
        maker.make(seeded)
    return maker.save()
