"""Every write of the partnerships app, by subject. Views, the admin, the demo loader and tests call these."""

from partnerships.services.links import (
    agreement_save,
    partnership_change_status,
    partnership_create,
    partnership_organisation_save,
    partnership_update,
)
from partnerships.services.places import contact_save, organisation_save, place_save
from partnerships.services.reviews import appraisal_accept, appraisal_save, logframe_row_save, review_record

__all__ = [
    "agreement_save",
    "appraisal_accept",
    "appraisal_save",
    "contact_save",
    "logframe_row_save",
    "organisation_save",
    "partnership_change_status",
    "partnership_create",
    "partnership_organisation_save",
    "partnership_update",
    "place_save",
    "review_record",
]

from partnerships.services.activities import (  # noqa: E402
    CostErrors,
    activity_log,
    activity_mark_complete,
    activity_mark_ready,
    activity_update_safeguarding,
    breach_approve,
    breach_justify,
    cost_save,
    evidence_add,
    funding_save,
    gift_save,
    policy_on,
    safeguarding_missing,
    unresolved_breaches,
)

__all__ += [
    "CostErrors",
    "activity_log",
    "activity_mark_complete",
    "activity_mark_ready",
    "activity_update_safeguarding",
    "breach_approve",
    "breach_justify",
    "cost_save",
    "evidence_add",
    "funding_save",
    "gift_save",
    "policy_on",
    "safeguarding_missing",
    "unresolved_breaches",
]
