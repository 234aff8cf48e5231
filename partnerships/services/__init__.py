"""Every write of the partnerships app, by subject. Views, the admin, the demo loader and tests call these."""

from partnerships.services.activities import (
    activities_save_imported,
    activity_cancel,
    activity_check_imported,
    activity_log,
    activity_mark_complete,
    activity_mark_ready,
    activity_reopen,
    activity_update_safeguarding,
    cost_save,
    evidence_add,
    evidence_delete,
    settle_readiness,
)
from partnerships.services.conduct import breach_approve, breach_justify, cost_record_repayment
from partnerships.services.funding import funding_save
from partnerships.services.gifts import gift_save
from partnerships.services.grants import (
    decision_refusal,
    grant_close,
    grant_decide,
    grant_pay,
    grant_record_monitoring,
    grant_save,
    grant_submit,
)
from partnerships.services.links import (
    agreement_delete,
    agreement_save,
    partnership_change_status,
    partnership_create,
    partnership_organisation_save,
    partnership_update,
)
from partnerships.services.meetings import meeting_save
from partnerships.services.places import contact_save, organisation_save, place_save
from partnerships.services.reviews import appraisal_accept, appraisal_save, logframe_row_save, review_record

__all__ = [
    "activity_cancel",
    "activities_save_imported",
    "activity_check_imported",
    "activity_log",
    "activity_mark_complete",
    "activity_mark_ready",
    "activity_reopen",
    "activity_update_safeguarding",
    "agreement_delete",
    "agreement_save",
    "appraisal_accept",
    "appraisal_save",
    "breach_approve",
    "breach_justify",
    "contact_save",
    "cost_record_repayment",
    "cost_save",
    "evidence_add",
    "evidence_delete",
    "funding_save",
    "gift_save",
    "decision_refusal",
    "grant_close",
    "grant_decide",
    "grant_pay",
    "grant_record_monitoring",
    "grant_save",
    "grant_submit",
    "meeting_save",
    "logframe_row_save",
    "organisation_save",
    "partnership_change_status",
    "partnership_create",
    "partnership_organisation_save",
    "partnership_update",
    "place_save",
    "review_record",
    "settle_readiness",
]
