"""Import of activities, matched on their link, title and start date, and of their costs, matched on
the activity, category, date and amount. Both are written through the activity log's services, so an
imported cost is converted to pounds and flagged against the conduct rules as a typed one is."""

from decimal import Decimal

from intlinks.imports.resources import Column, ImportResource
from intlinks.imports.widgets import (
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    YesNoWidget,
    text_of,
)
from partnerships import services
from partnerships.imports.links import LINK_COLUMNS, LinkLookup, link_columns
from partnerships.models import Activity, Cost, Region
from strategy.financial_years import financial_year_of
from strategy.models import BudgetLine

KREFELD = {"Place": "Krefeld", "Country": "Germany", "Kind of link": "Formal twinning with a charter"}


class ActivityResource(ImportResource):
    class Meta(ImportResource.Meta):
        # Ten thousand rows within a minute (issue 14): checked row by row, written 500 at a time.
        use_bulk = True
        batch_size = 500

    record_model = Activity
    key_columns = (*LINK_COLUMNS, "Title", "Start date")
    error_columns = {"partnership": "Kind of link"}
    example_rows = (
        {
            **KREFELD,
            "Title": "Youth orchestra visit",
            "Kind of activity": "Cultural event",
            "Start date": "12/07/2016",
            "End date": "16/07/2016",
            "Young people": "24",
            "Purpose": "Joint concert",
            "Paid from public funds": "yes",
        },
        {
            **KREFELD,
            "Title": "Mayor's delegation",
            "Kind of activity": "incoming_delegation",
            "Start date": "2017-03-31",
            "Councillors": "3",
            "Officers": "1",
        },
    )

    place, country, link_kind = link_columns()
    title = Column("Title", "title", required=True)
    kind = Column("Kind of activity", "kind", required=True, widget=ChoiceWidget(Activity.Kind.choices))
    starts_on = Column("Start date", "starts_on", required=True, widget=DateWidget())
    ends_on = Column("End date", "ends_on", widget=DateWidget(), help_text="Blank: the start date")
    places = Column("Places", "places")
    paid_from_public_funds = Column(
        "Paid from public funds", "paid_from_public_funds", widget=YesNoWidget(blank=True)
    )
    purpose = Column("Purpose", "purpose")
    expected_benefit = Column("Expected benefit", "expected_benefit")
    councillors = Column("Councillors", "councillors", widget=IntegerWidget(blank=0))
    officers = Column("Officers", "officers", widget=IntegerWidget(blank=0))
    young_people = Column("Young people", "young_people", widget=IntegerWidget(blank=0))
    community_members = Column("Community members", "community_members", widget=IntegerWidget(blank=0))
    businesses = Column("Businesses", "businesses", widget=IntegerWidget(blank=0))
    outcomes = Column("Outcomes", "outcomes")
    source = Column("Source", "source")

    def prepare(self, dataset):
        self.lookup = LinkLookup()
        self.activities = {
            (a.partnership_id, a.title.lower(), a.starts_on): a
            for a in Activity.objects.filter(partnership__in=list(self.lookup.links.values()))
        }

    def find_existing(self, row):
        link = self.lookup.link(self, row)
        starts_on = self.cleaned(row, "Start date")
        return self.activities.get((link.pk, text_of(row.get("Title")).lower(), starts_on)) if link else None

    def resolve(self, instance, row):
        if instance.ends_on is None:
            instance.ends_on = instance.starts_on
        link = self.lookup.link(self, row)
        if link is None:
            return self.lookup.refusal(self, row)
        instance.partnership = link
        return {}

    def resolved_values(self, instance):
        return (instance.partnership_id,)

    def check_through_service(self, instance, *, is_create, row):
        services.activity_check_imported(activity=instance, by=self.by)

    def save_in_bulk(self, instances, *, is_create):
        written = [column.attribute for column in self.columns() if column.attribute]
        services.activities_save_imported(
            created=instances if is_create else [],
            updated=[] if is_create else instances,
            fields=[*written, "partnership"],
            by=self.by,
        )


