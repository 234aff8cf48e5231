"""Import of partner places, matched on name and country."""

from intlinks.imports.resources import Column, ImportResource
from intlinks.imports.widgets import ChoiceWidget, CountryWidget, DecimalWidget, IntegerWidget, text_of
from partnerships import services
from partnerships.models import Place


def place_key(name, country) -> tuple[str, str]:
    return (text_of(name).lower(), str(country or ""))


class PlaceResource(ImportResource):
    record_model = Place
    key_columns = ("Name", "Country")
    example_rows = (
        {
            "Name": "Krefeld",
            "Country": "Germany",
            "Kind of place": "City",
            "Population": "227,000",
            "Latitude": "51.33880",
            "Longitude": "6.58530",
            "Source": "Twinning charter, 1969",
        },
        {
            "Name": "Strasbourg",
            "Country": "FR",
            "Kind of place": "City",
            "Latitude": "48.57340",
            "Longitude": "7.75210",
        },
    )

    name = Column("Name", "name", required=True)
    country = Column("Country", "country", required=True, widget=CountryWidget())
    kind = Column("Kind of place", "kind", widget=ChoiceWidget(Place.Kind.choices), saves_null_values=False)
    population = Column("Population", "population", widget=IntegerWidget())
    latitude = Column("Latitude", "latitude", widget=DecimalWidget(places=5, what="a latitude"))
    longitude = Column("Longitude", "longitude", widget=DecimalWidget(places=5, what="a longitude"))
    notes = Column("Notes", "notes")
    source = Column("Source", "source")

    def prepare(self, dataset):
        self.places = {place_key(p.name, p.country): p for p in Place.objects.all()}

    def find_existing(self, row):
        return self.places.get(place_key(row.get("Name"), self.cleaned(row, "Country")))

    def save_through_service(self, instance, *, is_create, row):
        services.place_save(place=instance)
