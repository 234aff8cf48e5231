"""Writes that belong to the project as a whole rather than to one domain app."""

import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from intlinks.archive import Archivable
from intlinks.models import FormToken, StagedImport, WorkerHeartbeat


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
