"""The filters and search of the lists of links, activities and gifts; each CSV uses the same filters."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django_countries import countries

from partnerships.models import (
    Activity,
    ExternalFunding,
    Gift,
    GrantApplication,
    Organisation,
    Partnership,
    Place,
    Status,
    Theme,
)
from partnerships.models.links import LIVE_STATUSES
from partnerships.selectors.funding import AWARDED
from partnerships.selectors.grants import DECIDED
from strategy.financial_years import FinancialYear, financial_year_of, financial_years_with_rows
from strategy.models import CorporateTheme, Objective


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
    live = django_filters.ChoiceFilter(
        label="Live",
        choices=[("yes", "Live: formalised/active, under review or dormant"), ("no", "Not live")],
        method="filter_live",
    )
    drifting = django_filters.ChoiceFilter(
        label="Drifting",
        choices=[
            ("yes", "Drifting: no annual review, or no activity, in the last 12 months"),
            ("no", "Not drifting"),
        ],
        method="filter_drifting",
    )

    class Meta:
        model = Partnership
        fields = ["q", "country", "kind", "depth", "status", "live", "theme", "drifting"]

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

    def filter_live(self, queryset, name, value):
        # The statuses the drift rule treats as live (partnerships.models.links.LIVE_STATUSES).
        live = Q(status__in=LIVE_STATUSES)
        return queryset.filter(live) if value == "yes" else queryset.exclude(live)

    def filter_drifting(self, queryset, name, value):
        # `drifting` is annotated by PartnershipQuerySet.with_drift, the one place the rule lives.
        return queryset.filter(drifting=(value == "yes"))


# The default of the activity list and the gifts register: the current and the last financial year,
# what officers work on. Choosing "Any" financial year shows every year (an empty value in the URL).
RECENT_YEARS = "recent"
# The activity list's state filter value for every activity but the cancelled ones (the matrix's links).
NOT_CANCELLED = "not_cancelled"


def recent_years() -> tuple[FinancialYear, FinancialYear]:
    current = financial_year_of(timezone.localdate())
    return current.previous, current


def recent_years_label() -> str:
    last, current = recent_years()
    return f"This and last financial year ({last.label} and {current.label})"


def financial_year_choices(with_data: set[int]) -> list[tuple[int | str, str]]:
    """The current and last year together, then every financial year that has records (and the current
    one, empty or not), newest first."""
    starts = with_data | {financial_year_of(timezone.localdate()).start}
    return [(RECENT_YEARS, recent_years_label())] + [
        (FinancialYear(start).start, FinancialYear(start).label) for start in sorted(starts, reverse=True)
    ]


class FinancialYearChoiceField(forms.ChoiceField):
    """A year filter's field: a year not offered is an error saying why, not silently ignored."""

    def __init__(self, *args, records: str = "records", **kwargs):
        self.records = records
        super().__init__(*args, **kwargs)

    def validate(self, value):
        try:
            super().validate(value)
        except ValidationError:
            raise ValidationError(self.not_offered(value), code="invalid_choice") from None

    def not_offered(self, value: str) -> str:
        try:
            label = FinancialYear(int(value)).label
        except (TypeError, ValueError, OverflowError):
            return f"“{value}” is not a financial year: choose one from the list"
        return f"There are no {self.records} in {label}: choose a year from the list"


class FinancialYearFilter(django_filters.ChoiceFilter):
    """`financial_year = FinancialYearFilter(records="activities", ...)`; its choices are set by the
    filterset from the years that have data (`financial_year_choices`)."""

    field_class = FinancialYearChoiceField


def in_financial_year(queryset, date_field: str, value: str):
    """Rows whose `date_field` falls in the chosen year, or in the current and last year (RECENT_YEARS)."""
    if value == RECENT_YEARS:
        first, last = recent_years()
    else:
        first = last = FinancialYear(int(value))
    return queryset.filter(**{f"{date_field}__gte": first.first_day, f"{date_field}__lte": last.last_day})


