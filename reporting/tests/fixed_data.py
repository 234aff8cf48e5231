"""A fixed data set for the matrix and the health table, with the figures worked out by hand.

Financial year 2016/17 runs from 1 April 2016 to 31 March 2017.

| activity | link | starts | state | objectives | council actual costs | counted in 2016/17 |
| --- | --- | --- | --- | --- | --- | --- |
| Exchange | Strasbourg | 1 Jun 2016 | complete | 1 and 2 | £100 + €200 at 0.85 = £270 (1) | yes, £270 |
| Late visit | Strasbourg | 31 Mar 2017 | complete | 1 | £40, dated 1 Apr 2017 | yes, £40 |
| Spring visit | Krefeld | 1 Apr 2017 | complete | 1 | £500 | no: 2017/18 |
| Called off | Krefeld | 1 Sep 2016 | cancelled | 2 | £60 | no: cancelled |
| Fair | Krefeld | 1 Oct 2016 | complete | none | £25 | yes, £25 |

(1) and a planned £50 and a partner's £30, neither counted.

Objective 1 serves the theme Confident People; objective 2 serves Confident People and Greater
Prosperity. Masaya has no activity (a row of zeros); an ended link with nothing in the year is left out.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from partnerships.models import Activity, Cost, Status
from partnerships.tests.factories import (
    ActivityFactory,
    CostFactory,
    PartnershipFactory,
    PlaceFactory,
    budget_line_for,
)
from strategy.tests.factories import (
    CorporateThemeFactory,
    ObjectiveFactory,
    StrategyFactory,
    SynopsisEntryFactory,
)


@dataclass
class FixedData:
    strasbourg: object
    krefeld: object
    masaya: object
    ended: object
    objective_1: object
    objective_2: object
    confident: object
    prosperity: object
    exchange: object
    late_visit: object
    spring_visit: object
    called_off: object
    fair: object


def _cost(activity, amount, on, **extra):
    fields = {"budget_line": budget_line_for(on.year if on.month >= 4 else on.year - 1), **extra}
    return CostFactory(activity=activity, amount=Decimal(amount), incurred_on=on, **fields)


def build() -> FixedData:
    strategy = StrategyFactory(first_year=2016, last_year=2019)
    objective_1 = ObjectiveFactory(strategy=strategy, number=1, title="Raise awareness")
    objective_2 = ObjectiveFactory(strategy=strategy, number=2, title="Trade and prosperity")
    confident = CorporateThemeFactory(name="Confident People", position=1)
    prosperity = CorporateThemeFactory(name="Greater Prosperity", position=2)
    SynopsisEntryFactory(objective=objective_1, theme=confident)
    SynopsisEntryFactory(objective=objective_2, theme=confident)
    SynopsisEntryFactory(objective=objective_2, theme=prosperity)

    strasbourg = PartnershipFactory(place=PlaceFactory(name="Strasbourg"))
    krefeld = PartnershipFactory(place=PlaceFactory(name="Krefeld", country="DE"))
    masaya = PartnershipFactory(place=PlaceFactory(name="Masaya", country="NI"))
    ended = PartnershipFactory(place=PlaceFactory(name="Zhejiang", country="CN"), status=Status.ENDED)

    def activity(link, title, starts_on, objectives, state=Activity.State.COMPLETE):
        made = ActivityFactory(
            partnership=link, title=title, starts_on=starts_on, ends_on=starts_on, state=state
        )
        made.objectives.set(objectives)
        return made

    exchange = activity(strasbourg, "Exchange", date(2016, 6, 1), [objective_1, objective_2])
    _cost(exchange, "100.00", date(2016, 6, 1))
    _cost(exchange, "200.00", date(2016, 6, 2), currency="EUR", rate_to_gbp=Decimal("0.85"))
    _cost(exchange, "50.00", date(2016, 6, 3), stage=Cost.Stage.PLANNED)
    _cost(exchange, "30.00", date(2016, 6, 3), paid_by=Cost.PaidBy.PARTNER, budget_line=None)
    late_visit = activity(strasbourg, "Late visit", date(2017, 3, 31), [objective_1])
    _cost(late_visit, "40.00", date(2017, 4, 1))
    spring_visit = activity(krefeld, "Spring visit", date(2017, 4, 1), [objective_1])
    _cost(spring_visit, "500.00", date(2017, 4, 1))
    called_off = activity(krefeld, "Called off", date(2016, 9, 1), [objective_2], Activity.State.CANCELLED)
    _cost(called_off, "60.00", date(2016, 9, 1))
    fair = activity(krefeld, "Fair", date(2016, 10, 1), [])
    _cost(fair, "25.00", date(2016, 10, 1))
    return FixedData(
        strasbourg,
        krefeld,
        masaya,
        ended,
        objective_1,
        objective_2,
        confident,
        prosperity,
        exchange,
        late_visit,
        spring_visit,
        called_off,
        fair,
    )
