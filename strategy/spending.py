"""Where committed and spent amounts per budget line come from.

Strategy may not import the apps that record spending (activity costs, grant payments), so those apps
register a source here, typically in their AppConfig.ready():

    register_spending_source(activity_cost_spending)

A source is called as ``source(budget_lines=[...])`` with BudgetLine objects (each knows its budget's
financial year) and returns ``{budget_line_id: Spending(committed=..., spent=...)}``; lines it knows
nothing about may be left out. It should answer in a fixed number of queries however many lines.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from intlinks.money import ZERO, to_pennies


@dataclass(frozen=True)
class Spending:
    committed: Decimal = ZERO
    spent: Decimal = ZERO

    def __add__(self, other: "Spending") -> "Spending":
        return Spending(committed=self.committed + other.committed, spent=self.spent + other.spent)


SpendingSource = Callable[..., Mapping[int, Spending]]
_sources: list[SpendingSource] = []


def register_spending_source(source: SpendingSource) -> SpendingSource:
    """Add a source of committed and spent amounts; registering the same one twice has no effect."""
    if source not in _sources:
        _sources.append(source)
    return source


def unregister_spending_source(source: SpendingSource) -> None:
    if source in _sources:
        _sources.remove(source)


def spending_by_line(*, budget_lines: Sequence) -> dict[int, Spending]:
    """Committed and spent per budget line id, summed over every registered source (zero if none)."""
    totals = {line.pk: Spending() for line in budget_lines}
    if not totals:
        return totals
    for source in _sources:
        for line_id, spending in source(budget_lines=list(budget_lines)).items():
            if line_id in totals:
                # to_pennies refuses float money, which loses pennies, rather than round it silently
                totals[line_id] += Spending(
                    committed=to_pennies(spending.committed), spent=to_pennies(spending.spent)
                )
    return totals
