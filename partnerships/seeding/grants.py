"""Synthetic working party meetings and the twinning associations' grant applications decided at them.

Each financial year has about four meetings (June, September, December, March); the members present
are seeded working party members. Each year's grant applications come from the seeded twinning
associations, are charged to the year's grants line and go as far along their life cycle as the
meetings and `today` allow: older years' end closed, declined or monitored, the current year's are at
every step from draft to paid. The rows keep what the services check: a decision is recorded at a
meeting that has happened, on the meeting's day, by a member present who did not record the
submission (an officer did) and who does not record the payment (another officer does); the payment
is at most the approval, the approval at most the request; and a year's approvals stay within half
of its grants line, so that no approval needed the budget override.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from intlinks.money import to_pennies
from intlinks.seeding import day_between, moment_on, save_links, save_rows
from partnerships.models import (
    AgendaItem,
    GrantApplication,
    GrantStateChange,
    Meeting,
    Organisation,
    PartnershipOrganisation,
)
from strategy.financial_years import FinancialYear, financial_year_of

State = GrantApplication.State
# Days into the financial year of each meeting: late June, September, December and March.
MEETING_DAYS = (85, 175, 265, 350)
PURPOSES = [
    "Youth football exchange",
    "Choir visit and joint concert",
    "School pen-friend and exchange programme",
    "Twinning anniversary celebrations",
    "Art exhibition by artists of both towns",
    "Language classes for host families",
]
# How far the older years' applications went (the current year's take every step in turn).
PAST_ENDS = [State.CLOSED, State.CLOSED, State.CLOSED, State.DECLINED, State.MONITORED]
CURRENT_ENDS = [State.DRAFT, State.SUBMITTED, State.CONSIDERED, State.APPROVED, State.PAID, State.DECLINED]
DECIDED = (State.APPROVED, State.DECLINED, *GrantApplication.PAID_STATES)


@dataclass
class SeededMeeting:
    meeting: Meeting
    present: list
    grants: list = field(default_factory=list)  # applications on its agenda


def seed_grants_and_meetings(
    *,
    rng: random.Random,
    years: list[FinancialYear],
    per_year: int,
    meetings_per_year: int,
    grants_lines: dict,
    objectives: dict,
    links: list,
    officers: list,
    members: list,
    today: date,
) -> None:
    """`meetings_per_year` meetings and about `per_year` grant applications in each of `years`.

    `grants_lines` is each year's grants budget line (by the year's start), `objectives` each year's
    objectives the applications may serve.
    """
    associations = list(
        PartnershipOrganisation.objects.filter(organisation__kind=Organisation.Kind.TWINNING_ASSOCIATION)
        .order_by("pk")
        .values_list("organisation_id", "partnership_id")
    )
    if not associations or not members:
        return
    meetings, applications = [], []
    for year in years:
        held = _meetings(rng, year, meetings_per_year, members, officers)
        meetings.extend(held)
        line = grants_lines[year.start]
        ceiling = max(Decimal(500), (line.allocation / (2 * per_year)).quantize(Decimal("1")))
        ends = CURRENT_ENDS if year.last_day >= today else PAST_ENDS
        for index in range(per_year):
            end = ends[index % len(ends)] if ends is CURRENT_ENDS else rng.choice(ends)
            organisation_id, partnership_id = rng.choice(associations)
            application = GrantApplication(
                organisation_id=organisation_id,
                partnership_id=partnership_id,
                title=f"Example: {rng.choice(PURPOSES)} {year.label}",
                purpose="Example: what the association will do with the grant, and who takes part.",
                amount_requested=to_pennies(Decimal(rng.randrange(200, int(ceiling) + 1, 50))),
                budget_line=line,
                recorded_by=rng.choice(officers),
            )
            steps = _life(rng, application, end, held, officers, today)
            applications.append((application, steps, objectives.get(year.start, [])))
    _save(rng, meetings, applications, links)


def _meetings(rng, year: FinancialYear, count: int, members: list, officers: list) -> list[SeededMeeting]:
    held = []
    for days in MEETING_DAYS[:count]:
        on = year.first_day + timedelta(days=days + rng.randint(-5, 5))
        present = rng.sample(members, min(len(members), rng.randint(3, 5)))
        meeting = Meeting(
            held_on=on,
            minutes="Example: the working party reviewed the links and decided the applications before it.",
            recorded_by=rng.choice(officers),
        )
        held.append(SeededMeeting(meeting, present))
    return held


def _life(rng, application: GrantApplication, end: str, held: list, officers: list, today: date) -> list:
    """Take `application` as far towards `end` as the meetings and today allow; the steps, dated."""
    happened = [m for m in held if m.meeting.held_on <= today]
    if end in DECIDED and not happened:
        end = State.CONSIDERED
    upcoming = [m for m in held if m.meeting.held_on > today] or happened[-1:]
    if end == State.CONSIDERED and not upcoming:
        end = State.SUBMITTED
    if end == State.DRAFT:
        return []
    at = rng.choice(happened if end in DECIDED else upcoming) if end != State.SUBMITTED else None
    if at:
        considered_on = min(at.meeting.held_on - timedelta(days=rng.randint(7, 21)), today)
        submitted_on = considered_on - timedelta(days=rng.randint(7, 45))
    else:
        submitted_on = day_between(rng, today - timedelta(days=40), today)
    application.submitted_on, application.submitted_by = submitted_on, rng.choice(officers)
    steps = [(State.DRAFT, State.SUBMITTED, submitted_on, application.submitted_by)]
    if not at:
        return steps
    at.grants.append(application)
    steps.append((State.SUBMITTED, State.CONSIDERED, considered_on, application.recorded_by))
    if end == State.CONSIDERED:
        return steps
    meeting, decider = at.meeting, rng.choice(at.present)
    application.meeting, application.decided_by = meeting, decider
    application.decided_at = moment_on(rng, meeting.held_on)
    if end == State.DECLINED:
        application.decline_reasons = "Example: the activity is outside the programme's objectives."
        return [*steps, (State.CONSIDERED, State.DECLINED, meeting.held_on, decider)]
    application.amount_approved = application.amount_requested * Decimal(rng.choice(["1", "0.8", "0.5"]))
    application.amount_approved = to_pennies(application.amount_approved.quantize(Decimal("1")))
    application.conditions = "Example: a short report with photographs within six months."
    steps.append((State.CONSIDERED, State.APPROVED, meeting.held_on, decider))
    return steps if end == State.APPROVED else _after_approval(rng, application, end, steps, officers, today)


def _after_approval(rng, application: GrantApplication, end: str, steps: list, officers: list, today) -> list:
    """Payment (by an officer), the monitoring report and closing, as far as `end` and today allow."""
    paid_on = application.meeting.held_on + timedelta(days=rng.randint(7, 40))
    if paid_on > today:
        return steps
    payer = rng.choice(officers)
    application.amount_paid, application.paid_on, application.paid_by = (
        application.amount_approved,
        paid_on,
        payer,
    )
    steps.append((State.APPROVED, State.PAID, paid_on, payer))
    received_on = paid_on + timedelta(days=rng.randint(60, 200))
    if end == State.PAID or received_on > today:
        return steps
    application.monitoring_received_on = received_on
    application.monitoring_notes = "Example: the report shows the exchange took place as planned."
    steps.append((State.PAID, State.MONITORED, received_on, rng.choice(officers)))
    closed_on = received_on + timedelta(days=rng.randint(7, 30))
    if end == State.MONITORED or closed_on > today:
        return steps
    return [*steps, (State.MONITORED, State.CLOSED, closed_on, rng.choice(officers))]


def _save(rng, meetings: list[SeededMeeting], applications: list, links: list) -> None:
    save_rows(Meeting, [m.meeting for m in meetings])
    through = Meeting.members_present.through
    save_links(through, [through(meeting=m.meeting, user=user) for m in meetings for user in m.present])
    for application, steps, _ in applications:
        application.state = steps[-1][1] if steps else State.DRAFT
    save_rows(GrantApplication, [application for application, _, _ in applications])
    through = GrantApplication.objectives.through
    save_links(
        through,
        [
            through(grantapplication=application, objective=objective)
            for application, _, objectives in applications
            for objective in rng.sample(objectives, min(len(objectives), rng.randint(1, 2)))
        ],
    )
    save_rows(
        GrantStateChange,
        [
            GrantStateChange(
                application=application,
                from_state=from_state,
                to_state=to_state,
                changed_at=moment_on(rng, on),
                changed_by=by,
                note=f"At {application.meeting}" if to_state in DECIDED[:2] else "",
            )
            for application, steps, _ in applications
            for from_state, to_state, on, by in steps
        ],
    )
    save_rows(AgendaItem, [item for m in meetings for item in _agenda(rng, m, links)])


def _agenda(rng, seeded: SeededMeeting, links: list) -> list[AgendaItem]:
    """The dashboard for the meeting's year, its grant applications, a link's review or two, and AOB."""
    meeting = seeded.meeting
    items = [AgendaItem(kind=AgendaItem.Kind.DASHBOARD, financial_year=_year_of(meeting.held_on))]
    for application in seeded.grants:
        decided = application.meeting is meeting
        items.append(
            AgendaItem(
                kind=AgendaItem.Kind.GRANT,
                grant_application=application,
                notes=_decision_note(application) if decided else "",
            )
        )
    formalised = [link for link in links if link.formalised and link.formalised <= meeting.held_on]
    for link in rng.sample(formalised, min(len(formalised), rng.randint(1, 2))):
        items.append(
            AgendaItem(
                kind=AgendaItem.Kind.REVIEW,
                partnership=link.partnership,
                notes="Example: the working party noted the review.",
            )
        )
    items.append(AgendaItem(kind=AgendaItem.Kind.OTHER, title="Any other business"))
    for position, item in enumerate(items):
        item.meeting, item.position = meeting, position
    return items


def _year_of(day: date) -> int:
    return financial_year_of(day).start


def _decision_note(application: GrantApplication) -> str:
    if application.state == State.DECLINED:
        return "Example: declined, for the reasons given."
    return f"Example: approved, £{application.amount_approved:,} with the conditions given."
