"""The annual matrix of international activity (Kent's strategy): partnerships x objectives or themes.

What counts, decided once here and said on the page:
- an activity counts in the financial year in which it *starts*, like the activity list's year filter;
- a cancelled activity does not count (it did not happen), nor does an archived one;
- an activity serving two objectives (or themes) counts in both cells; a row's, a column's and the
  grand total count it once, so a total can be less than the sum of its cells;
- council spend is the budget page's "spent": the council's actual costs (paid by the council, stage
  actual, not archived) in pounds at the recorded rate; planned (committed) costs do not count. An
  activity's costs count with the activity, in the year it starts, whatever their own dates (the
  budget page counts a cost in the year of its date, so the two can differ by costs either side of
  1 April);
- every current link is a row, with zeros when it had no activity in the year (members look for the
  gaps), except an ended link with nothing in the year.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, groupby
from operator import itemgetter

from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from intlinks.money import MONEY_FIELD, ZERO, ZERO_MONEY
from partnerships.filters import NOT_CANCELLED
from partnerships.models import Activity, Cost, Partnership, Status
from partnerships.selectors.activities import COUNCIL_SPEND
from strategy.financial_years import FinancialYear
from strategy.models import CorporateTheme, Objective

BY_OBJECTIVE = "objective"
BY_THEME = "theme"


@dataclass(frozen=True)
class Column:
    key: int | None  # the objective's or theme's id; None for "none recorded"
    label: str
    # The activity-list query parameter that selects this column's activities.
    param: str
    value: str
    heading: str = ""  # a short column heading when the label is a sentence (an objective's title)

    @property
    def short(self) -> str:
        return self.heading or self.label


@dataclass
class Cell:
    count: int = 0
    spend: Decimal = ZERO
    query: str = ""  # the activity list's query string for exactly this cell's activities


@dataclass
class Row:
    partnership: Partnership
    cells: list[Cell]
    total: Cell


@dataclass
class Matrix:
    year: FinancialYear
    by: str
    columns: list[Column]
    rows: list[Row]
    column_totals: list[Cell]
    total: Cell

    @property
    def is_empty(self) -> bool:
        return self.total.count == 0

    def query(self, partnership=None, column: Column | None = None) -> str:
        """The activity list's query string for the activities of one cell, row, column or all."""
        parts = [f"financial_year={self.year.start}", f"state={NOT_CANCELLED}"]
        if partnership is not None:
            parts.insert(0, f"partnership={partnership.pk}")
        if column is not None:
            parts.append(f"{column.param}={column.value}")
        return "&".join(parts)


def year_activities(year: FinancialYear):
    return (
        Activity.objects.current()
        .exclude(state=Activity.State.CANCELLED)
        .filter(starts_on__gte=year.first_day, starts_on__lte=year.last_day)
    )


def council_spend_of_activity():
    """Each activity's council spend (actual council costs, current), as a subquery to annotate."""
    spend = (
        Cost.objects.current()
        .filter(COUNCIL_SPEND, activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(total=Sum("amount_gbp"))
        .values("total")
    )
    return Coalesce(Subquery(spend[:1]), ZERO_MONEY, output_field=MONEY_FIELD)


def _columns(by: str, year: FinancialYear, activities) -> tuple[list[Column], str]:
    """The columns in their order, and the lookup from an activity to a column's key."""
    if by == BY_THEME:
        lookup = "objectives__synopsis_entries__theme"
        used = activities.filter(**{f"{lookup}__isnull": False}).values(lookup)
        themes = CorporateTheme.objects.filter(Q(is_active=True, council="") | Q(pk__in=used))
        columns = [Column(theme.pk, theme.name, "theme", str(theme.pk)) for theme in themes]
        return [*columns, Column(None, "No theme", "without", "theme")], lookup
    lookup = "objectives"
    used = activities.filter(objectives__isnull=False).values("objectives")
    objectives = (
        Objective.objects.filter(strategy__archived_at__isnull=True)
        .filter(Q(strategy__first_year__lte=year.start, strategy__last_year__gte=year.start) | Q(pk__in=used))
        .select_related("strategy")
        .order_by("strategy__first_year", "strategy__pk", "number")
    )
    columns = [
        Column(o.pk, f"{o.number}. {o.title}", "objective", str(o.pk), heading=f"Objective {o.number}")
        for o in objectives
    ]
    return [*columns, Column(None, "No objective recorded", "without", "objective")], lookup


def _columns_of_activities(pairs, index: dict):
    """Each activity's link, council spend and column positions, from its (activity, column) rows in
    the order of the activities, one activity at a time: nothing is kept per activity, so a year of
    thousands leaves no objects behind to wake Python's garbage collector (a full collection cost a
    large council's matrix 100 ms one request in four).

    An activity reaching a theme through one objective and none through another is in that theme
    only: "none recorded" is for an activity with no column at all. A key that is not a column (an
    objective of an archived strategy) places the activity in no cell, though it still counts in its
    row's and the grand total.
    """
    none_recorded = len(index) - 1
    for _, rows in groupby(pairs, key=itemgetter(0)):
        _, partnership_id, _, spend = first = next(rows)
        positions = {index[row[2]] for row in chain([first], rows) if row[2] in index}
        if len(positions) > 1:
            positions.discard(none_recorded)
        yield partnership_id, spend, positions


def _add(cells: list[Cell], spend: Decimal) -> None:
    for cell in cells:
        cell.count += 1
        cell.spend += spend


def _link_queries(matrix: Matrix) -> None:
    """Give every cell and total the activity list's query string for exactly its activities."""
    for row in matrix.rows:
        for cell, column in zip(row.cells, matrix.columns, strict=True):
            cell.query = matrix.query(row.partnership, column)
        row.total.query = matrix.query(row.partnership)
    for cell, column in zip(matrix.column_totals, matrix.columns, strict=True):
        cell.query = matrix.query(column=column)
    matrix.total.query = matrix.query()


def activity_matrix(*, year: FinancialYear, by: str = BY_OBJECTIVE) -> Matrix:
    """The matrix for one financial year, in a fixed number of queries (three or four).

    The database sums each activity's council spend; one row per (activity, column) comes back, at
    most one year's activities times the columns each serves, and is added up here so that an
    activity counts once in a total even when it sits in two cells.
    """
    activities = year_activities(year)
    columns, lookup = _columns(by, year, activities)
    pairs = (
        activities.annotate(spend=council_spend_of_activity(), column=F(lookup))
        .values_list("pk", "partnership_id", "column", "spend")
        .distinct()
        .order_by("pk")
    )
    index = {column.key: position for position, column in enumerate(columns)}
    cells: dict[int, list[Cell]] = defaultdict(lambda: [Cell() for _ in columns])
    column_totals = [Cell() for _ in columns]
    row_totals: dict[int, Cell] = defaultdict(Cell)
    total = Cell()
    for partnership_id, spend, positions in _columns_of_activities(pairs, index):
        for position in positions:
            _add([cells[partnership_id][position], column_totals[position]], spend)
        _add([row_totals[partnership_id], total], spend)

    links = (
        Partnership.objects.current()
        .select_related("place")
        .filter(~Q(status=Status.ENDED) | Q(pk__in=list(row_totals)))
        .order_by("place__name", "kind", "pk")
    )
    rows = [Row(link, cells[link.pk], row_totals.get(link.pk, Cell())) for link in links]
    matrix = Matrix(year, by, columns, rows, column_totals, total)
    _link_queries(matrix)
    return matrix
