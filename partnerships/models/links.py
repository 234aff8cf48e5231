"""Links (partnerships): their life cycle, who is involved, their agreements, and when one drifts."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import BooleanField, Case, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from intlinks.archive import Archivable, ArchivableQuerySet, count_phrase
from intlinks.bounds import DATE_BOUNDS, SOURCE_MAX_LENGTH, BoundedTextField, dates_in_bounds, texts_in_bounds
from partnerships.models.places import Organisation, Place, Theme
from partnerships.uploads import stored_name, validate_agreement_document
from strategy.models import SOURCE_HELP

# An agreement's page warns this many days before a time-limited agreement lapses.
AGREEMENT_LAPSE_WARNING_DAYS = 90


class Status(models.TextChoices):
    """The life cycle of a link, after the LGIB handbook."""

    APPROACH_RECEIVED = "approach_received", "Approach received"
    EXPLORING = "exploring", "Exploring"
    ACTIVE = "active", "Formalised/active"
    UNDER_REVIEW = "under_review", "Under review"
    DORMANT = "dormant", "Dormant"
    ENDED = "ended", "Ended"


# How each status reads at a glance, as a tag meaning (intlinks' `{% tag %}` turns it into a colour).
STATUS_MEANINGS: dict[str, str] = {
    Status.ACTIVE: "good",
    Status.DORMANT: "attention",
    Status.ENDED: "ended",
}


# ---- the life cycle: the one place that says where a link may go -----------------------------------

# Where a link may go from each status. Ended is final.
ALLOWED_MOVES: dict[str, tuple[str, ...]] = {
    Status.APPROACH_RECEIVED: (Status.EXPLORING, Status.ENDED),
    Status.EXPLORING: (Status.ACTIVE, Status.ENDED),
    Status.ACTIVE: (Status.UNDER_REVIEW, Status.DORMANT, Status.ENDED),
    Status.UNDER_REVIEW: (Status.ACTIVE, Status.DORMANT, Status.ENDED),
    Status.DORMANT: (Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDED),
    Status.ENDED: (),
}
# A new entry in the register starts as an approach, an exploration, or an existing formalised link.
STARTING_STATUSES = (Status.APPROACH_RECEIVED, Status.EXPLORING, Status.ACTIVE)
# A link counts as established once it has been formalised; its start year cannot be in the future.
ESTABLISHED_STATUSES = (Status.ACTIVE, Status.UNDER_REVIEW, Status.DORMANT, Status.ENDED)


# ---- drift: the one place that decides whether a link is drifting ------------------------------------
#
# Kent's strategy reviews every partnership each year "to avoid drift"; the LGIB handbook's partnerships
# stall when nothing happens. A link is drifting when it is live (formalised/active, under review or
# dormant) and has had no annual review in the last 12 months, or, once it has activities in the log, no
# activity (other than a cancelled one) in the last 12 months. Every page says it in these words:
DRIFT_RULE = (
    "A live link is drifting when it has had no annual review in the last 12 months, "
    "or when its last activity was more than 12 months ago."
)

# Links in these states are expected to be reviewed every year; prospective and ended ones are not.
REVIEWED_STATUSES = (Status.ACTIVE, Status.UNDER_REVIEW, Status.DORMANT)
# A live link, as the drift rule and the dashboard's count of live links read it: the same statuses.
LIVE_STATUSES = REVIEWED_STATUSES


def twelve_months_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _flag(condition: Q) -> Case:
    """True where `condition` holds, else False (never NULL)."""
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


class PartnershipQuerySet(ArchivableQuerySet):
    def with_drift(self, today: date | None = None):
        """Annotate `last_reviewed_on`, `last_activity_on`, the two halves of the rule (`review_overdue`,
        `activity_lapsed`) and `drifting` on every link, in the same query."""
        # Activities and reviews come later in the app than links, and point at them: imported when needed.
        from partnerships.models.activities import Activity
        from partnerships.models.reviews import AnnualReview

        since = twelve_months_before(today or timezone.localdate())
        # Spelled out, not negated: a link never reviewed has a NULL last review, which NOT(>=) misses.
        not_reviewed_recently = Q(last_reviewed_on__isnull=True) | Q(last_reviewed_on__lt=since)
        # A link with no activity logged at all is judged on its reviews alone.
        no_recent_activity = Q(last_activity_on__isnull=False, last_activity_on__lt=since)
        last_activity = (
            Activity.objects.current()
            .filter(partnership=OuterRef("pk"))
            .exclude(state=Activity.State.CANCELLED)
            .order_by("-starts_on")
            .values("starts_on")[:1]
        )
        # Subqueries, not a join to the reviews: a join groups the rows, and every other per-link subquery
        # of the same query (the health table's year figures) would then run once per review, not per link.
        last_review = (
            AnnualReview.objects.filter(partnership=OuterRef("pk"))
            .order_by("-reviewed_on")
            .values("reviewed_on")[:1]
        )
        live = Q(status__in=REVIEWED_STATUSES)
        return self.annotate(
            last_reviewed_on=Subquery(last_review), last_activity_on=Subquery(last_activity)
        ).annotate(
            review_overdue=_flag(live & not_reviewed_recently),
            activity_lapsed=_flag(live & no_recent_activity),
            drifting=_flag(live & (not_reviewed_recently | no_recent_activity)),
        )

    def drifting(self, today: date | None = None):
        return self.with_drift(today).filter(drifting=True)


# ---- the records -------------------------------------------------------------------------------------

DUPLICATE_LINK = "This place already has a link of this kind that has not ended"


class Partnership(Archivable):
    """A link between the council and a partner place, with its life cycle."""

    class Kind(models.TextChoices):
        TWINNING = "twinning", "Formal twinning with a charter"
        FRIENDSHIP = "friendship", "Friendship agreement"
        MOU = "mou", "Memorandum of understanding"
        ECONOMIC_TWINNING = "economic_twinning", "Economic twinning"
        TECHNICAL = "technical", "Technical or project partnership"
        NETWORK = "network", "Network membership"
        DEVELOPMENT = "development", "Development cooperation"

    class Depth(models.TextChoices):
        """Kent's three groups of partners, by depth of commitment: top-level commitment, ties based on
        specific funding or projects, and places whose "potential of more active engagement" is being
        explored. The last is worded apart from the status "Exploring" (the life cycle's stage before a
        link is formalised): a formalised link may still be of potential engagement only. The stored
        codes are unchanged."""

        STRATEGIC = "strategic", "Strategic"
        PROJECT = "project", "Project or funding ties"
        EXPLORING = "exploring", "Potential engagement"

    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="partnerships")
    kind = models.CharField("kind of link", max_length=30, choices=Kind.choices)
    depth = models.CharField(
        "depth of commitment",
        max_length=20,
        choices=Depth.choices,
        blank=True,
        help_text="Kent's strategy groups partners as strategic, tied by projects or funding, or of "
        "potential engagement.",
    )
    began_year = models.PositiveSmallIntegerField(
        "year it began",
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2200)],
        help_text="Leave blank if not known.",
    )
    began_on = models.DateField(
        "date it began",
        null=True,
        blank=True,
        help_text="If the exact date is known.",
        validators=DATE_BOUNDS,
    )
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.APPROACH_RECEIVED)
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lead_councillor = models.CharField(max_length=150, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="partnerships")
    organisations = models.ManyToManyField(
        Organisation, through="PartnershipOrganisation", blank=True, related_name="partnerships"
    )
    summary = BoundedTextField(blank=True, help_text="What the link is about, in a sentence or two.")
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)

    objects = PartnershipQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["place__name", "kind"]
        constraints = [
            *texts_in_bounds("summary"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *dates_in_bounds("began_on"),
            # A place can have several links over time, but only one live link of each kind.
            models.UniqueConstraint(
                fields=["place", "kind"],
                condition=~Q(status="ended"),
                name="partnership_one_live_link_per_place_and_kind",
                violation_error_message=DUPLICATE_LINK,
            ),
        ]

    def __str__(self):
        return f"{self.place.name}: {self.get_kind_display().lower()}"

    def get_absolute_url(self):
        return reverse("partnerships:detail", args=[self.pk])

    def clean(self):
        errors = {}
        today = timezone.localdate()
        established = self.status in ESTABLISHED_STATUSES
        if established and self.began_year and self.began_year > today.year:
            errors["began_year"] = f"An established link cannot begin after this year ({today.year})"
        if established and self.began_on and self.began_on > today:
            errors["began_on"] = "An established link cannot begin in the future"
        if self.began_on and self.began_year and self.began_on.year != self.began_year:
            errors["began_on"] = "The date it began must fall in the year it began"
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        # Name the field beside which the duplicate-link message shows.
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            if "__all__" in getattr(error, "error_dict", {}) and any(
                message == DUPLICATE_LINK for message in error.messages
            ):
                raise ValidationError({"place": DUPLICATE_LINK}) from error
            raise

    @property
    def is_drifting(self) -> bool:
        """DRIFT_RULE, read from `PartnershipQuerySet.with_drift` (its annotation, or one query)."""
        annotated = getattr(self, "drifting", None)
        if annotated is not None:
            return annotated
        return type(self).objects.filter(pk=self.pk).with_drift().values_list("drifting", flat=True).get()

    @property
    def is_established(self) -> bool:
        return self.status in ESTABLISHED_STATUSES

    @property
    def status_meaning(self) -> str:
        """The status's tag meaning: active is good, dormant needs attention, ended is grey."""
        return STATUS_MEANINGS.get(self.status, "info")

    @property
    def can_change_status(self) -> bool:
        """Whether the life cycle lets the link move on at all (an ended link cannot)."""
        return bool(ALLOWED_MOVES[self.status])

    def can_move_to(self, status: str) -> bool:
        return status in ALLOWED_MOVES[self.status]

    def archive_blockers(self) -> list[str]:
        """Its current activities, gifts and funding would be left under a link no list shows."""
        counts = [
            (self.activities.current().count(), "activity", "activities"),
            (self.gifts.current().count(), "gift or hospitality", "gifts or hospitality"),
            (self.funding.current().count(), "bid or grant", "bids or grants"),
        ]
        return [count_phrase(*count) for count in counts if count[0]]

    def allowed_moves(self) -> list[tuple[str, str]]:
        """(value, label) of the statuses the link may move to now, for a form's choices."""
        return [(value, Status(value).label) for value in ALLOWED_MOVES[self.status]]


