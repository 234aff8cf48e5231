"""Import of the gifts and hospitality register, matched on date, counterparty and description, and
written through the register's service (its conduct flags worked out as for a typed entry)."""

from intlinks.imports.resources import Column, ImportResource
from intlinks.imports.widgets import ChoiceWidget, DateWidget, DecimalWidget, YesNoWidget, text_of
from partnerships import services
from partnerships.imports.links import LinkLookup, link_columns
from partnerships.models import Gift


class GiftResource(ImportResource):
    record_model = Gift
    key_columns = ("Date", "Counterparty", "Description")
    error_columns = {"partnership": "Kind of link"}
    example_rows = (
        {
            "Date": "14/09/2016",
            "Counterparty": "Mayor of Haskovo",
            "Description": "Painted plate",
            "Direction": "Received",
            "Kind": "Gift",
            "Who they are": "Public body",
            "Value": "£40",
            "Date registered": "20/09/2016",
            "Declared": "yes",
            "Place": "Haskovo",
            "Country": "Bulgaria",
            "Kind of link": "Friendship agreement",
        },
        {
            "Date": "2017-02-01",
            "Counterparty": "Rajkot Chamber of Commerce",
            "Description": "Dinner",
            "Direction": "received",
            "Kind": "hospitality",
            "Who they are": "private",
            "Value": "1,200.00",
        },
    )

    given_on = Column("Date", "given_on", required=True, widget=DateWidget())
    counterparty = Column("Counterparty", "counterparty", required=True)
    description = Column("Description", "description", required=True)
    direction = Column("Direction", "direction", required=True, widget=ChoiceWidget(Gift.Direction.choices))
    kind = Column("Kind", "kind", widget=ChoiceWidget(Gift.Kind.choices), saves_null_values=False)
    counterparty_kind = Column(
        "Who they are", "counterparty_kind", required=True, widget=ChoiceWidget(Gift.CounterpartyKind.choices)
    )
    value = Column("Value", "value", required=True, widget=DecimalWidget())
    registered_on = Column(
        "Date registered", "registered_on", widget=DateWidget(), help_text="Blank: the date"
    )
    declared = Column("Declared", "declared", widget=YesNoWidget())
    handed_to_council = Column("Handed to council", "handed_to_council", widget=YesNoWidget())
    place, country, link_kind = link_columns(required=False)
    source = Column("Source", "source")

    def prepare(self, dataset):
        self.lookup = LinkLookup()

    def find_existing(self, row):
        given_on = self.cleaned(row, "Date")
        if given_on is None:
            return None
        return Gift.objects.filter(
            given_on=given_on,
            counterparty__iexact=text_of(row.get("Counterparty")),
            description__iexact=text_of(row.get("Description")),
        ).first()

    def resolve(self, instance, row):
        # An old register's entry without its registration date is taken as registered on the day.
        if instance.registered_on is None:
            instance.registered_on = instance.given_on
        if not text_of(row.get("Place")):
            instance.partnership = None
            return {}
        instance.partnership = self.lookup.link(self, row)
        return self.lookup.refusal(self, row)

    def resolved_values(self, instance):
        return (instance.partnership_id,)

    def save_through_service(self, instance, *, is_create, row):
        services.gift_save(gift=instance, by=self.by)
