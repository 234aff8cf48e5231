"""The register of international links: partner places, links and their life cycle, agreements,
local organisations and contacts, annual reviews, appraisals of prospective links and logframes.

Words and categories follow the domain documents: the LGIB handbook "Take your partners" (life cycle,
charters and agreements, the logical framework) and Kent's draft International Strategy (depth of
commitment, the four criteria for a new link, annual review "to avoid drift").
"""

from partnerships.models.activities import Activity, ActivityStateChange, Evidence, StepCheck
from partnerships.models.conduct import ConductPolicy, HotelCap, Region, policy_in_force
from partnerships.models.costs import MAX_COST, Cost, in_pounds
from partnerships.models.funding import ExternalFunding, ReportingDeadline
from partnerships.models.gifts import REGISTRATION_DAYS, Gift
from partnerships.models.grants import GrantApplication, GrantStateChange
from partnerships.models.links import (
    AGREEMENT_LAPSE_WARNING_DAYS,
    ALLOWED_MOVES,
    DRIFT_RULE,
    ESTABLISHED_STATUSES,
    STARTING_STATUSES,
    Agreement,
    Partnership,
    PartnershipOrganisation,
    Status,
    StatusChange,
)
from partnerships.models.meetings import AgendaItem, Meeting
from partnerships.models.places import Contact, Organisation, Place, Theme
from partnerships.models.reviews import AnnualReview, Appraisal, LogframeRow

__all__ = [
    "DRIFT_RULE",
    "REGISTRATION_DAYS",
    "Activity",
    "ActivityStateChange",
    "ConductPolicy",
    "Cost",
    "MAX_COST",
    "Evidence",
    "ExternalFunding",
    "Gift",
    "GrantApplication",
    "GrantStateChange",
    "AgendaItem",
    "Meeting",
    "HotelCap",
    "Region",
    "ReportingDeadline",
    "StepCheck",
    "in_pounds",
    "policy_in_force",
    "AGREEMENT_LAPSE_WARNING_DAYS",
    "ALLOWED_MOVES",
    "ESTABLISHED_STATUSES",
    "STARTING_STATUSES",
    "Agreement",
    "AnnualReview",
    "Appraisal",
    "Contact",
    "LogframeRow",
    "Organisation",
    "Partnership",
    "PartnershipOrganisation",
    "Place",
    "Status",
    "StatusChange",
    "Theme",
]
