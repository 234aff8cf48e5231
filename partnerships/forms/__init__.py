"""Forms for officers, by subject; saving goes through partnerships.services."""

from partnerships.forms.activities import (
    ActivityForm,
    CostForm,
    CostFormSet,
    EvidenceForm,
    JustificationForm,
    RepaymentForm,
    SafeguardingForm,
    StateReasonForm,
)
from partnerships.forms.funding import DeadlineFormSet, FundingForm, ReportingDeadlineForm
from partnerships.forms.gifts import GiftForm
from partnerships.forms.grants import DecisionForm, GrantForm, MonitoringForm, PaymentForm
from partnerships.forms.links import (
    AgreementForm,
    LifeCycleChoiceField,
    PartnershipForm,
    PartnershipOrganisationForm,
    StatusChangeForm,
)
from partnerships.forms.meetings import AgendaItemFormSet, MeetingForm
from partnerships.forms.places import ContactForm, OrganisationForm, PlaceForm
from partnerships.forms.reviews import AnnualReviewForm, AppraisalForm, LogframeRowForm

__all__ = [
    "ActivityForm",
    "AgendaItemFormSet",
    "DecisionForm",
    "GrantForm",
    "MeetingForm",
    "MonitoringForm",
    "PaymentForm",
    "AgreementForm",
    "AnnualReviewForm",
    "AppraisalForm",
    "ContactForm",
    "CostForm",
    "CostFormSet",
    "DeadlineFormSet",
    "EvidenceForm",
    "FundingForm",
    "GiftForm",
    "JustificationForm",
    "LifeCycleChoiceField",
    "LogframeRowForm",
    "OrganisationForm",
    "PartnershipForm",
    "PartnershipOrganisationForm",
    "PlaceForm",
    "RepaymentForm",
    "ReportingDeadlineForm",
    "SafeguardingForm",
    "StateReasonForm",
    "StatusChangeForm",
]
