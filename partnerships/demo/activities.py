"""Demonstration data of the activity log: Rajkot's funded projects as the 2008 strategy gives them,
and a few visits labelled "Example" whose costs exercise the conduct rules (one breaks them).

The documents give no amounts for the Asia-Urbs or CLGF projects, so none are invented: those fields
stay empty. The conduct policy's figures are an Example, except the £30 meal, the LGIB handbook's own.
Safe to run twice: each record is found by its natural key and only created when missing.
"""

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile

from partnerships import services
from partnerships.models import (
    Activity,
    ConductPolicy,
    Cost,
    Evidence,
    ExternalFunding,
    Gift,
    HotelCap,
    Partnership,
)

STRATEGY_2008 = "Leicester City Council, International Development Strategy (2008)"
HANDBOOK = "LGIB, Take your partners (2006), section on conduct and money"
EXAMPLE = "Example, invented to show the conduct rules; not from the documents."


def load(stdout) -> None:
    policy = _conduct_policy()
    rajkot = Partnership.objects.filter(place__name="Rajkot", kind=Partnership.Kind.TWINNING).first()
    if rajkot:
        _rajkot_funding(rajkot)
    _example_visits()
    stdout.write(f"Activities: {policy}, Rajkot's Asia-Urbs and CLGF projects, example visits.")


def _conduct_policy() -> ConductPolicy:
    policy, created = ConductPolicy.objects.get_or_create(
        in_force_from=date(2002, 4, 1),
        defaults={
            "business_class_min_hours": Decimal("8.0"),
            "premium_economy_min_hours": Decimal("5.0"),
            "subsistence_per_meal": Decimal("30.00"),
            "subsistence_per_day": Decimal("60.00"),
            "gift_registration_threshold": Decimal("25.00"),
            "gift_handover_threshold": Decimal("100.00"),
            "source": f"The £30 meal limit is the example in {HANDBOOK}. Every other figure is an Example: "
            "the handbook leaves them to each council's code of conduct.",
        },
    )
    if created:
        for region, cap in (("uk", "90.00"), ("europe", "120.00"), ("asia", "100.00")):
            HotelCap.objects.create(policy=policy, region=region, nightly_cap=Decimal(cap))
    return policy


def _rajkot_funding(rajkot: Partnership) -> None:
    projects = [
        {
            "funder": "European Commission",
            "programme": "EU Asia-Urbs",
            "title": "Environmental impacts of the textile industry in Rajkot: four-month feasibility study",
            "status": ExternalFunding.Status.AWARDED,
            "notes": "With the Portuguese town of Maia. The partners then developed a two-year "
            "Asia-Urbs project proposal on water and waste management in Rajkot. "
            "The document gives no amounts or dates.",
            "source": f"{STRATEGY_2008}, Appendix B1: “The European Commission Asia-Urbs Programme "
            "is funding a four-month feasibility study in Rajkot.”",
        },
        {
            "funder": "Commonwealth Local Government Forum",
            "programme": "CLGF Good Practice Scheme Phase II",
            "title": "Community Engagement with Local Government",
            "status": ExternalFunding.Status.CLOSED,
            "awarded_on": date(2005, 4, 1),
            "notes": "Approved by CLGF in April 2005 (the day is not given; 1 April stands for the month). "
            "Colleagues from Rajkot Municipal Corporation shadowed council officers on four visits. "
            "The document gives no amounts.",
            "source": f"{STRATEGY_2008}, Appendix B1: the Phase II bid “was approved by CLGF in April 2005”.",
        },
        {
            "funder": "Commonwealth Local Government Forum",
            "programme": "CLGF Good Practice Scheme Phase III",
            "title": "Local authority facilitated sustainable development with poor communities",
            "status": ExternalFunding.Status.PLANNED,
            "notes": "Anticipated to run from November 2008 to June 2010. The document gives no amounts.",
            "source": f"{STRATEGY_2008}, Appendix B1: a further project under Phase III "
            "“is anticipated to run from November 2008 to June 2010”.",
        },
    ]
    for project in projects:
        if not ExternalFunding.objects.filter(programme=project["programme"], partnership=rajkot).exists():
            services.funding_save(funding=ExternalFunding(partnership=rajkot, **project))


def _line(name_start: str):
    from strategy.models import BudgetLine

    return BudgetLine.objects.filter(budget__financial_year=2002, name__startswith=name_start).first()