class PartnershipOrganisation(models.Model):
    """A local organisation's part in a link, e.g. CLETA supports school exchanges with Strasbourg."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="organisation_roles")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="partnership_roles")
    role = models.CharField(max_length=250, blank=True, help_text="What the organisation does for this link.")
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                name="partnership_organisation_once",
                violation_error_message="This organisation is already involved in this link",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.partnership}"


class StatusChange(models.Model):
    """One move along the life cycle: when, who and why. Written only by partnership_change_status."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="status_changes")
    from_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=Status.choices)
    changed_on = models.DateField(validators=DATE_BOUNDS)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = BoundedTextField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["changed_on", "recorded_at"]
        constraints = [
            *texts_in_bounds("reason"),
            *dates_in_bounds("changed_on"),
        ]

    def __str__(self):
        return (
            f"{self.partnership}: {self.get_from_status_display() or 'new'} → {self.get_to_status_display()}"
        )


def agreement_path(instance, filename):
    return f"agreements/{timezone.now():%Y}/{stored_name(instance.document.file, filename)}"


class Agreement(models.Model):
    """A charter, friendship agreement or memorandum of understanding formalising a link."""

    class Kind(models.TextChoices):
        CHARTER = "charter", "Twinning charter"
        FRIENDSHIP = "friendship", "Friendship agreement"
        MOU = "mou", "Memorandum of understanding"

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="agreements")
    kind = models.CharField("kind of agreement", max_length=20, choices=Kind.choices)
    signed_on = models.DateField("date signed", validators=DATE_BOUNDS)
    signatories = BoundedTextField(help_text="Who signed, one per line, with their role.")
    ends_on = models.DateField(
        "end date",
        null=True,
        blank=True,
        help_text="Only for a time-limited agreement.",
        validators=DATE_BOUNDS,
    )
    objectives = BoundedTextField(blank=True)
    document = models.FileField(
        "signed document",
        upload_to=agreement_path,
        blank=True,
        validators=[validate_agreement_document],
        help_text="PDF, Word document or a scan as PNG or JPEG.",
    )
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_on"]
        constraints = [
            *texts_in_bounds("signatories", "objectives"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *dates_in_bounds("signed_on", "ends_on"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gt=models.F("signed_on")),
                name="agreement_ends_after_signing",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.partnership}, signed {self.signed_on:%-d %B %Y}"

    def clean(self):
        errors = {}
        if self.signed_on and self.signed_on > timezone.localdate():
            errors["signed_on"] = "The date signed cannot be in the future"
        if self.ends_on and self.signed_on and self.ends_on <= self.signed_on:
            errors["ends_on"] = "The end date must be after the date signed"
        if self.ends_on and self.kind == self.Kind.CHARTER:
            # The handbook: "Town twinning links are accompanied by formal charters that have no end date".
            errors["ends_on"] = "A twinning charter has no end date: choose a friendship agreement or MoU"
        if errors:
            raise ValidationError(errors)

    def lapse_state(self, today: date | None = None) -> str:
        """'lapsed', 'lapsing' (within the warning period) or '' for an agreement with no end in sight."""
        if not self.ends_on:
            return ""
        today = today or timezone.localdate()
        if self.ends_on < today:
            return "lapsed"
        if (self.ends_on - today).days <= AGREEMENT_LAPSE_WARNING_DAYS:
            return "lapsing"
        return ""
