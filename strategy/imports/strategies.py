"""What the strategy app's import kinds share: each row names its strategy by title."""

from intlinks.imports.resources import ImportResource
from intlinks.imports.widgets import text_of
from strategy.models import Strategy


class StrategyRowsResource(ImportResource):
    """Rows that belong to a strategy named in their "Strategy" column (a current strategy's title)."""

    def read_strategies(self) -> None:
        """Once a file: the current strategies by title, whatever the case."""
        self.strategies = {s.title.strip().lower(): s for s in Strategy.objects.current()}

    def strategy_of(self, row):
        return self.strategies.get(text_of(row.get("Strategy")).lower())

    def unknown_strategy(self, row) -> dict:
        """The error beside the "Strategy" column when it names no strategy (a blank one is the
        required column's own error)."""
        named = text_of(row.get("Strategy"))
        return {"Strategy": f"No strategy is called “{named}”"} if named else {}
