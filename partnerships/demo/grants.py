"""Example grant applications from CLETA, LRTA and LMLG, and the working party's meetings (issue 11).

One more step of `recent_years.STEPS`. For the previous financial year: a meeting held early in the
year, at which one application was approved (then paid, its monitoring report received, and closed)
and one declined with reasons. For the current year: a meeting held recently, at which one application
was approved and paid and one approved and not yet paid; one application on the agenda of the next
meeting (its date ahead of today), one submitted and one draft. Each held meeting has the demonstration
`member` present, agenda items of every kind (grant applications, a link's review, the dashboard for
the year, any other business) and minutes. Every application is charged to the grants line of its
year's example budget (`strategy.demo.recent_years`); a year whose budget has no such line (the
council's own) gets no example grants.

Written only through the services, with the separation of duties they keep: the officer records the
applications, their submission, payment, monitoring report and closing; the member, present at the
meeting, records the decision. Every title says "Example", with its financial year.

Safe to run twice, and on any later day: an application is found by its title, a meeting by its title
(both name the year). A run a year later adds the new year's records, and last year's decided
applications to the meeting it already has for that year. A meeting whose date passes keeps its
application "considered": the demonstration does not invent a decision the working party never took.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from partnerships import services
from partnerships.models import AgendaItem, GrantApplication, Meeting, Organisation
from partnerships.models.meetings import DEFAULT_TITLE
from strategy.demo.recent_years import EXAMPLE_STRATEGY_SOURCE
from strategy.financial_years import FinancialYear
from strategy.models import BudgetLine, Objective

if TYPE_CHECKING:
    from partnerships.demo.recent_years import DemoYears

State = GrantApplication.State
GRANTS_LINE = "Grants to twinning associations"
EXAMPLE_MEETING = f"{DEFAULT_TITLE} (Example)"
NEXT_MEETING_DAYS = 28  # the next meeting is four weeks ahead
MEETING_DAYS_AGO = 35  # this year's meeting was five weeks ago (or on the first day of the year)


@dataclass(frozen=True)
class ExampleGrant:
    """One example application and the state it reaches in its year."""

    organisation: str  # short name
    link: str  # the twin city of the link it supports
    title: str
    purpose: str
    requested: str
    objectives: tuple[int, ...]  # numbers of the example strategy's objectives it serves
    outcome: str  # a GrantApplication.State
    approved: str | None = None
    paid: str | None = None
    conditions: str = ""
    reasons: str = ""
    minute: str = ""  # the agenda item's note of the decision


PREVIOUS_YEAR = [
    ExampleGrant(
        "CLETA",
        "Krefeld",
        "choir exchange with Krefeld",
        "Example: coach travel for a community choir of thirty singing with Krefeld's Kammerchor at the "
        "city's autumn festival, and hosting their return visit.",
        "2000.00",
        (3, 2),
        State.CLOSED,
        approved="2000.00",
        paid="1850.00",
        conditions="Example: a monitoring report within three months of the visit.",
        minute="Example: approved £2,000 on condition of a monitoring report within three months.",
    ),
    ExampleGrant(
        "LRTA",
        "Rajkot",
        "kite festival in Abbey Park",
        "Example: marquees and stewarding for a kite festival celebrating Uttarayan in Abbey Park.",
        "3000.00",
        (2,),
        State.DECLINED,
        reasons="Example: the festival charges for entry and names no partner in Rajkot; the scheme "
        "funds exchanges with the twin city. The association is invited to apply again with one.",
        minute="Example: declined; the association is invited to apply again with a partner in Rajkot.",
    ),
]
CURRENT_YEAR = [
    ExampleGrant(
        "CLETA",
        "Strasbourg",
        "school exchange with Strasbourg",
        "Example: travel for twenty pupils of two Leicester schools to their partner schools in "
        "Strasbourg, with the safeguarding checks the council asks for.",
        "1800.00",
        (3,),
        State.PAID,
        approved="1500.00",
        paid="1500.00",
        conditions="Example: paid once the schools confirm the safeguarding checklist is complete.",
        minute="Example: approved £1,500 of the £1,800 asked, once the safeguarding checklist is complete.",
    ),
    ExampleGrant(
        "LMLG",
        "Masaya",
        "teachers' visit to Masaya",
        "Example: two teachers visit Masaya's partner schools to plan a year of shared global-learning "
        "lessons.",
        "2500.00",
        (3, 5),
        State.APPROVED,
        approved="2000.00",
        conditions="Example: paid when the partner schools in Masaya confirm the dates.",
        minute="Example: approved £2,000, paid when the partner schools in Masaya confirm the dates.",
    ),
    ExampleGrant(
        "LRTA",
        "Rajkot",
        "Navratri dance workshops with Rajkot",
        "Example: dance teachers from Rajkot lead workshops in Leicester's community centres during "
        "Navratri.",
        "1200.00",
        (2,),
        State.CONSIDERED,
    ),
    ExampleGrant(
        "LMLG",
        "Masaya",
        "coffee cooperative talks in schools",
        "Example: growers from a Masaya coffee cooperative speak in Leicester schools during Fairtrade "
        "Fortnight.",
        "900.00",
        (5,),
        State.SUBMITTED,
    ),
    ExampleGrant(
        "CLETA",
        "Strasbourg",
        "Christmas market stall in Strasbourg",
        "Example: a stall for Leicester makers at Strasbourg's Christmas market.",
        "1000.00",
        (1,),
        State.DRAFT,
    ),
]
DECIDED = (State.APPROVED, State.DECLINED, State.PAID, State.CLOSED)
# The link whose review each year's held meeting takes.
REVIEWED_LINK = {"previous": "Krefeld", "current": "Masaya"}


def record(context: DemoYears) -> None:
    """Create what is missing of the example grant applications and meetings of the two years."""
    for year in context.years:
        line = _grants_line(year)
        if line is None:  # the year's budget is the council's own, without the example grants line
            continue
        is_current = year == context.current
        examples = CURRENT_YEAR if is_current else PREVIOUS_YEAR
        wanted = {_title(example, year): example for example in examples}
        found = set(GrantApplication.objects.filter(title__in=wanted).values_list("title", flat=True))
        missing = [example for title, example in wanted.items() if title not in found]
        if not missing:
            continue
        held = _held_meeting(year, context, is_current)
        for example in missing:
            _example_grant(example, year, line, held, context)


def _title(example: ExampleGrant, year: FinancialYear) -> str:
    return f"Example: {example.title}, {year}"


def _grants_line(year: FinancialYear) -> BudgetLine | None:
    return BudgetLine.objects.filter(budget__financial_year=year.start, name__startswith=GRANTS_LINE).first()


def _held_meeting(year: FinancialYear, context: DemoYears, is_current: bool) -> Meeting:
    """The year's meeting that has taken place, found by its title or recorded with its agenda."""
    title = f"{EXAMPLE_MEETING}, {year}"
    meeting = Meeting.objects.filter(title=title).first()
    if meeting is not None:
        return meeting
    held_on = context.recently(MEETING_DAYS_AGO) if is_current else year.first_day + timedelta(days=100)
    link = context.links.get(REVIEWED_LINK["current" if is_current else "previous"])
    items = [
        AgendaItem(
            kind=AgendaItem.Kind.DASHBOARD,
            financial_year=year.start,
            notes=f"Example: spend against the {year} budget noted; two actions of the plan are red.",
        ),
        AgendaItem(
            kind=AgendaItem.Kind.OTHER,
            title="Any other business: dates of next year's meetings",
            notes="Example: the clerk to circulate dates for the coming year.",
        ),
    ]
    if link is not None:
        items.insert(
            1,
            AgendaItem(
                kind=AgendaItem.Kind.REVIEW,
                partnership=link,
                notes=f"Example: the annual review of the link with {link.place} was received.",
            ),
        )
    return services.meeting_save(
        meeting=Meeting(
            held_on=held_on,
            title=title,
            minutes=f"Example minutes, invented for the demonstration. The working party looked at the "
            f"dashboard for {year}, received a link's annual review and decided the grant applications "
            "on its agenda; each decision is minuted against its item. No other business.",
        ),
        members_present=[context.member],
        items=items,
        by=context.officer,
    )


