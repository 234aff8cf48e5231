"""Axes: "nice" ticks (0, 5,000, 10,000 …) that always include zero, and values mapped to pixels."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from reporting.charts.units import Unit, Value

# A step is one of these times a power of ten; 2.5 only where fractions make sense.
STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def nice_step(span: Decimal, *, target: int, whole: bool) -> Decimal:
    """The smallest nice step that covers `span` in about `target` intervals."""
    raw = span / target
    magnitude = Decimal(1).scaleb(raw.adjusted())
    for multiple in STEPS:
        step = multiple * magnitude
        if step >= raw and not (whole and step != step.to_integral_value()):
            return max(step, Decimal(1)) if whole else step
    return STEPS[-1] * magnitude  # not reached: 10 × magnitude always covers raw


def nice_ticks(values: Iterable[Value], *, whole: bool = False, target: int = 4) -> list[Decimal]:
    """Evenly spaced round ticks from at or below the smallest value (or zero) to at or above the largest.

    Bars start at zero, so zero is always a tick. All-zero data gets an axis from 0 to 1.
    """
    values = [Decimal(value) for value in values]
    low, high = min([Decimal(0), *values]), max([Decimal(0), *values])
    if low == high:
        return [Decimal(0), Decimal(1)]
    step = nice_step(high - low, target=target, whole=whole)
    first = (low / step).to_integral_value(ROUND_FLOOR)
    last = (high / step).to_integral_value(ROUND_CEILING)
    return [(index * step).normalize() + 0 for index in range(int(first), int(last) + 1)]


@dataclass(frozen=True)
class Scale:
    """Maps values between the first and last tick onto pixels from `start` to `end`."""

    ticks: list[Decimal]
    start: float
    end: float

    def __call__(self, value: Value) -> float:
        low, high = float(self.ticks[0]), float(self.ticks[-1])
        return self.start + (float(value) - low) / (high - low) * (self.end - self.start)

    def tick_labels(self, unit: Unit) -> list[tuple[Decimal, str]]:
        """Each tick with its label, compact ("£5k") when the axis reaches tens of thousands."""
        compact = max(abs(tick) for tick in self.ticks) >= 10_000
        pence = any(tick != tick.to_integral_value() for tick in self.ticks)
        return [(tick, unit.tick(tick, compact=compact, pence=pence)) for tick in self.ticks]
