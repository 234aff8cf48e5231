"""Filters for the log, configured in settings.LOGGING (so this module imports no models)."""

import logging

FORBIDDEN = 403


class RefusalInOneLine(logging.Filter):
    """Django logs every refused page ("Forbidden (Permission denied)") with the PermissionDenied's
    traceback. A refusal is expected behaviour, recorded as a security event: the log keeps its one
    line and drops the traceback, so real errors stand out."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == FORBIDDEN:
            record.exc_info = None
            record.exc_text = None
        return True
