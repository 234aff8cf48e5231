from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class WorkerHeartbeat(models.Model):
    """When each Celery worker last ran its scheduled heartbeat task; shown by the health check."""

    worker = models.CharField(max_length=200, unique=True)
    seen_at = models.DateTimeField()

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self):
        return f"{self.worker} at {self.seen_at:%Y-%m-%d %H:%M:%S}"


class FormToken(models.Model):
    """A form render's one-time token, claimed in the same transaction as the save it allowed.

    The unique key makes a double-click or a replayed POST (even two at the same moment) save once;
    the second is sent to `redirect_to`, the page the first save went to. Rows are forgotten after
    `FORM_TOKEN_DAYS` by a scheduled task.
    """

    history_exempt_reason = "a technical receipt of a form post, holding no council data"

    key = models.CharField(max_length=64, unique=True)
    claimed_at = models.DateTimeField(db_index=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    redirect_to = models.CharField(max_length=2000, blank=True)

    def __str__(self):
        return f"form token claimed at {self.claimed_at:%Y-%m-%d %H:%M:%S}"


class SiteSettings(models.Model):
    """The council's switches for the service as a whole: one row, changed by the Administrator in the
    admin, with its history (who switched open data on, and when).

    Open data is off until the council decides to publish: the public pages answer 404 while it is.
    """

    SINGLETON = 1

    open_data = models.BooleanField(
        "publish open data",
        default=False,
        help_text="Publish, without signing in, the partner places and live links and the gifts and "
        "hospitality register at /open-data/ (a page and JSON feeds).",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "site settings"
        permissions = [("export_council_data", "Can download the whole-council export of every record")]

    def __str__(self):
        return "Site settings"

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON  # one row, whatever the caller built
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "SiteSettings":
        """The saved settings, or the defaults (everything off) before anyone has saved them."""
        return cls.objects.filter(pk=cls.SINGLETON).first() or cls(pk=cls.SINGLETON)


class StagedImport(models.Model):
    """An uploaded spreadsheet waiting for its person to confirm the preview, kept on the server.

    Its `key` is the one-time token of the confirm button: the import claims the row under a lock and
    deletes it in the same transaction, so a double-click imports once. `preview` holds each row's
    outcome as shown; the confirmed import must find the same, or the person previews again.
    """

    history_exempt_reason = (
        "a technical copy of an upload between preview and confirm; the imported records keep their history"
    )

    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=40)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uploaded_at = models.DateTimeField(db_index=True)
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    preview = models.JSONField(default=list)

    def __str__(self):
        return f"{self.filename} ({self.kind}) uploaded at {self.uploaded_at:%Y-%m-%d %H:%M}"


class SecurityEvent(models.Model):
    """One line of the security log: a sign-in, a failure, a lock, a sign-out or a refused page.

    Written by `intlinks.services.security_event_record` from the sign-in signals and the 403 page;
    read by the Administrator in the admin, where no one can add, change or delete a row.
    """

    history_exempt_reason = "an append-only log: its rows are never changed, so there is no history to keep"

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        LOCKED_OUT = "locked_out", "Locked out"
        SECOND_STEP_PASSED = "second_step_passed", "Two-factor code accepted"
        SIGNED_OUT = "signed_out", "Signed out"
        SESSION_EXPIRED = "session_expired", "Session expired"
        REFUSED = "refused", "Page refused (403)"
        FORM_REFUSED = "form_refused", "Form refused (its security check failed)"
        TWO_FACTOR_RESET = "two_factor_reset", "Authenticator app removed (manage.py two_factor_reset)"

    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    username = models.CharField("user name tried", max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=2000, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.username or '-'} at {self.at:%Y-%m-%d %H:%M:%S}"
