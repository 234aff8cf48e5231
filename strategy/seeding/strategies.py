"""Synthetic strategies: themes, objectives, lettered ways forward, synopsis cells, indicators and values."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from intlinks.seeding import EXAMPLE_SOURCE, save_rows
from strategy import demo
from strategy.financial_years import FinancialYear
from strategy.models import (
    CorporateTheme,
    Indicator,
    IndicatorValue,
    Objective,
    Strategy,
    SynopsisEntry,
    WayForward,
)

SOURCE = f"{EXAMPLE_SOURCE}: wording adapted from {demo.STRATEGY_DOC}"

# national indicator, name, unit, direction, objective number, baseline, yearly change
INDICATORS = [
    (
        "NI 1",
        "People who believe people from different backgrounds get on well together in their local area",
        "% of people",
        Indicator.Direction.HIGHER,
        2,
        Decimal("68.00"),
        Decimal("1.00"),
    ),
    (
        "NI 110",
        "Young people's participation in positive activities",
        "% of young people",
        Indicator.Direction.HIGHER,
        3,
        Decimal("62.00"),
        Decimal("1.50"),
    ),
    (
        "",
        "Schools with a link to a school in a partner place",
        "schools",
        Indicator.Direction.HIGHER,
        3,
        Decimal("25.00"),
        Decimal("2.00"),
    ),
    (
        "",
        "Visitors received from partner places",
        "people",
        Indicator.Direction.HIGHER,
        1,
        Decimal("400.00"),
        Decimal("20.00"),
    ),
    (
        "",
        "Carbon emitted by officers' and councillors' international travel",
        "tonnes CO2e",
        Indicator.Direction.LOWER,
        4,
        Decimal("60.00"),
        Decimal("-2.00"),
    ),
]


@dataclass
class SeededStrategy:
    """A seeded strategy with its objectives and each objective's ways forward, for the plans to use."""

    strategy: Strategy
    objectives: list[Objective]
    ways_forward: dict[int, list[WayForward]] = field(default_factory=dict)  # by objective number


def seed_themes() -> list[CorporateTheme]:
    """The community plan's themes (One Leicester's three), the columns of every synopsis."""
    themes = [
        CorporateTheme(name=name, position=position, source=SOURCE)
        for position, name in enumerate(demo.THEMES, start=1)
    ]
    return save_rows(CorporateTheme, themes)


def _status(first: FinancialYear, last: FinancialYear, today: date) -> str:
    if first.first_day > today:
        return Strategy.Status.DRAFT
    if last.last_day < today:
        return Strategy.Status.SUPERSEDED
    return Strategy.Status.ADOPTED


def seed_strategy(
    *,
    rng: random.Random,
    first_year: int,
    last_year: int,
    themes: list[CorporateTheme],
    objectives: int = 6,
    ways_forward: int = 5,
    today: date,
) -> SeededStrategy:
    """A strategy for `first_year` to `last_year` with numbered objectives, up to `ways_forward`
    lettered ways forward each, and one synopsis cell per objective and theme."""
    first, last = FinancialYear(first_year), FinancialYear(last_year)
    status = _status(first, last, today)
    strategy = Strategy(
        title=f"International Strategy {first} to {last}",
        first_year=first_year,
        last_year=last_year,
        status=status,
        adopted_on=None
        if status == Strategy.Status.DRAFT
        else first.first_day - timedelta(rng.randint(20, 90)),
        aims="\n".join(demo.AIMS),
        source=SOURCE,
    )
    save_rows(Strategy, [strategy])
    rows = save_rows(
        Objective,
        [
            Objective(
                strategy=strategy, number=number, title=demo.OBJECTIVES[(number - 1) % 6 + 1], source=SOURCE
            )
            for number in range(1, objectives + 1)
        ],
    )
    seeded = SeededStrategy(strategy, rows)
    ways, cells = [], []
    for objective in rows:
        texts = demo.WAYS_FORWARD[(objective.number - 1) % 6 + 1]
        letters = "abcdefghijklmnopqrstuvwxyz"[: max(1, min(ways_forward, 26))]
        own = [
            WayForward(objective=objective, letter=letter, text=texts[index % len(texts)], source=SOURCE)
            for index, letter in enumerate(letters)
        ]
        seeded.ways_forward[objective.number] = own
        ways.extend(own)
        cells_text = demo.SYNOPSIS[(objective.number - 1) % 6 + 1]
        cells.extend(
            SynopsisEntry(
                objective=objective, theme=theme, text=cells_text[index % len(cells_text)], source=SOURCE
            )
            for index, theme in enumerate(themes)
        )
    save_rows(WayForward, ways)
    save_rows(SynopsisEntry, cells)
    return seeded


def seed_indicators(*, rng: random.Random, seeded: SeededStrategy, today: date) -> list[Indicator]:
    """The strategy's indicators, each with a target for every year and an actual for every year ended."""
    strategy = seeded.strategy
    by_number = {objective.number: objective for objective in seeded.objectives}
    indicators = [
        Indicator(
            strategy=strategy,
            objective=by_number.get(number),
            name=name,
            national_indicator=code,
            unit=unit,
            direction=direction,
            baseline=baseline,
            baseline_year=strategy.first_year - 1,
            source=SOURCE,
        )
        for code, name, unit, direction, number, baseline, _ in INDICATORS
    ]
    save_rows(Indicator, indicators)
    values = []
    for indicator, (*_, baseline, step) in zip(indicators, INDICATORS, strict=True):
        for offset, year in enumerate(strategy.years, start=1):
            target = max(baseline + step * offset, Decimal("0.00"))
            ended = year.last_day < today
            actual = (target * Decimal(rng.uniform(0.85, 1.1))).quantize(Decimal("0.01")) if ended else None
            values.append(
                IndicatorValue(indicator=indicator, financial_year=year.start, target=target, actual=actual)
            )
    save_rows(IndicatorValue, values)
    return indicators
