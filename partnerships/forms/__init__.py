"""Forms for officers, by subject; saving goes through partnerships.services."""

from partnerships.forms.register import (
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
    StatusChangeForm,
)

__all__ = [
    "AgreementForm",
    "AnnualReviewForm",
    "AppraisalForm",
    "ContactForm",
    "LifeCycleChoiceField",
    "LogframeRowForm",
    "OrganisationForm",
    "PartnershipForm",
    "PartnershipOrganisationForm",
    "PlaceForm",
    "StatusChangeForm",
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
