"""The register of gifts and hospitality, as the model code of conduct asks councils to keep it."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils import timezone
from simple_history.models import HistoricalRecords

from intlinks.archive import CURRENT, Archivable
from intlinks.bounds import DATE_BOUNDS, SOURCE_MAX_LENGTH, BoundedTextField, dates_in_bounds, texts_in_bounds
from intlinks.money import MONEY, MONEY_BOUNDS, amounts_in_bounds
from partnerships.models.activities import Activity
from partnerships.models.approvals import (
    FLAGGED,
    UNRESOLVED,
    BreachApproval,
    BreachQuerySet,
    second_person_constraints,
)
from partnerships.models.links import Partnership
from strategy.models import SOURCE_HELP

# The model code of conduct asks for a gift or hospitality to be registered within 28 days.
REGISTRATION_DAYS = 28


class Gift(Archivable, BreachApproval):
    class Direction(models.TextChoices):
        GIVEN = "given", "Given by the council"
        RECEIVED = "received", "Received"
        REFUSED = "refused", "Offered and refused"

    class Kind(models.TextChoices):
        GIFT = "gift", "Gift"
        HOSPITALITY = "hospitality", "Hospitality"

    class CounterpartyKind(models.TextChoices):
        PUBLIC = "public", "Public body"
        PRIVATE = "private", "Private company"
        PERSON = "person", "Individual"

    direction = models.CharField(max_length=10, choices=Direction.choices)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.GIFT)
    # The councillor or officer, named as the published register names them. A name, not a user: many
    # councillors never sign in, and the register must outlive anyone's account.
    person = models.CharField(
        "councillor or officer",
        max_length=200,
        blank=True,
        help_text="Who received or gave it, as the published register names them, like Cllr Jane Smith",
    )
    counterparty = models.CharField("from or to whom", max_length=200)
    counterparty_kind = models.CharField("who they are", max_length=10, choices=CounterpartyKind.choices)
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, null=True, blank=True, related_name="gifts"
    )
    activity = models.ForeignKey(
        # PROTECT: a gift's link to an activity is never silently nulled by a deletion.
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gifts",
    )
    description = models.CharField(max_length=300)
    value = models.DecimalField("estimated value (£)", **MONEY, validators=MONEY_BOUNDS)
    given_on = models.DateField("date given, received or offered", validators=DATE_BOUNDS)
    registered_on = models.DateField("date registered", default=timezone.localdate, validators=DATE_BOUNDS)
    declared = models.BooleanField("declared by the recipient", default=False)
    handed_to_council = models.BooleanField(default=False)
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)

    objects = BreachQuerySet.as_manager()
    history = HistoricalRecords()

    AMOUNT_FIELDS = ("value",)

    class Meta:
        ordering = ["-given_on", "-pk"]
        # The register reads a page in its order; each gift's 12-month total from its source looks up
        # the received gifts of that source (compared without case) by date; "needs attention" and
        # each activity's count read the unresolved breaches only.
        indexes = [
            models.Index(F("given_on").desc(), F("id").desc(), name="gift_newest_first", condition=CURRENT),
            models.Index(
                Upper("counterparty"),
                "given_on",
                name="gift_received_by_source",
                condition=CURRENT & Q(direction="received"),
            ),
            models.Index("given_on", "id", name="gift_unresolved_by_date", condition=UNRESOLVED),
            models.Index("activity", name="gift_unresolved_by_activity", condition=UNRESOLVED),
            models.Index("approved_on", "id", name="gift_breach_by_approval", condition=FLAGGED),
        ]
        constraints = [
            *texts_in_bounds("breach", "justification"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *dates_in_bounds("given_on", "registered_on", "approved_on"),
            *amounts_in_bounds("value"),
            models.CheckConstraint(condition=Q(value__gte=0), name="gift_value_not_negative"),
            models.CheckConstraint(
                condition=Q(registered_on__gte=F("given_on")), name="gift_registered_after_given"
            ),
            *second_person_constraints("gift"),
        ]

    def __str__(self):
        return f"{self.description} ({self.get_direction_display().lower()})"

    @property
    def registered_late(self) -> bool:
        return (self.registered_on - self.given_on) > timedelta(days=REGISTRATION_DAYS)

    def clean(self):
        self.person = " ".join(self.person.split())
        errors = {}
        if self.value is not None and self.value < 0:
            errors["value"] = "The value cannot be negative"
        if self.given_on and self.registered_on and self.registered_on < self.given_on:
            errors["registered_on"] = "A gift cannot be registered before the date it was given"
        if self.given_on and self.given_on > timezone.localdate():
            errors["given_on"] = "The date cannot be in the future"
        if self.activity_id and self.partnership_id and self.activity.partnership_id != self.partnership_id:
            errors["activity"] = "Choose an activity of the same partnership"
        if errors:
            raise ValidationError(errors)
        self.clean_approval()
