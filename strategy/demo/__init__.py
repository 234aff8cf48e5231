"""Demonstration data: Leicester's 2008 International Development Strategy, as the document gives it.

Safe to run twice: records are found by their natural keys and only created when missing, so edits
made through the site are kept. Every record says where it came from; anything invented only to show
a feature says "Example". The example plan and budgets of the years around the day it runs are in
`recent_years`.
"""

from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from strategy import services
from strategy.demo import recent_years
from strategy.models import (
    Action,
    ActionPlan,
    Budget,
    BudgetLine,
    CorporateTheme,
    Indicator,
    Objective,
    Strategy,
    SynopsisEntry,
    WayForward,
)

STRATEGY_DOC = "Leicester City Council, International Development Strategy (2008)"
CABINET_2002 = (
    "Leicester City Council, Cabinet report 'A new strategy for international development', "
    "2 September 2002, paragraph 4.1"
)

AIMS = [
    "To work with Leicester's international links to support sustainable development, cultural diversity "
    "and social justice for both Leicester and Leicester's international partners",
    "To engage in international co-operation to bring about important benefits in increasing "
    "understanding of the world and help to combat insularity, racism and prejudice",
    "To raise public awareness of global issues to promote tolerance",
]

OBJECTIVES = {
    1: "Invest in and learn from international partnerships to support economic development, inward "
    "investment, enhance skills and improve performance",
    2: "Embrace Leicester's diverse communities to build social cohesion and celebrate local identity "
    "alongside the city's links with the wider world",
    3: "Increase international understanding and global learning to improve educational standards, "
    "broaden experiences and promote active citizenship",
    4: "Respond to a shared agenda for environmental sustainability, carbon footprint reduction and "
    "increasing support for sustainable development to benefit future generations",
    5: "Liaise with and work alongside developing economies to meet social justice objectives and "
    "challenge global inequalities",
    6: "Develop and implement a coherent approach to Leicester's town-twinning links to maximise the "
    "impact of these relationships at local and international level",
}

WAYS_FORWARD = {
    1: [
        "Developing practitioner to practitioner exchanges with other countries to share learning and "
        "support staff development and training",
        "Encouraging opportunities for local businesses to develop trading links beyond the UK.",
        "Raise the profile of Leicester as a tourist destination for visitors from overseas.",
        "Keeping abreast of European agendas to ensure the city is outward looking.",
        "Maximising opportunities to make collaborative funding bids from the European Union, the "
        "Department for International Development and other streams.",
    ],
    2: [
        "Liaising with local authority partners in other countries to share experience and expertise on "
        "well-being and social cohesion.",
        "Working with relevant Leicester City Council departments such as Libraries and Museums, to ensure "
        "that the cultures of Leicester and those of its twin towns are enjoyed as part of the city's rich "
        "and diverse heritage.",
        "Identifying opportunities for international partnerships and the town-twinning groups to "
        "contribute to Leicester City Council's Local Area Agreement priority target for Community "
        "Cohesion (NI 1).",
        "Working with other local agencies (Schools Development Support Agency, the East Midlands Network "
        "for Global Perspectives in Schools, Leicester Council of Faiths and Diversity Hub) to support "
        "schools in their duty to promote community cohesion.",
        "Developing innovative approaches and building capacity to promote positive and harmonious "
        "community relations with the support of the Institute of Community Cohesion and its local "
        "partners, the University of Leicester and de Montfort University.",
    ],
    3: [
        "Explore ways in which Leicester City Council Children and Young People's Services can make best "
        "use of the twin town groups, and particularly the LMLG to:\n"
        "- implement the global education agenda\n"
        '- encourage international school linking (in response to "Putting the World into World Class '
        'Education")\n'
        '- fulfil the duty to promote community cohesion as outlined in "Guidance on the Duty to Promote '
        'Community Cohesion"',
        "Liaise with Leicester City Council Children and Young People's Services to seek support for a "
        "dedicated post to support international school linking.",
        "Identify the role for education, for global citizenship and development education methodology "
        "within Leicester City Council's \"Transforming Leicester's Learning\" plan.",
        "Respond to Leicester City Council's Local Area Agreement (indicator NI110) to ensure 'young "
        "people's participation in positive activities'.",
    ],
    4: [
        "Work with Leicester City Council's Environment and Energy Teams to raise awareness of the global "
        "relevance of sustainability issues within the local context.",
        "Embed sustainable development and energy efficiency measures in international projects.",
        "Maintain a presence within the UN Regional Centre of Expertise on Education for Sustainable "
        "Development and ensure that sustainability issues remain high on the education agenda across the "
        "different educational sectors.",
    ],
    5: [
        "Promote social justice both in Leicester and in Leicester's links around the world",
        "Develop a common understanding of local and global inequality",
        "Increase local support for international aid",
        "Continued support of Leicester's fair trade city status",
        "Enhanced PCT role",
    ],
    6: [
        "Create a more coherent Development Education and awareness raising strategy for all the twin "
        "town groups",
        "Deliver awareness raising events and disseminate information about the work of the twin-town "
        "groups more widely",
        "Improve the range of educational material relating to the twin-town groups and provide a "
        "dedicated space to store and make resources accessible to teachers and schools",
        "Provide opportunities for the twin town groups to engage in dialogue with relevant personnel "
        "within the Council to promote partnership working",
    ],
}

