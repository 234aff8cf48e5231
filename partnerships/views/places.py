"""Pages for partner places (their list and the map), local organisations and contacts."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.generic import CreateView, UpdateView

from intlinks.editing import ServiceFormMixin
from intlinks.exports import download
from partnerships import exports, selectors, services
from partnerships.forms import ContactForm, OrganisationForm, PlaceForm
from partnerships.models import Organisation, Place
from partnerships.views.common import (
    VIEW_LINKS,
    PartnershipChildMixin,
    RegisterPageMixin,
    list_crumb,
)
from partnerships.worldmap import HEIGHT, WIDTH, graticule_path, land_path, map_points


@permission_required(VIEW_LINKS, raise_exception=True)
def partner_map(request):
    places = list(selectors.places_for_map())
    context = {
        "places": places,
        "points": map_points(places),
        "land": land_path(),
        "graticule": graticule_path(),
        "width": WIDTH,
        "height": HEIGHT,
        "crumbs": [list_crumb(), ("Map of partner places", None)],
    }
    return render(request, "partnerships/map.html", context)


@permission_required("partnerships.view_place", raise_exception=True)
def place_list(request):
    context = {"places": selectors.place_list(), "crumbs": [list_crumb(), ("Partner places", None)]}
    return render(request, "partnerships/place_list.html", context)


@permission_required("partnerships.view_place", raise_exception=True)
def place_export(request, file_format):
    """Every current partner place, as the list shows them, as CSV or XLSX."""
    return download(exports.PLACES, selectors.place_list(), file_format)


class PlaceFormView(RegisterPageMixin, ServiceFormMixin):
    form_class = PlaceForm
    success_message = "Place saved"

    def save(self, form):
        return services.place_save(place=form.instance)

    def get_success_url(self):
        return reverse("partnerships:places")


class PlaceCreateView(PlaceFormView, CreateView):
    permission_required = "partnerships.add_place"
    title = "Add a partner place"

    def get_success_url(self):
        # Opened from the link form ("Add a new place"): back to it, with the new place chosen. The way
        # back is fixed here, never taken from the address, so it cannot lead off the site.
        if self.request.GET.get("for") == "link":
            return f"{reverse('partnerships:create')}?place={self.object.pk}"
        return super().get_success_url()


class PlaceUpdateView(PlaceFormView, UpdateView):
    permission_required = "partnerships.change_place"
    model = Place

    @property
    def title(self):
        return f"Edit {self.object.name}"


@permission_required("partnerships.view_organisation", raise_exception=True)
def organisation_list(request):
    context = {
        "organisations": selectors.organisation_list(),
        "crumbs": [list_crumb(), ("Local organisations", None)],
    }
    return render(request, "partnerships/organisation_list.html", context)


class OrganisationFormView(RegisterPageMixin, ServiceFormMixin):
    form_class = OrganisationForm
    success_message = "Organisation saved"

    def save(self, form):
        return services.organisation_save(organisation=form.instance)

    def get_success_url(self):
        return reverse("partnerships:organisations")


class OrganisationCreateView(OrganisationFormView, CreateView):
    permission_required = "partnerships.add_organisation"
    title = "Add a local organisation"


class OrganisationUpdateView(OrganisationFormView, UpdateView):
    permission_required = "partnerships.change_organisation"
    model = Organisation
    title = "Edit the organisation"


class ContactCreateView(ServiceFormMixin, CreateView):
    """A contact at a local organisation or at the partner place; the page says which."""

    permission_required = "partnerships.add_contact"
    form_class = ContactForm
    success_message = "Contact saved"

    def save(self, form):
        return services.contact_save(contact=form.instance)


class OrganisationContactCreateView(RegisterPageMixin, ContactCreateView):
    title = "Add a contact at a local organisation"

    def dispatch(self, request, *args, **kwargs):
        self.organisation = get_object_or_404(Organisation, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def fill_instance(self, instance):
        instance.organisation = self.organisation

    def get_success_url(self):
        return reverse("partnerships:organisations")


class PartnerContactCreateView(PartnershipChildMixin, ContactCreateView):
    title = "Add a contact at the partner place"
