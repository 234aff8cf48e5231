"""Sessions end after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after signing in.

Both moments are kept in the session itself, stamped at sign-in. The last request's time is written at
most once a minute, so a busy page does not write its session on every request.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver

SIGNED_IN_AT = "signed_in_at"
LAST_SEEN_AT = "last_seen_at"
LAST_SEEN_PRECISION_SECONDS = 60


@receiver(user_logged_in, dispatch_uid="session_stamp_sign_in")
def stamp_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN_AT] = now


def expiry_reason(session, now: float) -> str | None:
    """Why a signed-in session has ended, or None while it is alive. A session without the stamps
    (made before they existed) has ended: the safe side is to sign in again."""
    signed_in_at, last_seen_at = session.get(SIGNED_IN_AT), session.get(LAST_SEEN_AT)
    if signed_in_at is None or last_seen_at is None:
        return "You have been signed out. Sign in again to continue."
    if now - signed_in_at > settings.SESSION_MAX_HOURS * 3600:
        hours = settings.SESSION_MAX_HOURS
        return f"You have been signed out because you signed in more than {hours} hours ago."
    if now - last_seen_at > settings.SESSION_IDLE_MINUTES * 60:
        return (
            f"You have been signed out because you had not used the service for "
            f"{settings.SESSION_IDLE_MINUTES} minutes."
        )
    return None


class SessionLifetimeMiddleware:
    """Signs out a session past its idle or absolute limit and sends the person to sign in again,
    saying why; otherwise notes that the session is in use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            reason = expiry_reason(request.session, now)
            if reason:
                request.session_expired = True
                logout(request)
                messages.info(request, reason)
                return redirect_to_login(request.get_full_path())
            if now - request.session[LAST_SEEN_AT] >= LAST_SEEN_PRECISION_SECONDS:
                request.session[LAST_SEEN_AT] = int(now)
        return self.get_response(request)
