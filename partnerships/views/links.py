"""Pages for links: the register and its CSV, a link's page, recording and editing a link, moving it
along its life cycle, its agreements (and their signed documents) and the organisations involved."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import CreateView, FormView, UpdateView

from intlinks.editing import ServiceFormMixin
from intlinks.exports import download
from intlinks.files import stored_file_download
from partnerships import exports, selectors, services
from partnerships.filters import PartnershipFilter
from partnerships.forms import AgreementForm, PartnershipForm, PartnershipOrganisationForm, StatusChangeForm
from partnerships.models import Agreement, Partnership
from partnerships.uploads import download_name_and_type
from partnerships.views.common import (
    CHANGE_LINKS,
    VIEW_LINKS,
    PartnershipChildMixin,
    PartnershipPartEditMixin,
    RegisterPageMixin,
    filtered_page,
    link_crumbs,
    list_crumb,
)


@permission_required(VIEW_LINKS, raise_exception=True)
def partnership_list(request):
    """The register: filters, search, pagination, and the same list as CSV."""
    links = PartnershipFilter(request.GET, queryset=selectors.partnership_list())
    context = {**filtered_page(request, links), "crumbs": [("Partnerships", None)]}
    return render(request, "partnerships/partnership_list.html", context)


@permission_required(VIEW_LINKS, raise_exception=True)
def partnership_export(request, file_format):
    """The filtered list of links as CSV or XLSX, one row per link, streamed."""
    links = PartnershipFilter(request.GET, queryset=selectors.partnership_list()).qs
    return download(exports.LINKS, links, file_format)


@permission_required(VIEW_LINKS, raise_exception=True)
def partnership_detail(request, pk):
    try:
        partnership = selectors.partnership_detail(pk)
    except Partnership.DoesNotExist as error:
        raise Http404("No such link") from error
    context = {
        "partnership": partnership,
        "timeline": selectors.partnership_timeline(partnership=partnership),
        "activity_log": selectors.activity_years(partnership=partnership),
        "recent_limit": selectors.RECENT_ACTIVITIES,
        "recent_gifts_limit": selectors.RECENT_GIFTS,
        "can_edit": request.user.has_perm(CHANGE_LINKS),
        "crumbs": [list_crumb(), (str(partnership.place), None)],
    }
    return render(request, "partnerships/partnership_detail.html", context)


# "Add a new place" on the link form keeps what was typed here, in the session, while the place is added.
LINK_DRAFT_SESSION_KEY = "partnerships.link_draft"
ADD_PLACE = "add_place"


class PartnershipCreateView(RegisterPageMixin, ServiceFormMixin, CreateView):
    """Record a link. "Add a new place" keeps the typed values, opens the place form, and comes back
    here with the new place chosen (`PlaceCreateView`, `?for=link`): one flow for a link to a new place."""

    permission_required = "partnerships.add_partnership"
    form_class = PartnershipForm
    template_name = "partnerships/partnership_form.html"
    title = "Record a link"
    success_message = "Link recorded"

    def post(self, request, *args, **kwargs):
        if ADD_PLACE in request.POST:
            request.session[LINK_DRAFT_SESSION_KEY] = {
                name: request.POST.getlist(name)
                for name in PartnershipForm.Meta.fields
                if name in request.POST
            }
            return redirect(f"{reverse('partnerships:place_create')}?for=link")
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        """What was typed before "Add a new place" (once), and the place just added (`?place=`)."""
        initial = super().get_initial()
        draft = self.request.session.pop(LINK_DRAFT_SESSION_KEY, None) or {}
        for name, values in draft.items():
            initial[name] = values if name == "themes" else values[0]
        if self.request.GET.get("place", "").isdigit():
            initial["place"] = int(self.request.GET["place"])
        return initial

    def save(self, form):
        return services.partnership_create(
            partnership=form.instance, themes=form.cleaned_data["themes"], by=self.request.user
        )


class PartnershipUpdateView(ServiceFormMixin, UpdateView):
    permission_required = CHANGE_LINKS
    model = Partnership
    form_class = PartnershipForm
    success_message = "Link saved"
    title = "Edit the link"

    def crumbs(self):
        return link_crumbs(self.object, self.title)

    def save(self, form):
        return services.partnership_update(partnership=form.instance, themes=form.cleaned_data["themes"])


class PartnershipChangeStatusView(PartnershipChildMixin, ServiceFormMixin, FormView):
    """Move a link along its life cycle; an impossible move is refused beside the field."""

    permission_required = CHANGE_LINKS
    form_class = StatusChangeForm
    title = "Change status"
    version_fields = ["status"]  # the move is chosen from the status the person saw

    def versioned_record(self, form):
        return self.partnership

    @property
    def intro(self):
        if self.partnership.can_change_status:
            return f"The link is {self.partnership.get_status_display().lower()}."
        return "This link has ended: an ended link cannot move again. Record a new link instead."

    def get_initial(self):
        return {"on": timezone.localdate()}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.partnership}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # An ended link has nowhere to go: no form, unless a refused move has errors to show.
        context["hide_form"] = not self.partnership.can_change_status and not context["form"].errors
        return context

    def save(self, form):
        return services.partnership_change_status(
            partnership=self.partnership,
            to=form.cleaned_data["to"],
            on=form.cleaned_data["on"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )

    def get_success_message(self):
        return f"Status changed to {self.partnership.get_status_display().lower()}"


class AgreementFormView(ServiceFormMixin):
    form_class = AgreementForm
    success_message = "Agreement saved"

    def save(self, form):
        return services.agreement_save(agreement=form.instance)


class AgreementCreateView(PartnershipChildMixin, AgreementFormView, CreateView):
    permission_required = "partnerships.add_agreement"
    title = "Record an agreement"


class AgreementUpdateView(PartnershipPartEditMixin, AgreementFormView, UpdateView):
    permission_required = "partnerships.change_agreement"
    model = Agreement
    title = "Edit the agreement"


@permission_required("partnerships.view_agreement", raise_exception=True)
def agreement_document(request, pk):
    """The signed document, only to people who may read the register; never served as a static file."""
    agreement = get_object_or_404(Agreement, pk=pk)
    if not agreement.document:
        raise Http404("This agreement has no document")
    back = ("the link", agreement.partnership.get_absolute_url())
    return stored_file_download(request, agreement.document, describe=download_name_and_type, back=back)


class PartnershipOrganisationCreateView(PartnershipChildMixin, ServiceFormMixin, CreateView):
    permission_required = "partnerships.add_partnershiporganisation"
    form_class = PartnershipOrganisationForm
    title = "Add a local organisation to the link"
    success_message = "Organisation added to the link"

    def save(self, form):
        return services.partnership_organisation_save(involvement=form.instance)