THEMES = ["Confident People", "Greater Prosperity", "A Beautiful Place"]

# The synopsis table, row by objective, cells in the order of THEMES (Appendix B4, verbatim).
SYNOPSIS = {
    1: [
        "By developing practitioner to practitioner exchanges with other countries to share learning, "
        "support staff development and training, we will help to create a confident workforce",
        "European funding provides a major opportunity to help create a wealthier and fairer city. By "
        "encouraging opportunities for local businesses to develop trading links beyond the UK, we will "
        "maximise business competitiveness.",
        "International cooperation, through activities such as the International Council for Local "
        "Environment Initiatives (ICLEs) Cities for Climate Change Programme, will ensure the city is "
        "outward looking and is able to maximise opportunities to create a greener place",
    ],
    2: [
        "By working with partners in other countries to share experience and expertise on well-being and "
        "social cohesion, we will help to create a place where people have confidence in themselves, where "
        "they live and work",
        "By developing innovative approaches and building capacity to promote positive and harmonious "
        "community relations, we will help to create an environment where everyone can fulfil their "
        "potential",
        "By working with relevant City Council departments, we will ensure that the cultures contained "
        "within Leicester and those of its twin towns are enjoyed as part of the city's rich and diverse "
        "heritage, thus helping to create a vibrant city",
    ],
    3: [
        "By implementing the global education agenda and international school linking, we will help "
        "increase the practical skills of our people and enable them to compete successfully in the "
        "workplace",
        "By identifying the role for global citizenship and developing education methodology within the "
        "City Council's 'Transforming Leicester's Learning Plan', our people will be able to acquire that "
        "skills that will help them thrive within the global economy",
        "By exploring issues of global significance such as climate change, we will encourage a sense of "
        "purpose among our people and encourage them to take action and work towards creating a more "
        "sustainable world",
    ],
    4: [
        "By raising awareness of the global relevance of sustainability issues, we will help create "
        "environments in which people feel engaged and believe in themselves",
        "Understanding the global context of issues such as climate change will enable us to find local "
        "solutions to ensure a sustainable future for the city's residents and businesses",
        "By making our contribution towards reducing negative impacts on the environment and ensuring "
        "sustainable development, we will help to improve the quality of life within the city",
    ],
    5: [
        "By promoting social justice both in Leicester and in Leicester's links around the world, we will "
        "help to build confident and caring communities",
        "By developing a common understanding of local and global inequalities, we will help create more "
        "cohesive communities and help to alleviate global poverty",
        "By raising awareness of the issues behind global inequality and tackling the root causes, we will "
        "help create a better place",
    ],
    6: [
        "By helping people build the skills and values that will enable them to become global citizens, we "
        "will help to create more confident people",
        "By supporting language skills in a range of ways in schools and through student placements and "
        "exchanges, we will help people realise their potential to compete in a global market",
        "By providing opportunities for the twin town groups to work in partnership with relevant "
        "personnel within the City Council, we will add value to existing work and help create a vibrant "
        "city",
    ],
}

