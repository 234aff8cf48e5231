"""Pages for officers, members and clerks. Views parse input, call a service or selector, and answer."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, UpdateView

from partnerships import selectors, services
from partnerships.filters import PartnershipFilter
from partnerships.forms import (
    AgreementForm,
    AnnualReviewForm,
    AppraisalForm,
    ContactForm,
    LogframeRowForm,
    OrganisationForm,
    PartnershipForm,
    PartnershipOrganisationForm,
    PlaceForm,
    StatusChangeForm,
    apply_service_errors,
)
from partnerships.models import Agreement, Appraisal, LogframeRow, Organisation, Partnership, Place
from partnerships.uploads import sniff_content_type
from partnerships.worldmap import HEIGHT, WIDTH, graticule_path, land_path, map_points

VIEW = "partnerships.view_partnership"
PAGE_SIZE = 25


def _list_crumb():
    return ("Partnerships", reverse("partnerships:list"))


def _link_crumbs(partnership: Partnership, *current: str):
    return [
        _list_crumb(),
        (str(partnership.place), partnership.get_absolute_url()),
        *[(c, None) for c in current],
    ]


# ---- reading pages -------------------------------------------------------------------------------------


@permission_required(VIEW, raise_exception=True)
def partnership_list(request):
    """The register: filters, search, pagination, and the same list as CSV."""
    links = PartnershipFilter(request.GET, queryset=selectors.partnership_list())
    page = Paginator(links.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": links,
        "page": page,
        "query": query.urlencode(),
        "crumbs": [("Partnerships", None)],
    }
    return render(request, "partnerships/partnership_list.html", context)


@permission_required(VIEW, raise_exception=True)
def partnership_export(request):
    """The filtered list of links as a CSV file, one row per link."""
    links = PartnershipFilter(request.GET, queryset=selectors.partnership_list()).qs
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="partnerships-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(
        [
            "Place",
            "Country",
            "Kind of link",
            "Depth",
            "Status",
            "Began",
            "Lead officer",
            "Lead councillor",
            "Themes",
            "Last review",
            "Drifting",
        ]
    )
    for link in links:
        writer.writerow(
            [
                link.place.name,
                link.place.country.name,
                link.get_kind_display(),
                link.get_depth_display(),
                link.get_status_display(),
                link.began_year or "",
                link.lead_officer.get_full_name() if link.lead_officer else "",
                link.lead_councillor,
                "; ".join(theme.name for theme in link.themes.all()),
                link.last_reviewed_on or "",
                "yes" if link.drifting else "no",
            ]
        )
    return response


@permission_required(VIEW, raise_exception=True)
def partnership_detail(request, pk):
    try:
        partnership = selectors.partnership_detail(pk)
    except Partnership.DoesNotExist as error:
        raise Http404("No such link") from error
    context = {
        "partnership": partnership,
        "timeline": selectors.partnership_timeline(partnership=partnership),
        "can_edit": request.user.has_perm("partnerships.change_partnership"),
        "crumbs": [_list_crumb(), (str(partnership.place), None)],
    }
    return render(request, "partnerships/partnership_detail.html", context)


@permission_required(VIEW, raise_exception=True)
def partner_map(request):
    places = list(selectors.places_for_map())
    context = {
        "places": places,
        "points": map_points(places),
        "land": land_path(),
        "graticule": graticule_path(),
        "width": WIDTH,
        "height": HEIGHT,
        "crumbs": [_list_crumb(), ("Map of partner places", None)],
    }
    return render(request, "partnerships/map.html", context)


@permission_required("partnerships.view_place", raise_exception=True)
def place_list(request):
    context = {"places": selectors.place_list(), "crumbs": [_list_crumb(), ("Partner places", None)]}
    return render(request, "partnerships/place_list.html", context)


@permission_required("partnerships.view_organisation", raise_exception=True)
def organisation_list(request):
    context = {
        "organisations": selectors.organisation_list(),
        "crumbs": [_list_crumb(), ("Local organisations", None)],
    }
    return render(request, "partnerships/organisation_list.html", context)


@permission_required("partnerships.view_agreement", raise_exception=True)
def agreement_document(request, pk):
    """The signed document, only to people who may read the register; never served as a static file."""
    agreement = get_object_or_404(Agreement, pk=pk)
    if not agreement.document:
        raise Http404("This agreement has no document")
    document = agreement.document.open("rb")
    return FileResponse(
        document,
        as_attachment=True,
        filename=agreement.document.name.rsplit("/", 1)[-1],
        content_type=sniff_content_type(document) or "application/octet-stream",
    )


# ---- forms ---------------------------------------------------------------------------------------------


class ServiceFormView(PermissionRequiredMixin):
    """A create or edit page whose form hands its instance to a service and maps errors back."""

    template_name = "partnerships/form_page.html"
    title = ""
    success_message = "Saved"

    def save(self, form):
        raise NotImplementedError

    def crumbs(self):
        return [_list_crumb(), (self.title, None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, crumbs=self.crumbs(), **kwargs)

    def form_valid(self, form):
        try:
            self.object = self.save(form)
        except ValidationError as error:
            apply_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class PartnershipChildMixin:
    """A form for something belonging to one link: the link comes from the URL."""

    def dispatch(self, request, *args, **kwargs):
        self.partnership = get_object_or_404(Partnership.objects.select_related("place"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return _link_crumbs(self.partnership, self.title)

    def get_success_url(self):
        return self.partnership.get_absolute_url()


class PlaceCreateView(ServiceFormView, CreateView):
    permission_required = "partnerships.add_place"
    form_class = PlaceForm
    title = "Add a partner place"
    success_message = "Place saved"

    def save(self, form):
        return services.place_save(place=form.instance)

    def get_success_url(self):
        return reverse("partnerships:places")


class PlaceUpdateView(ServiceFormView, UpdateView):
    permission_required = "partnerships.change_place"
    model = Place
    form_class = PlaceForm
    success_message = "Place saved"

    @property
    def title(self):
        return f"Edit {self.object.name}"

    def save(self, form):
        return services.place_save(place=form.instance)

    def get_success_url(self):
        return reverse("partnerships:places")


class PartnershipCreateView(ServiceFormView, CreateView):
    permission_required = "partnerships.add_partnership"
    form_class = PartnershipForm
    title = "Record a link"
    success_message = "Link recorded"

    def save(self, form):
        return services.partnership_create(
            partnership=form.instance, themes=form.cleaned_data["themes"], by=self.request.user
        )


class PartnershipUpdateView(ServiceFormView, UpdateView):
    permission_required = "partnerships.change_partnership"
    model = Partnership
    form_class = PartnershipForm
    success_message = "Link saved"
    title = "Edit the link"

    def crumbs(self):
        return _link_crumbs(self.object, self.title)

    def save(self, form):
        return services.partnership_update(partnership=form.instance, themes=form.cleaned_data["themes"])


@permission_required("partnerships.change_partnership", raise_exception=True)
def partnership_change_status(request, pk):
    """Move a link along its life cycle; an impossible move is refused beside the field."""
    partnership = get_object_or_404(Partnership.objects.select_related("place"), pk=pk)
    form = StatusChangeForm(
        request.POST or None, partnership=partnership, initial={"on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.partnership_change_status(
                partnership=partnership,
                to=form.cleaned_data["to"],
                on=form.cleaned_data["on"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Status changed to {partnership.get_status_display().lower()}")
            return redirect(partnership)
    context = {
        "form": form,
        "title": "Change status",
        "intro": f"The link is {partnership.get_status_display().lower()}.",
        "crumbs": _link_crumbs(partnership, "Change status"),
    }
    return render(request, "partnerships/form_page.html", context)


class AgreementCreateView(PartnershipChildMixin, ServiceFormView, CreateView):
    permission_required = "partnerships.add_agreement"
    form_class = AgreementForm
    title = "Record an agreement"
    success_message = "Agreement saved"

    def save(self, form):
        form.instance.partnership = self.partnership
        return services.agreement_save(agreement=form.instance)


class AgreementUpdateView(ServiceFormView, UpdateView):
    permission_required = "partnerships.change_agreement"
    model = Agreement
    form_class = AgreementForm
    title = "Edit the agreement"
    success_message = "Agreement saved"

    def crumbs(self):
        return _link_crumbs(self.object.partnership, self.title)

    def save(self, form):
        return services.agreement_save(agreement=form.instance)

    def get_success_url(self):
        return self.object.partnership.get_absolute_url()


class ReviewCreateView(PartnershipChildMixin, ServiceFormView, CreateView):
    permission_required = "partnerships.add_annualreview"
    form_class = AnnualReviewForm
    title = "Record an annual review"
    success_message = "Annual review saved"

    def save(self, form):
        form.instance.partnership = self.partnership
        form.instance.reviewer = self.request.user
        return services.review_record(review=form.instance)


class AppraisalCreateView(PartnershipChildMixin, ServiceFormView, CreateView):
    permission_required = "partnerships.add_appraisal"
    form_class = AppraisalForm
    title = "Appraise the prospective link"
    success_message = "Appraisal saved"

    def save(self, form):
        form.instance.partnership = self.partnership
        form.instance.appraiser = self.request.user
        return services.appraisal_save(appraisal=form.instance)


@require_POST
@permission_required("partnerships.change_partnership", raise_exception=True)
def appraisal_accept(request, pk):
    appraisal = get_object_or_404(Appraisal.objects.select_related("partnership"), pk=pk)
    try:
        services.appraisal_accept(appraisal=appraisal, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Appraisal accepted: the link is now formalised/active")
    return redirect(appraisal.partnership)


class LogframeRowCreateView(PartnershipChildMixin, ServiceFormView, CreateView):
    permission_required = "partnerships.add_logframerow"
    form_class = LogframeRowForm
    title = "Add a row to the logical framework"
    success_message = "Logical framework row saved"

    def save(self, form):
        form.instance.partnership = self.partnership
        return services.logframe_row_save(row=form.instance)


class LogframeRowUpdateView(ServiceFormView, UpdateView):
    permission_required = "partnerships.change_logframerow"
    model = LogframeRow
    form_class = LogframeRowForm
    title = "Edit a row of the logical framework"
    success_message = "Logical framework row saved"

    def crumbs(self):
        return _link_crumbs(self.object.partnership, self.title)

    def save(self, form):
        return services.logframe_row_save(row=form.instance)

    def get_success_url(self):
        return self.object.partnership.get_absolute_url()


class PartnershipOrganisationCreateView(PartnershipChildMixin, ServiceFormView, CreateView):
    permission_required = "partnerships.add_partnershiporganisation"
    form_class = PartnershipOrganisationForm
    title = "Add a local organisation to the link"
    success_message = "Organisation added to the link"

    def save(self, form):
        form.instance.partnership = self.partnership
        return services.partnership_organisation_save(involvement=form.instance)


class PartnerContactCreateView(PartnershipChildMixin, ServiceFormView, CreateView):
    permission_required = "partnerships.add_contact"
    form_class = ContactForm
    title = "Add a contact at the partner place"
    success_message = "Contact saved"

    def save(self, form):
        form.instance.partnership = self.partnership
        return services.contact_save(contact=form.instance)


class OrganisationCreateView(ServiceFormView, CreateView):
    permission_required = "partnerships.add_organisation"
    form_class = OrganisationForm
    title = "Add a local organisation"
    success_message = "Organisation saved"

    def save(self, form):
        return services.organisation_save(organisation=form.instance)

    def get_success_url(self):
        return reverse("partnerships:organisations")


class OrganisationUpdateView(ServiceFormView, UpdateView):
    permission_required = "partnerships.change_organisation"
    model = Organisation
    form_class = OrganisationForm
    title = "Edit the organisation"
    success_message = "Organisation saved"

    def save(self, form):
        return services.organisation_save(organisation=form.instance)

    def get_success_url(self):
        return reverse("partnerships:organisations")


class OrganisationContactCreateView(ServiceFormView, CreateView):
    permission_required = "partnerships.add_contact"
    form_class = ContactForm
    title = "Add a contact at a local organisation"
    success_message = "Contact saved"

    def dispatch(self, request, *args, **kwargs):
        self.organisation = get_object_or_404(Organisation, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def save(self, form):
        form.instance.organisation = self.organisation
        return services.contact_save(contact=form.instance)

    def get_success_url(self):
        return reverse("partnerships:organisations")
