"""Pages for how a link is judged: annual reviews, appraisals (and accepting one), the logframe."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, UpdateView

from intlinks.editing import ServiceFormMixin, service_action
from partnerships import services
from partnerships.forms import AnnualReviewForm, AppraisalForm, LogframeRowForm
from partnerships.models import Appraisal, LogframeRow
from partnerships.views.common import CHANGE_LINKS, PartnershipChildMixin, PartnershipPartEditMixin


class ReviewCreateView(PartnershipChildMixin, ServiceFormMixin, CreateView):
    permission_required = "partnerships.add_annualreview"
    form_class = AnnualReviewForm
    title = "Record an annual review"
    success_message = "Annual review saved"

    def fill_instance(self, instance):
        super().fill_instance(instance)
        instance.reviewer = self.request.user

    def save(self, form):
        review = services.review_record(review=form.instance)
        if review.decision == review.Decision.END:
            messages.info(self.request, "The review decided to end the link: use “Change status” to end it.")
        return review


class AppraisalCreateView(PartnershipChildMixin, ServiceFormMixin, CreateView):
    permission_required = "partnerships.add_appraisal"
    form_class = AppraisalForm
    title = "Appraise the prospective link"
    success_message = "Appraisal saved"

    def fill_instance(self, instance):
        super().fill_instance(instance)
        instance.appraiser = self.request.user

    def save(self, form):
        return services.appraisal_save(appraisal=form.instance)


@require_POST
@permission_required(CHANGE_LINKS, raise_exception=True)
def appraisal_accept(request, pk):
    """Accept an appraisal (Appraisal.can_be_accepted says when); the link becomes formalised/active."""
    appraisal = get_object_or_404(Appraisal.objects.select_related("partnership"), pk=pk)
    service_action(
        request,
        lambda: services.appraisal_accept(appraisal=appraisal, by=request.user),
        success="Appraisal accepted: the link is now formalised/active",
        guard=appraisal,  # the scores and recommendation the person accepted
    )
    return redirect(appraisal.partnership)


class LogframeRowFormView(ServiceFormMixin):
    form_class = LogframeRowForm
    success_message = "Logical framework row saved"

    def save(self, form):
        return services.logframe_row_save(row=form.instance)


class LogframeRowCreateView(PartnershipChildMixin, LogframeRowFormView, CreateView):
    permission_required = "partnerships.add_logframerow"
    title = "Add a row to the logical framework"


class LogframeRowUpdateView(PartnershipPartEditMixin, LogframeRowFormView, UpdateView):
    permission_required = "partnerships.change_logframerow"
    model = LogframeRow
    title = "Edit a row of the logical framework"
