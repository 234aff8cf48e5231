"""Writes that belong to the project as a whole rather than to one domain app."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from intlinks.models import FormToken, WorkerHeartbeat


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