class DefaultFiltersMixin:
    """A list that opens filtered (`DEFAULTS`) when its URL does not name the filter; an empty value in
    the URL (the "Any" choice, or "Clear filters") removes the default. Only the page applies it, through
    `with_defaults`: a CSV link carries the page's filters, so it gets what the page shows."""

    DEFAULTS: dict[str, str] = {}

    @classmethod
    def with_defaults(cls, data):
        data = data.copy()
        for name, value in cls.DEFAULTS.items():
            data.setdefault(name, value)
        return data

    @staticmethod
    def default_description() -> str:
        return recent_years_label()


class ActivityFilter(DefaultFiltersMixin, django_filters.FilterSet):
    DEFAULTS = {"financial_year": RECENT_YEARS}

    partnership = django_filters.ModelChoiceFilter(
        label="Partnership", queryset=Partnership.objects.current().select_related("place")
    )
    kind = django_filters.ChoiceFilter(label="Kind of activity", choices=Activity.Kind.choices)
    financial_year = FinancialYearFilter(
        label="Financial year", choices=[], method="filter_financial_year", records="activities"
    )
    objective = django_filters.ModelChoiceFilter(
        field_name="objectives",
        label="Strategic objective",
        queryset=Objective.objects.filter(strategy__archived_at__isnull=True).order_by("number"),
    )
    # A corporate theme is served through the activity's objectives (the strategy's synopsis table).
    theme = django_filters.ModelChoiceFilter(
        label="Corporate theme",
        queryset=CorporateTheme.objects.all(),
        method="filter_theme",
        help_text="Served through the activity's objectives",
    )
    without = django_filters.ChoiceFilter(
        label="Not linked to the strategy",
        choices=[("objective", "No objective recorded"), ("theme", "No corporate theme")],
        method="filter_without",
    )
    state = django_filters.ChoiceFilter(
        label="State",
        choices=[(NOT_CANCELLED, "Not cancelled"), *Activity.State.choices],
        method="filter_state",
    )
    flagged = django_filters.ChoiceFilter(
        label="Flagged",
        choices=[("yes", "Breaches needing justification or approval"), ("no", "Nothing flagged")],
        method="filter_flagged",
    )

    class Meta:
        model = Activity
        fields = [
            "partnership",
            "kind",
            "financial_year",
            "objective",
            "theme",
            "without",
            "state",
            "flagged",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_data = financial_years_with_rows(Activity.objects.current(), "starts_on")
        self.filters["financial_year"].extra["choices"] = financial_year_choices(with_data)

    def filter_financial_year(self, queryset, name, value):
        return in_financial_year(queryset, "starts_on", value)

    def filter_theme(self, queryset, name, value):
        # A subquery, not a join: two objectives serving one theme must not list the activity twice.
        serving = Activity.objects.filter(objectives__synopsis_entries__theme=value).values("pk")
        return queryset.filter(pk__in=serving)

    def filter_without(self, queryset, name, value):
        lookup = "objectives" if value == "objective" else "objectives__synopsis_entries__theme"
        linked = Activity.objects.filter(**{f"{lookup}__isnull": False}).values("pk")
        return queryset.exclude(pk__in=linked)

    def filter_state(self, queryset, name, value):
        if value == NOT_CANCELLED:
            return queryset.exclude(state=Activity.State.CANCELLED)
        return queryset.filter(state=value)

    def filter_flagged(self, queryset, name, value):
        # `unresolved_breaches` is annotated by selectors.activity_list.
        return (
            queryset.filter(unresolved_breaches__gt=0)
            if value == "yes"
            else queryset.filter(unresolved_breaches=0)
        )


def people_in_the_register() -> list[tuple[str, str]]:
    """The councillors and officers the current register names, in order, as filter choices."""
    people = Gift.objects.current().exclude(person="").order_by("person").values_list("person", flat=True)
    return [(name, name) for name in people.distinct()]


class GiftFilter(DefaultFiltersMixin, django_filters.FilterSet):
    DEFAULTS = {"financial_year": RECENT_YEARS}

    q = django_filters.CharFilter(label="Search", method="search", help_text="Description or from or to whom")
    financial_year = FinancialYearFilter(
        label="Financial year", choices=[], method="filter_financial_year", records="gifts or hospitality"
    )
    partnership = django_filters.ModelChoiceFilter(
        label="Partnership", queryset=Partnership.objects.current().select_related("place")
    )
    direction = django_filters.ChoiceFilter(label="Given or received", choices=Gift.Direction.choices)
    counterparty_kind = django_filters.ChoiceFilter(label="Who", choices=Gift.CounterpartyKind.choices)
    # The person filter offers the names the register holds, as published registers list them.
    person = django_filters.ChoiceFilter(label="Councillor or officer", choices=[], method="filter_person")
    sort = django_filters.ChoiceFilter(
        label="Order",
        choices=[("newest", "Newest first"), ("person", "By councillor or officer, then newest first")],
        method="sort_by",
    )

    class Meta:
        model = Gift
        fields = ["q", "financial_year", "partnership", "person", "direction", "counterparty_kind", "sort"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_data = financial_years_with_rows(Gift.objects.current(), "given_on")
        self.filters["financial_year"].extra["choices"] = financial_year_choices(with_data)
        self.filters["person"].extra["choices"] = people_in_the_register()

    def filter_person(self, queryset, name, value):
        return queryset.filter(person=value)

    def sort_by(self, queryset, name, value):
        if value != "person":
            return queryset
        # Grouped by person as registers are published: each person's entries together, newest first;
        # entries naming nobody last.
        unnamed_last = Case(When(person="", then=Value(1)), default=Value(0))
        return queryset.order_by(unnamed_last, "person", "-given_on", "-pk")

    def filter_financial_year(self, queryset, name, value):
        return in_financial_year(queryset, "given_on", value)

    def search(self, queryset, name, value):
        return queryset.filter(Q(description__icontains=value) | Q(counterparty__icontains=value))


class FundingFilter(django_filters.FilterSet):
    """The funding list: every bid by default; "awarded in" a financial year shows the awards that year's
    leverage counts (the same rule, `selectors.funding.AWARDED`)."""

    awarded_in = FinancialYearFilter(
        label="Awarded in financial year", choices=[], method="filter_awarded_in", records="awards"
    )
    status = django_filters.ChoiceFilter(label="Status", choices=ExternalFunding.Status.choices)

    class Meta:
        model = ExternalFunding
        fields = ["awarded_in", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_data = financial_years_with_rows(ExternalFunding.objects.current().filter(AWARDED), "awarded_on")
        # Single years only: "this and last year" is the activity list's default, not a funding question.
        self.filters["awarded_in"].extra["choices"] = financial_year_choices(with_data)[1:]

    def filter_awarded_in(self, queryset, name, value):
        return in_financial_year(queryset.filter(AWARDED), "awarded_on", value)


class GrantFilter(django_filters.FilterSet):
    """The grant applications list: by state, organisation and the financial year of their budget."""

    state = django_filters.ChoiceFilter(label="State", choices=GrantApplication.State.choices)
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation", queryset=Organisation.objects.current()
    )
    financial_year = FinancialYearFilter(
        label="Financial year", method="filter_year", choices=[], records="grant applications"
    )
    decision = django_filters.ChoiceFilter(
        label="Decision",
        choices=[("decided", "Decided (approved or declined)"), ("awarded", "Approved"), ("paid", "Paid")],
        method="filter_decision",
    )

    class Meta:
        model = GrantApplication
        fields = ["state", "organisation", "financial_year", "decision"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_data = set(
            GrantApplication.objects.order_by()
            .filter(budget_line__isnull=False)
            .values_list("budget_line__budget__financial_year", flat=True)
            .distinct()
        )
        self.filters["financial_year"].extra["choices"] = financial_year_choices(with_data)[1:]

    def filter_decision(self, queryset, name, value):
        # The same groups of states as the dashboard's grant figures (selectors.grants).
        states = {
            "decided": DECIDED,
            "awarded": GrantApplication.AWARDED,
            "paid": GrantApplication.PAID_STATES,
        }
        return queryset.filter(state__in=states[value])

    def filter_year(self, queryset, name, value):
        return queryset.filter(budget_line__budget__financial_year=int(value))
