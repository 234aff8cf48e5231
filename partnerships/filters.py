"""The filters and search of the list of links; the CSV export uses the same filtered list."""

import django_filters
from django.db.models import Q
from django_countries import countries

from partnerships.models import Partnership, Place, Status, Theme


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
