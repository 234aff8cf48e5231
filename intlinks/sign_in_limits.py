"""The three limits on wrong sign-ins (docs/adr/0020), applied by django-axes through this handler.

Axes records each failure as an AccessAttempt row per (user name, address, browser) with a count. It
compares one number with one limit; here that number is AXES_FAILURE_LIMIT as soon as any of our limits
is reached, so axes locks, refuses and signals exactly as it would for its own.

Wrong old passwords on the change-password page and wrong codes at the second step of an
Administrator's sign-in count as failed sign-ins too (`count_wrong_secret`).
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import reduce
from operator import or_

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Q, Sum
from django.http import HttpRequest
from django.shortcuts import render
from django.utils import timezone

from intlinks.client_address import client_address

TOO_MANY_REQUESTS = 429


@dataclass(frozen=True)
class Limit:
    name: str
    keys: tuple[str, ...]  # the AccessAttempt fields a failure must share with this request to count
    failures: int
    window: timedelta  # failures whose latest attempt is older than this no longer count
    what_happened: str  # for the person who is refused: what their lock is about
    lasts: str

    def counted(self, values: dict, since) -> Q:
        return Q(**{key: values[key] for key in self.keys}, attempt_time__gte=since - self.window)


def limits() -> tuple[Limit, ...]:
    """The limits, from the settings of the moment (tests override them)."""
    account_lock = timedelta(minutes=settings.SIGN_IN_ACCOUNT_LOCK_MINUTES)
    return (
        # The person at their own address: only their own mistakes (or someone's on their network).
        Limit(
            "account at address",
            ("username", "ip_address"),
            settings.AXES_FAILURE_LIMIT,
            timedelta(hours=1),
            "There were too many wrong attempts to sign in to this account from your network.",
            "an hour",
        ),
        # Password spraying: one guess at each of many accounts from one address.
        Limit(
            "address",
            ("ip_address",),
            settings.SIGN_IN_ADDRESS_FAILURE_LIMIT,
            timedelta(hours=1),
            "There were too many wrong sign-in attempts from your network, to several accounts.",
            "an hour",
        ),
        # Guessing one account's password from many addresses. Short, so that locking a named person out
        # takes many requests from several addresses and lasts minutes, not an hour.
        Limit(
            "account",
            ("username",),
            settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT,
            account_lock,
            "There were too many wrong attempts to sign in to this account, from several places. "
            "Someone may be guessing its password: tell an Administrator.",
            f"{settings.SIGN_IN_ACCOUNT_LOCK_MINUTES} minutes",
        ),
    )


def limit_reached(request: HttpRequest, credentials: dict | None) -> Limit | None:
    """The first limit this request's failures have reached, counted in one query, or None."""
    values = {"username": get_client_username(request, credentials), "ip_address": request.axes_ip_address}
    since = request.axes_attempt_time or timezone.now()
    applicable = [limit for limit in limits() if all(values[key] is not None for key in limit.keys)]
    if not applicable:
        return None
    filters = [limit.counted(values, since) for limit in applicable]
    counts = AccessAttempt.objects.filter(reduce(or_, filters)).aggregate(
        **{
            f"limit_{index}": Sum("failures_since_start", filter=counted, default=0)
            for index, counted in enumerate(filters)
        }
    )
    return next(
        (limit for index, limit in enumerate(applicable) if counts[f"limit_{index}"] >= limit.failures), None
    )


class SignInLimitsHandler(AxesDatabaseHandler):
    """Axes' database handler, with our three limits in place of its one."""

    def get_failures(self, request, credentials=None) -> int:
        limit = limit_reached(request, credentials)
        request.sign_in_limit = limit
        return settings.AXES_FAILURE_LIMIT if limit else 0


def lockout_response(request, original_response=None, credentials=None):
    """The page for a refused sign-in: which lock, for how long, and who can release it."""
    limit = getattr(request, "sign_in_limit", None) or limit_reached(request, credentials)
    return render(
        request, settings.AXES_LOCKOUT_TEMPLATE, {"limit": limit or limits()[0]}, status=TOO_MANY_REQUESTS
    )


def is_locked_out(request: HttpRequest, *, username: str) -> bool:
    return not AxesProxyHandler.is_allowed(request, {"username": username})


def count_wrong_secret(request: HttpRequest, *, username: str) -> bool:
    """Count a wrong password or code from a signed-in person as a failed sign-in, and say whether it
    locks them out (then axes' middleware answers with the lockout page)."""
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
    return bool(getattr(request, "axes_locked_out", False))


def forget_own_failures(request: HttpRequest, *, username: str) -> None:
    """After a right code, as after a right password (AXES_RESET_ON_SUCCESS): the person's own failures
    from this address are forgotten; failures from elsewhere and at other accounts are not."""
    AxesProxyHandler.reset_attempts(ip_address=client_address(request), username=username)
