"""Forms for officers, by subject; saving goes through partnerships.services."""

from partnerships.forms.links import (
    AgreementForm,
    LifeCycleChoiceField,
    PartnershipForm,
    PartnershipOrganisationForm,
    StatusChangeForm,
)
from partnerships.forms.places import ContactForm, OrganisationForm, PlaceForm
from partnerships.forms.reviews import AnnualReviewForm, AppraisalForm, LogframeRowForm

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