def _example_visits() -> None:
    visits_line = _line("Civic visits")
    krefeld = Partnership.objects.filter(place__name="Krefeld", kind=Partnership.Kind.TWINNING).first()
    chongqing = Partnership.objects.filter(place__name="Chongqing", kind=Partnership.Kind.TWINNING).first()
    strasbourg = Partnership.objects.filter(place__name="Strasbourg", kind=Partnership.Kind.TWINNING).first()
    if not (visits_line and krefeld and chongqing and strasbourg):
        return  # the strategy's budget or the twin cities are missing: nothing to charge the costs to

    def cost(category, on, amount, **fields):
        return Cost(
            category=category,
            incurred_on=on,
            amount=Decimal(amount),
            stage=Cost.Stage.ACTUAL,
            budget_line=visits_line,
            **fields,
        )

    krefeld_visit = _example_activity(
        Activity(
            partnership=krefeld,
            kind=Activity.Kind.OUTGOING_VISIT,
            title="Example: civic visit to Krefeld",
            starts_on=date(2002, 9, 10),
            ends_on=date(2002, 9, 13),
            places="Krefeld",
            purpose="Example: agree the next year's school and choir exchanges.",
            expected_benefit="Example: exchange places for Leicester pupils and choirs.",
            councillors=2,
            officers=1,
            named_travellers="Example Councillor A, Lord Mayor\nExample Officer B, international officer",
        ),
        [
            cost(
                Cost.Category.TRAVEL,
                date(2002, 9, 10),
                "180.00",
                travel_class="economy",
                journey_hours=Decimal("2.0"),
                description="Example: return flights",
            ),
            cost(
                Cost.Category.ACCOMMODATION,
                date(2002, 9, 10),
                "450.00",
                currency="EUR",
                rate_to_gbp=Decimal("0.630000"),
                region="europe",
                nights=3,
                description="Example: hotel",
            ),
            cost(
                Cost.Category.SUBSISTENCE,
                date(2002, 9, 11),
                "210.00",
                meals=6,
                meal_amounts="30.00, 30.00, 30.00, 30.00, 45.00, 45.00",
                description="Example: six meals, the last two at £45, over the £30 limit a meal",
            ),
        ],
    )
    if krefeld_visit and not Gift.objects.filter(partnership=krefeld).exists():
        services.gift_save(
            gift=Gift(
                direction=Gift.Direction.GIVEN,
                counterparty="Oberbürgermeister of Krefeld (example)",
                counterparty_kind=Gift.CounterpartyKind.PUBLIC,
                partnership=krefeld,
                activity=krefeld_visit,
                description="Example: framed print of Leicester's clock tower",
                value=Decimal("20.00"),
                given_on=date(2002, 9, 11),
                registered_on=date(2002, 9, 16),
                source=EXAMPLE,
            ),
            by=None,
        )
    _example_activity(
        Activity(
            partnership=chongqing,
            kind=Activity.Kind.TRADE_MISSION,
            title="Example: trade mission to Chongqing",
            starts_on=date(2002, 11, 4),
            ends_on=date(2002, 11, 8),
            places="Chongqing",
            purpose="Example: introduce Leicester businesses to Chongqing's trade bureau.",
            expected_benefit="Example: trading links for local businesses.",
            officers=2,
            businesses=4,
        ),
        [
            cost(
                Cost.Category.TRAVEL,
                date(2002, 11, 4),
                "2400.00",
                travel_class="business",
                journey_hours=Decimal("13.0"),
                description="Example: business class above 8 hours, allowed",
            ),
            cost(Cost.Category.ACCOMMODATION, date(2002, 11, 4), "400.00", region="asia", nights=4),
        ],
    )
    _example_activity(
        Activity(
            partnership=strasbourg,
            kind=Activity.Kind.YOUTH_EXCHANGE,
            title="Example: school exchange with Strasbourg",
            starts_on=date(2003, 2, 17),
            ends_on=date(2003, 2, 21),
            places="Strasbourg",
            purpose="Example: a week's exchange between two secondary schools.",
            expected_benefit="Example: language learning and global citizenship.",
            officers=1,
            young_people=12,
            parental_consents=10,
            insurance_confirmed=True,
        ),
        [],
    )


def _example_activity(activity: Activity, costs: list[Cost]) -> Activity | None:
    existing = Activity.objects.filter(partnership=activity.partnership, title=activity.title).first()
    if existing:
        return existing
    activity.source = EXAMPLE
    return prepared_for_travel(services.activity_log(activity=activity, costs=costs, by=None), by=None)


def prepared_for_travel(activity: Activity, *, by) -> Activity:
    """An example party of adults that travels gets what the gate before travel asks (insurance
    confirmed, an example risk assessment as evidence), so that it can be marked ready and complete. A
    youth example keeps its own story: its checklist is as the example gives it."""
    if not activity.travels or activity.has_young_people or not activity.readiness_missing():
        return activity
    if not activity.insurance_confirmed:
        activity.insurance_confirmed = True
        activity = services.activity_update_safeguarding(activity=activity, by=by)
    if not activity.evidence.filter(kind=Evidence.Kind.RISK_ASSESSMENT).exists():
        # Imported here: the seeding package reads the demonstration's themes when it is imported.
        from partnerships.seeding.safeguarding import example_pdf

        pdf = example_pdf(
            "Example risk assessment", "Example, made by the demonstration: not a real document."
        )
        services.evidence_add(
            evidence=Evidence(
                activity=activity,
                kind=Evidence.Kind.RISK_ASSESSMENT,
                title="Example risk assessment",
                file=ContentFile(pdf, name="example-risk-assessment.pdf"),
            ),
            by=by,
        )
    return activity
