"""Writes that belong to the project as a whole rather than to one domain app."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from intlinks.archive import Archivable
from intlinks.client_address import client_address, is_address
from intlinks.models import FormToken, SecurityEvent, StagedImport, WorkerHeartbeat


def worker_heartbeat_record(*, worker: str) -> WorkerHeartbeat:
    """Note that `worker` is alive now, so the health check can say when a worker last ran a task."""
    heartbeat, _ = WorkerHeartbeat.objects.update_or_create(
        worker=worker, defaults={"seen_at": timezone.now()}
    )
    return heartbeat


# Longer than any session (SESSION_COOKIE_AGE), and signing in again rotates the CSRF token, so a form
# older than this cannot be posted again anyway.
FORM_TOKEN_DAYS = 2


def form_token_claim(*, key: str, by) -> tuple[FormToken, bool]:
    """Claim a form render's token inside the caller's transaction; says whether this call claimed it.

    A second claim of the same key waits for the first transaction: if that saved, this one gets the
    claimed row (and its `redirect_to`); if that rolled back, this one claims the key itself.
    """
    return FormToken.objects.get_or_create(key=key, defaults={"claimed_at": timezone.now(), "claimed_by": by})


def form_token_record_result(*, token: FormToken, redirect_to: str) -> None:
    """Note where the save the token allowed went, for a replay of the same form to go there too."""
    token.redirect_to = redirect_to
    token.full_clean()
    token.save(update_fields=["redirect_to"])


@transaction.atomic
def form_tokens_forget(*, now=None) -> int:
    """Forget tokens older than FORM_TOKEN_DAYS; returns how many were forgotten."""
    cutoff = (now or timezone.now()) - timedelta(days=FORM_TOKEN_DAYS)
    deleted, _ = FormToken.objects.filter(claimed_at__lt=cutoff).delete()
    return deleted


@transaction.atomic
def record_archive(*, record: Archivable, by: AbstractBaseUser, reason: str) -> Archivable:
    """Withdraw `record` from the register's lists, pickers and totals, noting who, when and why.

    Nothing that points at it is deleted or nulled, its history keeps a row for the change, and
    `record_restore` brings it back. Refused, naming the reason, while the record's own rule says no
    (`Archivable.archive_refusal`: a link with current activities, the last conduct policy in force).
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"archive_reason": "Enter why it is being archived"})
    record = type(record)._base_manager.select_for_update().get(pk=record.pk)
    refusal = record.archive_refusal()
    if refusal:
        raise ValidationError(refusal)
    record.archived_at, record.archived_by, record.archive_reason = timezone.now(), by, reason
    record._history_user = by
    # No full_clean here on purpose: a record that no longer validates (say, a year-1 date from before
    # the bounds) is exactly one an Administrator must be able to withdraw; only these fields change.
    record.save(update_fields=["archived_at", "archived_by", "archive_reason"])
    return record


@transaction.atomic
def record_restore(*, record: Archivable, by: AbstractBaseUser) -> Archivable:
    """Bring an archived record back into the register; its history shows who restored it."""
    record = type(record)._base_manager.select_for_update().get(pk=record.pk)
    refusal = record.restore_refusal()
    if refusal:
        raise ValidationError(refusal)
    record.archived_at, record.archived_by, record.archive_reason = None, None, ""
    # The history row of the restore names who restored it (django-simple-history reads this).
    record._history_user = by
    record.save(update_fields=["archived_at", "archived_by", "archive_reason"])
    return record


# An upload waiting for confirmation longer than this is forgotten (the person uploads it again).
STAGED_IMPORT_DAYS = 2


@transaction.atomic
def staged_import_save(*, kind: str, by, filename: str, content: bytes, preview: list) -> StagedImport:
    """Keep an uploaded file and its preview until its person confirms it, under a fresh one-time key;
    forget uploads older than STAGED_IMPORT_DAYS on the way."""
    StagedImport.objects.filter(uploaded_at__lt=timezone.now() - timedelta(days=STAGED_IMPORT_DAYS)).delete()
    staged = StagedImport(
        key=secrets.token_urlsafe(32),
        kind=kind,
        uploaded_by=by,
        uploaded_at=timezone.now(),
        filename=filename[:255],
        content=content,
        preview=preview,
    )
    staged.full_clean()
    staged.save()
    return staged


def staged_import_claim(*, key: str, kind: str, by) -> StagedImport | None:
    """The person's staged upload, locked for the caller's transaction (a second confirm waits, then
    finds it gone); None when it was already imported, forgotten, or is not theirs."""
    return StagedImport.objects.select_for_update().filter(key=key, kind=kind, uploaded_by=by).first()


@transaction.atomic
def security_events_forget(*, now=None) -> int:
    """Forget the security log's lines older than SECURITY_LOG_DAYS (the privacy notice's retention);
    returns how many were forgotten."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SECURITY_LOG_DAYS)
    deleted, _ = SecurityEvent.objects.filter(at__lt=cutoff).delete()
    return deleted


@transaction.atomic
def security_event_record(*, kind: str, request, username: str = "", user=None) -> SecurityEvent:
    """Write one line of the security log about `request`: who (the name tried, the account), from
    where (intlinks.client_address) and which page."""
    if user is not None and not user.is_authenticated:
        user = None
    address = client_address(request)
    event = SecurityEvent(
        at=timezone.now(),
        kind=kind,
        username=(username or (user.get_username() if user else ""))[:150],
        user=user,
        address=address if is_address(address) else None,
        path=request.path[:2000],
    )
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def two_factor_reset(*, user) -> int:
    """Remove the authenticator apps of someone who lost theirs (the server operator's break-glass, for
    a council whose only Administrator lost their phone): their next sign-in sets up a new one. Written
    to the security log. Returns how many apps were removed."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    SecurityEvent.objects.create(
        at=timezone.now(),
        kind=SecurityEvent.Kind.TWO_FACTOR_RESET,
        username=user.get_username(),
        user=user,
        path="manage.py two_factor_reset",
    )
    return removed


@transaction.atomic
def totp_device_for_set_up(*, user) -> TOTPDevice:
    """The authenticator app `user` is setting up: the one not yet confirmed, or a new one with a new
    secret. Opening the set-up page twice shows the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice(user=user, name="Authenticator app", confirmed=False)
        device.full_clean()
        device.save()
    return device


@transaction.atomic
def totp_device_check(*, device: TOTPDevice, code: str) -> bool:
    """Whether `code` is the device's current code and was never used before (django-otp keeps the
    time step of the last accepted code, so a replayed code is refused). The first right code
    confirms a device being set up."""
    if not device.verify_token(code):
        return False
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return True
