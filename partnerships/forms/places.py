"""Forms for partner places, local organisations and contacts. Saving goes through the services."""

from django import forms

from intlinks.forms import GovukModelForm
from partnerships.models import Contact, Organisation, Place


class PlaceForm(GovukModelForm):
    submit_label = "Save place"

    class Meta:
        model = Place
        fields = ["name", "country", "kind", "population", "latitude", "longitude", "notes", "source"]
        widgets = {"kind": forms.RadioSelect}


class OrganisationForm(GovukModelForm):
    submit_label = "Save organisation"

    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "website", "notes", "source"]


class ContactForm(GovukModelForm):
    submit_label = "Save contact"

    class Meta:
        model = Contact
        fields = ["name", "role", "email", "phone", "purpose"]
