"""The council's conduct rules for spending on international links, as settings the Administrator edits.

The LGIB handbook asks each council to set a travel-class policy, hotel and subsistence limits (its
example: a £30 meal) and the values above which a gift is registered or handed to the council. The
rules in force on a date are those of the latest policy in force on or before it.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from intlinks.archive import CURRENT, Archivable, ArchivableQuerySet
from intlinks.bounds import DATE_BOUNDS, SOURCE_MAX_LENGTH, BoundedTextField, dates_in_bounds, texts_in_bounds
from intlinks.money import MONEY, MONEY_BOUNDS, amounts_in_bounds, format_money
from strategy.models import SOURCE_HELP


class Region(models.TextChoices):
    """Regions for the nightly hotel cap."""

    UK = "uk", "United Kingdom"
    EUROPE = "europe", "Europe"
    ASIA = "asia", "Asia"
    AFRICA = "africa", "Africa"
    AMERICAS = "americas", "Americas"
    OCEANIA = "oceania", "Oceania"
    MIDDLE_EAST = "middle_east", "Middle East"


def policy_in_force(policies: Iterable["ConductPolicy"], day: date) -> "ConductPolicy | None":
    """The policy in force on `day` among `policies`: the latest one in force on or before it, or None.

    The one rule: the queryset method below narrows the candidates in SQL and then asks it, and a
    list page loads every policy once and asks it for each row.
    """
    candidates = [policy for policy in policies if policy.in_force_from <= day]
    return max(candidates, key=lambda policy: policy.in_force_from, default=None)


PREMIUM_ECONOMY_MESSAGE = (
    "Premium economy must be allowed on journeys at least as short as business class: enter hours no "
    "more than the business class hours"
)


class ConductPolicyQuerySet(ArchivableQuerySet):
    def in_force_on(self, day: date) -> "ConductPolicy | None":
        """The policy in force on `day` (see `policy_in_force`), in one query."""
        # An archived policy (one recorded by mistake) no longer applies to anything.
        return policy_in_force(
            self.filter(CURRENT, in_force_from__lte=day).order_by("-in_force_from")[:1], day
        )


class ConductPolicy(Archivable):
    """One version of the council's rules for travel, hotels, subsistence and gifts."""

    in_force_from = models.DateField(unique=True, validators=DATE_BOUNDS)
    business_class_min_hours = models.DecimalField(
        "business class allowed above (hours' journey)",
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Business class is allowed only for a journey longer than this",
    )
    # Premium economy is a smaller step up from economy than business class, so a council may allow it on
    # shorter journeys; never on journeys shorter than business class would need (`clean`, constraint).
    premium_economy_min_hours = models.DecimalField(
        "premium economy allowed above (hours' journey)",
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Premium economy is allowed only for a journey longer than this; at most the business "
        "class hours",
    )
    subsistence_per_meal = models.DecimalField(
        "subsistence cap per meal (£)", **MONEY, validators=MONEY_BOUNDS
    )
    subsistence_per_day = models.DecimalField("subsistence cap per day (£)", **MONEY, validators=MONEY_BOUNDS)
    gift_registration_threshold = models.DecimalField(
        "register gifts worth more than (£)", **MONEY, validators=MONEY_BOUNDS
    )
    gift_handover_threshold = models.DecimalField(
        "hand to the council gifts worth more than (£)", **MONEY, validators=MONEY_BOUNDS
    )
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)

    objects = ConductPolicyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-in_force_from"]
        verbose_name_plural = "conduct policies"
        constraints = [
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *dates_in_bounds("in_force_from"),
            *amounts_in_bounds(
                "subsistence_per_meal",
                "subsistence_per_day",
                "gift_registration_threshold",
                "gift_handover_threshold",
            ),
            models.CheckConstraint(
                condition=Q(
                    business_class_min_hours__gte=0,
                    premium_economy_min_hours__gte=0,
                    subsistence_per_meal__gte=0,
                    subsistence_per_day__gte=0,
                    gift_registration_threshold__gte=0,
                    gift_handover_threshold__gte=0,
                ),
                name="conduct_policy_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(premium_economy_min_hours__lte=F("business_class_min_hours")),
                name="conduct_policy_premium_economy_not_above_business",
                violation_error_message=PREMIUM_ECONOMY_MESSAGE,
            ),
        ]

    def __str__(self):
        return f"Conduct policy in force from {self.in_force_from:%-d %B %Y}"

    def clean(self):
        business, premium = self.business_class_min_hours, self.premium_economy_min_hours
        if business is not None and premium is not None and premium > business:
            raise ValidationError({"premium_economy_min_hours": PREMIUM_ECONOMY_MESSAGE})

    def archive_blockers(self) -> list[str]:
        """The council must always have rules in force: the last current policy stays."""
        others = type(self).objects.current().exclude(pk=self.pk)
        if not others.exists():
            return ["no other conduct policy: the last one in force cannot be removed"]
        return []

    def hotel_cap_for(self, region: str) -> Decimal | None:
        """The nightly cap for a region (from prefetched or fresh caps), or None if there is none."""
        for cap in self.hotel_caps.all():
            if cap.region == region:
                return cap.nightly_cap
        return None


class HotelCap(models.Model):
    policy = models.ForeignKey(ConductPolicy, on_delete=models.PROTECT, related_name="hotel_caps")
    region = models.CharField(max_length=20, choices=Region.choices)
    nightly_cap = models.DecimalField("cap per night (£)", **MONEY, validators=MONEY_BOUNDS)
    history = HistoricalRecords()

    class Meta:
        ordering = ["policy", "region"]
        constraints = [
            *amounts_in_bounds("nightly_cap"),
            models.UniqueConstraint(fields=["policy", "region"], name="hotel_cap_one_per_region"),
            models.CheckConstraint(condition=Q(nightly_cap__gte=0), name="hotel_cap_not_negative"),
        ]

    def __str__(self):
        return f"{self.get_region_display()}: {format_money(self.nightly_cap)} a night"
