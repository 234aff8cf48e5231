"""When the database cannot serve a request: a page that says the service is busy or unavailable, with
the status 503, one line in the log, and never a traceback.

`database_refusal` is the one place that tells such a refusal (the database is locked, unreachable,
read-only or full) from a bug, which stays a 500. The form kit uses it to keep the person's form with a
message; `DatabaseUnavailableMiddleware` and the 500 handler use it for everything else.
"""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InternalError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

BUSY = "busy"
UNAVAILABLE = "unavailable"
# PostgreSQL's read_only_sql_transaction: psycopg reports it as an InternalError, yet it is a refusal.
READ_ONLY_SQLSTATE = "25006"
# Seconds after which a browser or a monitor may try again.
RETRY_AFTER = {BUSY: 30, UNAVAILABLE: 300}

SAVE_REFUSED = {
    BUSY: "The service is busy saving other changes, so yours have not been saved. Wait a minute, "
    "then save again.",
    UNAVAILABLE: "The database cannot save changes just now, so yours have not been saved. Try again "
    "later; if this goes on, tell the international team.",
}


def database_refusal(error: BaseException) -> str | None:
    """BUSY when the database is locked or timed out, UNAVAILABLE when it cannot be reached or refuses
    to write; None for any other error."""
    if isinstance(error, OperationalError):
        text = str(error).lower()
        return BUSY if "lock" in text or "timeout" in text else UNAVAILABLE
    if isinstance(error, InternalError) and _sqlstate(error) == READ_ONLY_SQLSTATE:
        return UNAVAILABLE
    return None


def _sqlstate(error: DatabaseError) -> str | None:
    cause = error.__cause__
    return getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)


def log_refusal(request, error: BaseException, kind: str) -> None:
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    logger.warning("Database %s for %s %s: %s", kind, request.method, request.path, first_line)


def unavailable_response(kind: str) -> HttpResponse:
    """The 503 page, rendered without the request so that no context processor reads the database."""
    context = {
        "council_name": settings.COUNCIL_NAME,
        "service_name": settings.SERVICE_NAME,
        "busy": kind == BUSY,
    }
    response = HttpResponse(loader.get_template("503.html").render(context), status=503)
    response["Retry-After"] = str(RETRY_AFTER[kind])
    response["Cache-Control"] = "no-store"
    return response


def response_for_current_exception(request) -> HttpResponse | None:
    """For the 500 handler: the 503 page when the error being handled is the database's refusal."""
    error = sys.exc_info()[1]
    kind = database_refusal(error) if error is not None else None
    return unavailable_response(kind) if kind else None


class DatabaseUnavailableMiddleware:
    """A view that meets a locked, unreachable or read-only database answers 503 with a plain page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        kind = database_refusal(exception)
        if kind is None:
            return None
        log_refusal(request, exception, kind)
        return unavailable_response(kind)