def _next_meeting(context: DemoYears) -> Meeting:
    """The current year's next meeting, ahead of today (after the year's last day only on that day)."""
    title = f"{EXAMPLE_MEETING}, {context.current}, next meeting"
    meeting = Meeting.objects.filter(title=title).first()
    if meeting is not None:
        return meeting
    held_on = min(context.current.last_day, context.today + timedelta(days=NEXT_MEETING_DAYS))
    if held_on <= context.today:
        held_on = context.today + timedelta(days=1)
    return services.meeting_save(
        meeting=Meeting(held_on=held_on, title=title),
        members_present=[],
        items=[
            AgendaItem(
                kind=AgendaItem.Kind.DASHBOARD,
                financial_year=context.current.start,
                title=f"The dashboard for {context.current}: spend to date",
            )
        ],
        by=context.officer,
    )


def _put_on_agenda(meeting: Meeting, application: GrantApplication, note: str, context: DemoYears) -> None:
    """Add the application to the meeting's agenda, before its any other business."""
    items = list(meeting.items.all())
    position = next((n for n, item in enumerate(items) if item.kind == AgendaItem.Kind.OTHER), len(items))
    items.insert(position, AgendaItem(kind=AgendaItem.Kind.GRANT, grant_application=application, notes=note))
    services.meeting_save(
        meeting=meeting, members_present=list(meeting.members_present.all()), items=items, by=context.officer
    )


