"""The register's reference records: themes, partner places, local organisations and contacts."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from intlinks.archive import Archivable, ArchivableQuerySet, count_phrase
from intlinks.bounds import SOURCE_MAX_LENGTH, BoundedTextField, texts_in_bounds
from strategy.models import SOURCE_HELP


class Theme(models.Model):
    """A theme a link serves (economy and trade, culture, ...): a list officers manage in the admin."""

    name = models.CharField(max_length=100, unique=True)
    description = BoundedTextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            *texts_in_bounds("description"),
        ]

    def __str__(self):
        return self.name


class Place(Archivable):
    """A city, county, province or region abroad. It may have several links over time."""

    class Kind(models.TextChoices):
        CITY = "city", "City"
        COUNTY = "county", "County"
        PROVINCE = "province", "Province"
        REGION = "region", "Region"

    name = models.CharField(max_length=150)
    country = CountryField()
    kind = models.CharField("kind of place", max_length=20, choices=Kind.choices, default=Kind.CITY)
    population = models.PositiveBigIntegerField(null=True, blank=True, help_text="Leave blank if not known.")
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Decimal degrees, north positive, for example 48.57340",
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Decimal degrees, east positive, for example 7.75210",
    )
    notes = BoundedTextField(blank=True)
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)

    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            *texts_in_bounds("notes"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            models.UniqueConstraint(fields=["name", "country"], name="place_unique_name_in_country"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="place_coordinates_both_or_neither",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.country.name})"

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: "Enter both latitude and longitude, or neither"})

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def archive_blockers(self) -> list[str]:
        links = self.partnerships.current().count()
        return [count_phrase(links, "link", "links")] if links else []


class Organisation(Archivable):
    """A local organisation involved in links: a twinning association, school, university, business..."""

    class Kind(models.TextChoices):
        TWINNING_ASSOCIATION = "twinning_association", "Twinning association"
        SCHOOL = "school", "School or college"
        UNIVERSITY = "university", "University"
        BUSINESS = "business", "Business"
        PUBLIC_BODY = "public_body", "Public body"
        VOLUNTARY = "voluntary", "Voluntary or community organisation"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=30, blank=True, help_text="For example CLETA")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    website = models.URLField(blank=True)
    notes = BoundedTextField(blank=True)
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)

    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            *texts_in_bounds("notes"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
        ]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class Contact(models.Model):
    """A person at a local organisation or at the partner place. Personal data is kept to a minimum."""

    name = models.CharField(max_length=150)
    role = models.CharField("job title or role", max_length=150, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        help_text="For a contact at the partner place.",
    )
    purpose = BoundedTextField(
        "purpose of holding these details",
        help_text="Why the council keeps this person's details, e.g. “arranging school exchanges”.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            *texts_in_bounds("purpose"),
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, partnership__isnull=True)
                | Q(organisation__isnull=True, partnership__isnull=False),
                name="contact_at_an_organisation_or_a_partner_place",
            ),
            models.CheckConstraint(condition=~Q(purpose=""), name="contact_purpose_recorded"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if bool(self.organisation_id) == bool(self.partnership_id):
            raise ValidationError(
                {"organisation": "Choose a local organisation or a link for the partner place, not both"}
            )