class CostResource(ImportResource):
    record_model = Cost
    key_columns = (*LINK_COLUMNS, "Activity title", "Activity start date", "Category", "Date", "Amount")
    error_columns = {"activity": "Activity title", "amount_gbp": "Amount", "__all__": ""}
    example_rows = (
        {
            **KREFELD,
            "Activity title": "Youth orchestra visit",
            "Activity start date": "12/07/2016",
            "Category": "Travel",
            "Date": "12/07/2016",
            "Amount": "£1,240.00",
            "Currency": "GBP",
            "Stage": "Actual (spent)",
            "Paid by": "The council",
            "Budget line": "Visits and exchanges",
            "Travel class": "Economy or standard",
            "Journey hours": "6",
        },
        {
            **KREFELD,
            "Activity title": "Youth orchestra visit",
            "Activity start date": "12/07/2016",
            "Category": "Accommodation",
            "Date": "13/07/2016",
            "Amount": "2,300",
            "Currency": "EUR",
            "Rate to pounds": "0.852300",
            "Stage": "actual",
            "Paid by": "partner",
            "Nights": "3",
            "Hotel region": "Europe",
        },
    )

    place, country, link_kind = link_columns()
    activity_title = Column("Activity title", required=True)
    activity_start = Column("Activity start date", required=True, widget=DateWidget())
    category = Column("Category", "category", required=True, widget=ChoiceWidget(Cost.Category.choices))
    incurred_on = Column("Date", "incurred_on", required=True, widget=DateWidget())
    amount = Column("Amount", "amount", required=True, widget=DecimalWidget())
    currency = Column("Currency", "currency", default="GBP")
    rate_to_gbp = Column("Rate to pounds", "rate_to_gbp", widget=DecimalWidget(places=6, what="a rate"))
    stage = Column("Stage", "stage", widget=ChoiceWidget(Cost.Stage.choices), saves_null_values=False)
    paid_by = Column("Paid by", "paid_by", widget=ChoiceWidget(Cost.PaidBy.choices), saves_null_values=False)
    budget_line = Column("Budget line", help_text="The line's name in the budget of the cost's year")
    description = Column("Description", "description")
    travel_class = Column(
        "Travel class", "travel_class", widget=ChoiceWidget(Cost.TravelClass.choices, blank="")
    )
    journey_hours = Column("Journey hours", "journey_hours", widget=DecimalWidget(places=1, what="hours"))
    region = Column("Hotel region", "region", widget=ChoiceWidget(Region.choices, blank=""))
    nights = Column("Nights", "nights", widget=IntegerWidget())
    meals = Column("Meals", "meals", widget=IntegerWidget())
    days = Column("Days", "days", widget=IntegerWidget())

    def prepare(self, dataset):
        self.lookup = LinkLookup()
        self.activities = {
            (a.partnership_id, a.title.lower(), a.starts_on): a
            for a in Activity.objects.filter(partnership__in=list(self.lookup.links.values()))
        }
        self.lines = {
            (line.budget.financial_year, line.name.lower()): line
            for line in BudgetLine.objects.select_related("budget").filter(budget__archived_at__isnull=True)
        }

    def activity_of(self, row):
        link = self.lookup.link(self, row)
        key = (
            link.pk if link else None,
            text_of(row.get("Activity title")).lower(),
            self.cleaned(row, "Activity start date"),
        )
        return self.activities.get(key)

    def find_existing(self, row):
        activity, amount = self.activity_of(row), self.cleaned(row, "Amount")
        if activity is None or amount is None:
            return None
        return (
            Cost.objects.current()
            .filter(
                activity=activity,
                category=self.cleaned(row, "Category"),
                incurred_on=self.cleaned(row, "Date"),
                amount=amount,
            )
            .first()
        )

    def resolve(self, instance, row):
        errors = self.lookup.refusal(self, row)
        activity = self.activity_of(row)
        if activity is None and not errors:
            errors["Activity title"] = (
                "The link has no activity of this title and start date: import activities first"
            )
        if activity is not None:
            instance.activity = activity
        instance.budget_line = self._budget_line(instance, row, errors)
        if instance.currency == "GBP" and instance.rate_to_gbp is None:
            instance.rate_to_gbp = Decimal("1")
        return errors

    def _budget_line(self, instance, row, errors):
        name = text_of(row.get("Budget line"))
        if not name or instance.incurred_on is None:
            return None
        year = financial_year_of(instance.incurred_on)
        line = self.lines.get((year.start, name.lower()))
        if line is None:
            errors["Budget line"] = f"The {year.label} budget has no line “{name}”"
        return line

    def resolved_values(self, instance):
        return (instance.activity_id, instance.budget_line_id)

    def save_through_service(self, instance, *, is_create, row):
        services.cost_save(cost=instance, by=self.by)
