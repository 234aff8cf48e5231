"""The example activities of each recent year, as data: where and when, who, and their costs.

`recent_years` places them in the previous and the current financial year and records them through the
services. Every figure is invented (labelled "Example"), chosen to keep within the conduct rules of the
demonstration's policy; the costs are in pounds, euros, US dollars and yuan.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from partnerships.models import Activity, Cost

# Each of six meals at £25, within the £30 cap a meal; the line is their sum.
SIX_MEALS_AT_25 = {"meals": 6, "meal_amounts": ", ".join(["25.00"] * 6)}


@dataclass(frozen=True)
class CostLine:
    category: str
    line: str  # the start of the budget line's name
    amount: str
    description: str
    currency: str = "GBP"
    rate: str | None = None
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ExampleActivity:
    """One activity of each year. In the previous year it starts `month` months after the year began
    (None: not that year); in the current year `before` days before today (a recent one) or `after`
    days after (one ahead)."""

    link: str
    kind: str
    title: str
    days: int
    action: str  # the reference of the action of the year's example plan it delivers
    month: int | None = None
    before: int | None = None
    after: int | None = None
    people: dict = field(default_factory=dict)
    fields: dict = field(default_factory=dict)
    costs: tuple[CostLine, ...] = ()
    cancelled: str = ""  # the reason it was called off


VISITS = "Civic visits"
EXCHANGES = "Cultural and educational"
ECONOMY = {"travel_class": "economy", "journey_hours": Decimal("2.0")}

ACTIVITIES = [
    ExampleActivity(
        link="Krefeld",
        kind=Activity.Kind.OUTGOING_VISIT,
        title="civic visit to Krefeld",
        days=3,
        action="1b",
        month=5,
        before=40,
        people={"councillors": 2, "officers": 1},
        fields={
            "purpose": "Example: agree the year's exchanges and a stand at Krefeld's trade fair.",
            "expected_benefit": "Example: trading contacts for local firms; exchange places for choirs.",
            "outcomes": "Example: two choir exchanges and a trade-fair stand agreed.",
        },
        costs=(
            CostLine(Cost.Category.TRAVEL, VISITS, "220.00", "Example: return flights", details=ECONOMY),
            CostLine(
                Cost.Category.ACCOMMODATION,
                VISITS,
                "390.00",
                "Example: hotel, three nights",
                currency="EUR",
                rate="0.850000",
                details={"region": "europe", "nights": 3},
            ),
            CostLine(
                Cost.Category.SUBSISTENCE,
                VISITS,
                "150.00",
                "Example: six meals",
                details=SIX_MEALS_AT_25,
            ),
        ),
    ),
    ExampleActivity(
        link="Rajkot",
        kind=Activity.Kind.INCOMING_DELEGATION,
        title="delegation from Rajkot Municipal Corporation",
        days=2,
        action="2c",
        month=7,
        before=75,
        people={"officers": 2, "community_members": 30},
        fields={
            "places": "Leicester",
            "purpose": "Example: share practice on community engagement, as the CLGF projects did.",
            "expected_benefit": "Example: ideas for the council's cohesion work (NI 1).",
            "outcomes": "Example: a joint community event and a staff shadowing plan.",
        },
        costs=(
            CostLine(Cost.Category.VENUE, VISITS, "400.00", "Example: community centre hire"),
            CostLine(Cost.Category.INTERPRETATION, VISITS, "250.00", "Example: Gujarati interpreter"),
            CostLine(Cost.Category.HOSPITALITY, VISITS, "180.00", "Example: civic lunch"),
        ),
    ),
    ExampleActivity(
        link="Masaya",
        kind=Activity.Kind.CULTURAL_EVENT,
        title="development education week with the Masaya link",
        days=5,
        action="5d",
        month=9,
        before=20,
        people={"officers": 1, "community_members": 120},
        fields={
            "purpose": "Example: a week of school assemblies and a fair-trade market with the LMLG.",
            "expected_benefit": "Example: understanding of global inequality; support for fair trade.",
            "outcomes": "Example: 14 schools took part; the market raised money for a Masaya school.",
        },
        costs=(
            CostLine(Cost.Category.VENUE, EXCHANGES, "300.00", "Example: market hall"),
            CostLine(
                Cost.Category.OTHER,
                EXCHANGES,
                "200.00",
                "Example: a Masaya teacher's travel within Nicaragua",
                currency="USD",
                rate="0.790000",
            ),
        ),
    ),
    ExampleActivity(
        link="Chongqing",
        kind=Activity.Kind.TRADE_MISSION,
        title="trade mission to Chongqing",
        days=5,
        action="1e",
        month=6,
        after=45,
        people={"officers": 2, "businesses": 5},
        fields={
            "purpose": "Example: introduce Leicester firms to Chongqing's trade bureau.",
            "expected_benefit": "Example: export orders for local businesses.",
        },
        costs=(
            CostLine(
                Cost.Category.TRAVEL,
                VISITS,
                "2600.00",
                "Example: business class, a journey of over 8 hours (allowed)",
                details={"travel_class": "business", "journey_hours": Decimal("13.0")},
            ),
            CostLine(
                Cost.Category.ACCOMMODATION,
                VISITS,
                "4000.00",
                "Example: hotel, five nights",
                currency="CNY",
                rate="0.110000",
                details={"region": "asia", "nights": 5},
            ),
        ),
    ),
    ExampleActivity(
        link="Krefeld",
        kind=Activity.Kind.CULTURAL_EVENT,
        title="Krefeld choir's concert in Leicester",
        days=1,
        action="6b",
        month=2,
        after=80,
        people={"community_members": 60},
        fields={
            "places": "Leicester",
            "purpose": "Example: the twin-town choirs' annual concert, with CLETA.",
            "expected_benefit": "Example: the twin towns' cultures enjoyed as part of the city's heritage.",
            "outcomes": "Example: a full hall; a return visit agreed.",
        },
        costs=(CostLine(Cost.Category.VENUE, EXCHANGES, "350.00", "Example: concert hall"),),
    ),
    ExampleActivity(
        link="Strasbourg",
        kind=Activity.Kind.YOUTH_EXCHANGE,
        title="school exchange with Strasbourg",
        days=5,
        action="3a",
        before=55,
        people={"officers": 2, "young_people": 16},
        fields={
            "purpose": "Example: a week's exchange between two secondary schools.",
            "expected_benefit": "Example: language learning and global citizenship.",
        },
        cancelled="Example: the host school in Strasbourg withdrew after a change of head teacher; "
        "the exchange was called off before anyone travelled.",
    ),
    ExampleActivity(
        link="Masaya",
        kind=Activity.Kind.YOUTH_EXCHANGE,
        title="youth exchange with Masaya",
        days=10,
        action="5d",
        after=120,
        people={"officers": 2, "young_people": 8},
        fields={
            "purpose": "Example: young people from Leicester and Masaya work on a school garden.",
            "expected_benefit": "Example: global citizenship; positive activities for young people (NI 110).",
            "insurance_confirmed": True,
            "parental_consents": 5,
        },
    ),
]