# The 2002 report gives the total only; this split is invented to show the budget page (labelled so).
EXAMPLE_BUDGET_LINES = [
    ("Civic visits and delegations (Example split)", Decimal("20000.00"), False),
    ("Grants to twinning associations (Example split)", Decimal("35000.00"), True),
    ("Projects (Example split)", Decimal("15400.00"), False),
    ("Memberships (Example split)", Decimal("3000.00"), False),
]

# Invented updates, to show progress history and RAG counts on the example plan.
EXAMPLE_UPDATES = {
    "2c": [("on_track", "green", "Example update: town-twinning groups asked how their work serves NI 1.")],
    "6b": [
        ("on_track", "green", "Example update: events planned with the twin-town groups."),
        ("at_risk", "amber", "Example update: two events postponed for lack of a venue."),
    ],
}


def load(stdout, *, today: date | None = None) -> None:
    """Create whatever of the demonstration strategy, plan, indicators and budget is missing, then the
    example plan and budgets of the previous and current financial years (of `today`, by default the
    day it runs: see `recent_years`).

    Every record is written through the service an officer's page uses, so it keeps the same rules.
    """
    with transaction.atomic():
        themes = _themes()
        strategy = _strategy()
        objectives = _objectives_and_ways_forward(strategy)
        _synopsis(objectives, themes)
        _example_action_plan(strategy, objectives)
        _indicators(strategy, objectives)
        _budget_2002()
    stdout.write(
        f"Strategy: {strategy} with {len(objectives)} objectives, its example action plan and budget."
    )
    with transaction.atomic():
        stdout.write(recent_years.load(objectives_2008=objectives, aims=strategy.aims, today=today))


def _themes() -> list[CorporateTheme]:
    source = f"{STRATEGY_DOC}, synopsis table (Appendix B4) column headings: the themes of One Leicester"
    themes = []
    for position, name in enumerate(THEMES, start=1):
        theme = CorporateTheme.objects.filter(council="", name=name).first()
        themes.append(
            theme
            or services.corporate_theme_save(
                corporate_theme=CorporateTheme(council="", name=name, position=position, source=source)
            )
        )
    return themes


def _strategy() -> Strategy:
    # Found by its source, not its title, so an officer may rename it without a second copy appearing.
    existing = Strategy.objects.filter(source__startswith=STRATEGY_DOC).order_by("pk").first()
    if existing:
        return existing
    strategy = Strategy(
        title="International Development Strategy",
        first_year=2008,
        last_year=2011,
        status=Strategy.Status.DRAFT,
        aims="\n".join(AIMS),
        source=(
            f"{STRATEGY_DOC}: aims from section 3.1, objectives from section 3.2. The document gives "
            "no period and no Cabinet adoption date: the four years from 2008/09 and the draft status "
            "are Example values."
        ),
    )
    return services.strategy_save(strategy=strategy)


def _objectives_and_ways_forward(strategy: Strategy) -> dict[int, Objective]:
    objectives = {}
    for number, title in OBJECTIVES.items():
        objective = Objective.objects.filter(strategy=strategy, number=number).first()
        objectives[number] = objective or services.objective_save(
            objective=Objective(
                strategy=strategy,
                number=number,
                title=title,
                source=f"{STRATEGY_DOC}, section 3.2, objective {number}",
            )
        )
        for letter, text in zip("abcdefghijklmnopqrstuvwxyz", WAYS_FORWARD[number], strict=False):
            if WayForward.objects.filter(objective=objectives[number], letter=letter).exists():
                continue
            services.way_forward_save(
                way_forward=WayForward(
                    objective=objectives[number],
                    letter=letter,
                    text=text,
                    source=f"{STRATEGY_DOC}, section 4, objective {number}: "
                    "'How will this objective be taken forward?'",
                )
            )
    return objectives


