"""Every write of the partnerships app, by subject. Views, the admin, the demo loader and tests call these."""

from partnerships.services.register import (
    ALLOWED_MOVES,
    STARTING_STATUSES,
    agreement_save,
    allowed_moves_from,
    appraisal_accept,
    appraisal_save,
    contact_save,
    logframe_row_save,
    organisation_save,
    partnership_change_status,
    partnership_create,
    partnership_organisation_save,
    partnership_update,
    place_save,
    review_record,
)

__all__ = [
    "ALLOWED_MOVES",
    "STARTING_STATUSES",
    "agreement_save",
    "allowed_moves_from",
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
