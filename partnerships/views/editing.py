"""Create and edit pages, and the actions (status change, accepting an appraisal) officers take."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, UpdateView

from intlinks.editing import apply_validation_error
from partnerships import services
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
)
from partnerships.models import Agreement, Appraisal, LogframeRow, Organisation, Partnership, Place
from partnerships.views.common import link_crumbs, list_crumb


class ServiceFormView(PermissionRequiredMixin):
    """A create or edit page whose form hands its instance to a service and maps errors back."""

    template_name = "partnerships/form_page.html"
    title = ""
    success_message = "Saved"

    def save(self, form):
        raise NotImplementedError

    def crumbs(self):
        return [list_crumb(), (self.title, None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, crumbs=self.crumbs(), **kwargs)

    def fill_instance(self, instance) -> None:
        """Set what the page knows and the form does not ask, before validation."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        self.fill_instance(form.instance)
        return form

    def form_valid(self, form):
        try:
            self.object = self.save(form)
        except ValidationError as error:
            apply_validation_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class PartnershipChildMixin:
    """A form for something belonging to one link: the link comes from the URL."""

    def dispatch(self, request, *args, **kwargs):
        self.partnership = get_object_or_404(Partnership.objects.select_related("place"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return link_crumbs(self.partnership, self.title)

    def get_success_url(self):
        return self.partnership.get_absolute_url()


class PartnershipPartEditMixin:
    """Editing something that already belongs to one link: crumbs and the way back go to that link."""

    def crumbs(self):
        return link_crumbs(self.object.partnership, self.title)

    def get_success_url(self):
        return self.object.partnership.get_absolute_url()


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
        return link_crumbs(self.object, self.title)

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
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Status changed to {partnership.get_status_display().lower()}")
            return redirect(partnership)
    has_moves = bool(form.fields["to"].choices)
    context = {
        "form": form,
        "hide_form": not has_moves and not form.errors,
        "title": "Change status",
        "intro": f"The link is {partnership.get_status_display().lower()}."
        if has_moves
        else "This link has ended: an ended link cannot move again. Record a new link instead.",
        "crumbs": link_crumbs(partnership, "Change status"),
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


class AgreementUpdateView(PartnershipPartEditMixin, ServiceFormView, UpdateView):
    permission_required = "partnerships.change_agreement"
    model = Agreement
    form_class = AgreementForm
    title = "Edit the agreement"
    success_message = "Agreement saved"

    def save(self, form):
        return services.agreement_save(agreement=form.instance)


class ReviewCreateView(PartnershipChildMixin, ServiceFormView, CreateView):
    permission_required = "partnerships.add_annualreview"
    form_class = AnnualReviewForm
    title = "Record an annual review"
    success_message = "Annual review saved"

    def save(self, form):
        form.instance.partnership = self.partnership
        form.instance.reviewer = self.request.user
        review = services.review_record(review=form.instance)
        if review.decision == review.Decision.END:
            messages.info(self.request, "The review decided to end the link: use “Change status” to end it.")
        return review


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


class LogframeRowUpdateView(PartnershipPartEditMixin, ServiceFormView, UpdateView):
    permission_required = "partnerships.change_logframerow"
    model = LogframeRow
    form_class = LogframeRowForm
    title = "Edit a row of the logical framework"
    success_message = "Logical framework row saved"

    def save(self, form):
        return services.logframe_row_save(row=form.instance)


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

    def fill_instance(self, instance):
        instance.partnership = self.partnership

    def save(self, form):
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

    def fill_instance(self, instance):
        instance.organisation = self.organisation

    def save(self, form):
        return services.contact_save(contact=form.instance)

    def get_success_url(self):
        return reverse("partnerships:organisations")
