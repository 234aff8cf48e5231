"""The health table's filters (django-filter), the same choices as the links register's."""

import django_filters

from partnerships.models import Partnership, Status


class HealthFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label="Status", choices=Status.choices)
    depth = django_filters.ChoiceFilter(label="Depth of commitment", choices=Partnership.Depth.choices)
    drifting = django_filters.ChoiceFilter(
        label="Drifting",
        choices=[("yes", "Drifting"), ("no", "Not drifting")],
        method="filter_drifting",
    )
    kind = django_filters.ChoiceFilter(label="Kind of link", choices=Partnership.Kind.choices)

    class Meta:
        model = Partnership
        fields = ["status", "depth", "drifting", "kind"]

    def filter_drifting(self, queryset, name, value):
        # `drifting` is annotated by PartnershipQuerySet.with_drift, the one place the rule lives.
        return queryset.filter(drifting=(value == "yes"))
