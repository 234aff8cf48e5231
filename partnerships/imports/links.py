"""Import of links (partnerships), matched on their place, its country and the kind of link; and the
lookup of a link by those three columns that activities, costs and gifts share."""

from intlinks.imports.resources import Column, ImportResource
from intlinks.imports.widgets import ChoiceWidget, CountryWidget, IntegerWidget, text_of
from partnerships import services
from partnerships.imports.places import place_key
from partnerships.models import Partnership, Place, Status

LINK_COLUMNS = ("Place", "Country", "Kind of link")


class LinkLookup:
    """Every place and link read once; a row's link found by place, country and kind of link.

    A place may have had several links of one kind over time: the live one (not ended) is chosen,
    else the latest."""

    def __init__(self):
        self.places = {place_key(p.name, p.country): p for p in Place.objects.all()}
        self.links = {}
        for link in Partnership.objects.select_related("place").order_by("pk"):
            key = (*place_key(link.place.name, link.place.country), link.kind)
            if key not in self.links or self.links[key].status == Status.ENDED:
                self.links[key] = link

    def place(self, resource, row):
        return self.places.get(place_key(row.get("Place"), resource.cleaned(row, "Country")))

    def link(self, resource, row):
        place = self.place(resource, row)
        kind = resource.cleaned(row, "Kind of link")
        return self.links.get((*place_key(place.name, place.country), kind)) if place and kind else None

    def refusal(self, resource, row) -> dict:
        """Why the row's link cannot be found, by column ({} when it is found)."""
        if not text_of(row.get("Place")) or resource.cleaned(row, "Country") in (None, ""):
            return {}  # the required columns report it
        if self.place(resource, row) is None:
            name = text_of(row.get("Place"))
            return {"Place": f"No partner place “{name}” in this country: import places first"}
        if self.link(resource, row) is None:
            return {"Kind of link": "This place has no link of this kind: import links first"}
        return {}


def link_columns(required=True):
    """The three columns that name a link, declared on each resource that needs them."""
    return (
        Column("Place", required=required),
        Column("Country", required=required, widget=CountryWidget()),
        Column("Kind of link", required=required, widget=ChoiceWidget(Partnership.Kind.choices)),
    )


class LinkResource(ImportResource):
    record_model = Partnership
    key_columns = LINK_COLUMNS
    error_columns = {"place": "Place"}
    example_rows = (
        {
            "Place": "Krefeld",
            "Country": "Germany",
            "Kind of link": "Formal twinning with a charter",
            "Status": "Formalised/active",
            "Depth": "Strategic",
            "Year it began": "1969",
            "Summary": "Civic, school and cultural exchanges",
        },
        {
            "Place": "Masaya",
            "Country": "Nicaragua",
            "Kind of link": "friendship",
            "Status": "active",
            "Year it began": "1987",
        },
    )

    place, country, kind = link_columns()
    kind.attribute = "kind"
    status = Column("Status", "status", widget=ChoiceWidget(Status.choices), saves_null_values=False)
    depth = Column("Depth", "depth", widget=ChoiceWidget(Partnership.Depth.choices, blank=""))
    began_year = Column("Year it began", "began_year", widget=IntegerWidget())
    lead_councillor = Column("Lead councillor", "lead_councillor")
    summary = Column("Summary", "summary")
    source = Column("Source", "source")

    def prepare(self, dataset):
        self.lookup = LinkLookup()

    def find_existing(self, row):
        return self.lookup.link(self, row)

    def resolve(self, instance, row):
        place = self.lookup.place(self, row)
        if place is not None:
            instance.place = place
            return {}
        return self.lookup.refusal(self, row)

    def resolved_values(self, instance):
        return (instance.place_id,)

    def save_through_service(self, instance, *, is_create, row):
        if is_create:
            services.partnership_create(
                partnership=instance, by=self.by, reason="Imported from a spreadsheet"
            )
        else:
            services.partnership_update(partnership=instance, themes=instance.themes.all())
