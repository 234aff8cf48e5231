"""The security log's sources: django.contrib.auth's and axes' sign-in signals, each written as one
SecurityEvent by `intlinks.services.security_event_record` (the 403 page writes its own).

Connected in IntlinksConfig.ready. The receivers only translate a signal into the service's arguments.
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from intlinks.models import SecurityEvent
from intlinks.services import security_event_record

Kind = SecurityEvent.Kind


@receiver(user_logged_in, dispatch_uid="security_event_signed_in")
def signed_in(sender, request, user, **kwargs):
    if request is not None:
        security_event_record(kind=Kind.SIGNED_IN, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="security_event_sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    if request is not None:
        username = str(credentials.get("username") or "")
        user = getattr(request, "user", None)  # set when a signed-in person gave a wrong password or code
        security_event_record(kind=Kind.SIGN_IN_FAILED, request=request, username=username, user=user)


@receiver(user_locked_out, dispatch_uid="security_event_locked_out")
def locked_out(sender, request, username, **kwargs):
    if request is not None:
        security_event_record(kind=Kind.LOCKED_OUT, request=request, username=str(username or ""))


@receiver(user_logged_out, dispatch_uid="security_event_signed_out")
def signed_out(sender, request, user, **kwargs):
    if request is not None and user is not None:
        kind = Kind.SESSION_EXPIRED if getattr(request, "session_expired", False) else Kind.SIGNED_OUT
        security_event_record(kind=kind, request=request, user=user)