def _synopsis(objectives: dict[int, Objective], themes: list[CorporateTheme]) -> None:
    for number, cells in SYNOPSIS.items():
        for theme, text in zip(themes, cells, strict=True):
            if SynopsisEntry.objects.filter(objective=objectives[number], theme=theme).exists():
                continue
            services.synopsis_entry_save(
                objective=objectives[number],
                theme=theme,
                text=text,
                source=f"{STRATEGY_DOC}, synopsis table (Appendix B4)",
            )


def _example_action_plan(strategy: Strategy, objectives: dict[int, Objective]) -> None:
    plan = ActionPlan.objects.filter(strategy=strategy, financial_year=2008).first()
    plan = plan or services.action_plan_create(
        strategy=strategy,
        financial_year=2008,
        title="Example action plan derived from the ways forward",
        source=f"Example: one action for each lettered way forward of the {STRATEGY_DOC}; the "
        "dates, lead officer and costs are invented.",
    )
    officer = get_user_model().objects.filter(username="officer").first()
    for number, objective in objectives.items():
        for way in objective.ways_forward.all():
            action = Action.objects.filter(action_plan=plan, reference=f"{number}{way.letter}").first()
            action = action or services.action_save(
                action=Action(
                    action_plan=plan,
                    reference=f"{number}{way.letter}",
                    description=way.text,
                    objective=objective,
                    way_forward=way,
                    lead_officer=officer,
                    start_date=date(2008, 4, 1),
                    due_date=date(2009, 3, 31),
                )
            )
            if officer and not action.updates.exists():
                _example_updates(action, officer)


def _example_updates(action: Action, officer) -> None:
    for month, (status, rag, note) in enumerate(EXAMPLE_UPDATES.get(action.reference, []), start=6):
        services.progress_update_add(
            action=action,
            by=officer,
            recorded_at=timezone.make_aware(datetime(2008, month, 30, 12, 0)),
            status=status,
            rag=rag,
            note=note,
        )


def _indicator(strategy: Strategy, national_indicator: str, **fields) -> None:
    if not Indicator.objects.filter(strategy=strategy, national_indicator=national_indicator).exists():
        services.indicator_save(
            indicator=Indicator(strategy=strategy, national_indicator=national_indicator, **fields)
        )


def _indicators(strategy: Strategy, objectives: dict[int, Objective]) -> None:
    _indicator(
        strategy,
        "NI 1",
        name="Percentage of people who believe people from different backgrounds get on well together "
        "in their local area",
        objective=objectives[2],
        unit="% of people",
        direction=Indicator.Direction.HIGHER,
        source=f"{STRATEGY_DOC}: objective 2, way forward c, and Appendix B2 ('increase the "
        "percentage of ...'), Leicester's Local Area Agreement priority target for Community Cohesion "
        "(NI 1). The document gives no baseline or targets.",
    )
    _indicator(
        strategy,
        "NI 110",
        name="Young people's participation in positive activities",
        objective=objectives[3],
        unit="not stated in the strategy",
        direction=Indicator.Direction.HIGHER,
        source=f"{STRATEGY_DOC}: objective 3 and way forward d, Local Area Agreement indicator NI110. "
        "The document gives no unit, baseline or targets.",
    )


def _budget_2002() -> None:
    # An existing budget is the officers' own: its lines were saved with it, adding up to its total.
    if Budget.objects.filter(financial_year=2002).exists():
        return
    budget = Budget(
        financial_year=2002,
        title="Overseas Links Controllable Budget",
        controllable_total=Decimal("73400.00"),
        source=f"{CABINET_2002}: 'The Council's Overseas Links Controllable Budget for 2002/03 is "
        "£73,400.' The report gives no lines: the split below is an Example.",
    )
    lines = [
        BudgetLine(
            name=name,
            allocation=allocation,
            counts_toward_overseas_assistance_limit=limited,
            position=position,
            source="Example split of the 2002/03 total, not from the report",
        )
        for position, (name, allocation, limited) in enumerate(EXAMPLE_BUDGET_LINES, start=1)
    ]
    services.budget_save_with_lines(budget=budget, lines=lines)
