"""Forms for officers, by subject; saving goes through partnerships.services."""

from partnerships.forms.register import (
    GOVUK_CLASSES,
    AgreementForm,
    AnnualReviewForm,
    AppraisalForm,
    ContactForm,
    LifeCycleChoiceField,
    LogframeRowForm,
    OrganisationForm,
    PartnershipForm,
    PartnershipOrganisationForm,
    PlaceForm,
    ServiceModelForm,
    StatusChangeForm,
    apply_service_errors,
    date_input,
    gds_layout,
    required_messages,
)

__all__ = [
    "AgreementForm",
    "AnnualReviewForm",
    "AppraisalForm",
    "ContactForm",
    "GOVUK_CLASSES",
    "LifeCycleChoiceField",
    "LogframeRowForm",
    "OrganisationForm",
    "PartnershipForm",
    "PartnershipOrganisationForm",
    "PlaceForm",
    "ServiceModelForm",
    "StatusChangeForm",
    "apply_service_errors",
    "date_input",
    "gds_layout",
    "required_messages",
]

from partnerships.forms.activities import (  # noqa: E402
    ActivityForm,
    CostForm,
    CostFormSet,
    DeadlineFormSet,
    EvidenceForm,
    FundingForm,
    GiftForm,
    JustificationForm,
    SafeguardingForm,
)

__all__ += [
    "ActivityForm",
    "CostForm",
    "CostFormSet",
    "DeadlineFormSet",
    "EvidenceForm",
    "FundingForm",
    "GiftForm",
    "JustificationForm",
    "SafeguardingForm",
]