def _example_grant(
    example: ExampleGrant, year: FinancialYear, line: BudgetLine, held: Meeting, context: DemoYears
) -> None:
    officer, member = context.officer, context.member
    organisation = Organisation.objects.filter(short_name=example.organisation).first()
    if organisation is None:
        return
    application = services.grant_save(
        application=GrantApplication(
            organisation=organisation,
            partnership=context.links.get(example.link),
            title=_title(example, year),
            purpose=example.purpose,
            amount_requested=Decimal(example.requested),
            budget_line=line,
        ),
        objectives=Objective.objects.filter(
            strategy__source__startswith=EXAMPLE_STRATEGY_SOURCE,
            strategy__first_year__lte=year.start,
            strategy__last_year__gte=year.start,
            number__in=example.objectives,
        ),
        by=officer,
    )
    if example.outcome == State.DRAFT:
        return
    if example.outcome in DECIDED:
        submitted_on = max(year.first_day, held.held_on - timedelta(days=40))
    else:
        submitted_on = context.recently(20 if example.outcome == State.CONSIDERED else 5)
    application = services.grant_submit(application=application, by=officer, submitted_on=submitted_on)
    if example.outcome == State.SUBMITTED:
        return
    if example.outcome == State.CONSIDERED:
        _put_on_agenda(_next_meeting(context), application, "", context)
        return
    _put_on_agenda(held, application, example.minute, context)
    approve = example.outcome != State.DECLINED
    application = services.grant_decide(
        application=application,
        meeting=held,
        by=member,
        approve=approve,
        amount=Decimal(example.approved) if approve else None,
        conditions=example.conditions,
        reasons=example.reasons,
    )
    if example.outcome in (State.APPROVED, State.DECLINED):
        return
    paid_on = min(context.today, year.last_day, held.held_on + timedelta(days=21))
    application = services.grant_pay(
        application=application, by=officer, amount=Decimal(example.paid), paid_on=paid_on
    )
    if example.outcome == State.PAID:
        return
    application = services.grant_record_monitoring(
        application=application,
        by=officer,
        received_on=min(context.today, paid_on + timedelta(days=120)),
        notes="Example: the visit took place; thirty singers travelled, and the coach cost less than "
        "quoted (hence the lower payment).",
    )
    services.grant_close(
        application=application, by=officer, note="Example: monitoring report read; nothing outstanding."
    )
