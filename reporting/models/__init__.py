"""Cabinet reports (issue 12): the report a clerk or officer prepares, its front matter and rows, and
the versions generated from it."""

from reporting.models.reports import (
    DECISION_TYPES,
    IMPLICATION_SUBJECTS,
    LAYOUTS,
    REPORT_KINDS,
    SCHEDULE_12A_PARAGRAPHS,
    CabinetReport,
    Consultation,
    ExemptParagraph,
    Recommendation,
    ReportImplication,
    ReportMeeting,
)
from reporting.models.versions import ReportVersion

__all__ = [
    "DECISION_TYPES",
    "IMPLICATION_SUBJECTS",
    "LAYOUTS",
    "REPORT_KINDS",
    "SCHEDULE_12A_PARAGRAPHS",
    "CabinetReport",
    "Consultation",
    "ExemptParagraph",
    "Recommendation",
    "ReportImplication",
    "ReportMeeting",
    "ReportVersion",
]
