"""The filters and search of the lists of links, activities and gifts; each CSV uses the same filters."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django_countries import countries

from partnerships.models import Activity, Gift, Partnership, Place, Status, Theme
from strategy.financial_years import FinancialYear, financial_year_of
from strategy.models import Objective


class PartnershipFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search", method="search", help_text="Place, summary or lead councillor"
    )
    country = django_filters.ChoiceFilter(
        field_name="place__country", label="Country", choices=list(countries)
    )
    kind = django_filters.ChoiceFilter(label="Kind of link", choices=Partnership.Kind.choices)
    depth = django_filters.ChoiceFilter(label="Depth of commitment", choices=Partnership.Depth.choices)
    status = django_filters.ChoiceFilter(label="Status", choices=Status.choices)
    theme = django_filters.ModelChoiceFilter(field_name="themes", label="Theme", queryset=Theme.objects.all())
    drifting = django_filters.ChoiceFilter(
        label="Drifting",
        choices=[("yes", "Drifting: no review in the last 12 months"), ("no", "Not drifting")],
        method="filter_drifting",
    )

    class Meta:
        model = Partnership
        fields = ["q", "country", "kind", "depth", "status", "theme", "drifting"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the countries the register holds, not all 249.
        used = set(Place.objects.values_list("country", flat=True).distinct())
        self.filters["country"].extra["choices"] = [(code, name) for code, name in countries if code in used]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(place__name__icontains=value)
            | Q(summary__icontains=value)
            | Q(lead_councillor__icontains=value)
            | Q(place__notes__icontains=value)
        )

    def filter_drifting(self, queryset, name, value):
        # `drifting` is annotated by PartnershipQuerySet.with_drift, the one place the rule lives.
        return queryset.filter(drifting=(value == "yes"))


def financial_year_choices() -> list[tuple[int, str]]:
    """Recent and coming financial years, newest first, for the activity list's filter."""
    current = financial_year_of(timezone.localdate())
    return [
        (FinancialYear(start).start, FinancialYear(start).label)
        for start in range(current.start + 1, current.start - 8, -1)
    ]


class ActivityFilter(django_filters.FilterSet):
    partnership = django_filters.ModelChoiceFilter(
        label="Partnership", queryset=Partnership.objects.current().select_related("place")
    )
    kind = django_filters.ChoiceFilter(label="Kind of activity", choices=Activity.Kind.choices)
    financial_year = django_filters.ChoiceFilter(
        label="Financial year", choices=[], method="filter_financial_year"
    )
    objective = django_filters.ModelChoiceFilter(
        field_name="objectives",
        label="Strategic objective",
        queryset=Objective.objects.filter(strategy__archived_at__isnull=True).order_by("number"),
    )
    flagged = django_filters.ChoiceFilter(
        label="Flagged",
        choices=[("yes", "Breaches needing justification or approval"), ("no", "Nothing flagged")],
        method="filter_flagged",
    )

    class Meta:
        model = Activity
        fields = ["partnership", "kind", "financial_year", "objective", "flagged"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["financial_year"].extra["choices"] = financial_year_choices()

    def filter_financial_year(self, queryset, name, value):
        year = FinancialYear(int(value))
        return queryset.filter(starts_on__gte=year.first_day, starts_on__lte=year.last_day)

    def filter_flagged(self, queryset, name, value):
        # `unresolved_breaches` is annotated by selectors.activity_list.
        return (
            queryset.filter(unresolved_breaches__gt=0)
            if value == "yes"
            else queryset.filter(unresolved_breaches=0)
        )


class GiftFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search", help_text="Description or from or to whom")
    direction = django_filters.ChoiceFilter(label="Given or received", choices=Gift.Direction.choices)
    counterparty_kind = django_filters.ChoiceFilter(label="Who", choices=Gift.CounterpartyKind.choices)

    class Meta:
        model = Gift
        fields = ["q", "direction", "counterparty_kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(description__icontains=value) | Q(counterparty__icontains=value))
