"""The register of international links: partner places, links and their life cycle, agreements,
local organisations and contacts, annual reviews, appraisals of prospective links and logframes.

Words and categories follow the domain documents: the LGIB handbook "Take your partners" (life cycle,
charters and agreements, the logical framework) and Kent's draft International Strategy (depth of
commitment, the four criteria for a new link, annual review "to avoid drift").
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from partnerships.drift import PartnershipQuerySet
from partnerships.uploads import validate_agreement_document

# An agreement's page warns this many days before a time-limited agreement lapses.
AGREEMENT_LAPSE_WARNING_DAYS = 90

SOURCE_HELP = (
    "Where this fact comes from, e.g. a document and its paragraph. Say “Example” if it is invented."
)


class Theme(models.Model):
    """A theme a link serves (economy and trade, culture, ...): a list officers manage in the admin."""

    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Place(models.Model):
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
    notes = models.TextField(blank=True)
    source = models.TextField(blank=True, help_text=SOURCE_HELP)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
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


class Organisation(models.Model):
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
    notes = models.TextField(blank=True)
    source = models.TextField(blank=True, help_text=SOURCE_HELP)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class Status(models.TextChoices):
    """The life cycle of a link, after the LGIB handbook."""

    APPROACH_RECEIVED = "approach_received", "Approach received"
    EXPLORING = "exploring", "Exploring"
    ACTIVE = "active", "Formalised/active"
    UNDER_REVIEW = "under_review", "Under review"
    DORMANT = "dormant", "Dormant"
    ENDED = "ended", "Ended"


# A link counts as established once it has been formalised; its start year cannot be in the future.
ESTABLISHED_STATUSES = (Status.ACTIVE, Status.UNDER_REVIEW, Status.DORMANT, Status.ENDED)


class Partnership(models.Model):
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
        """Kent's three groups of partners, by depth of commitment."""

        STRATEGIC = "strategic", "Strategic"
        PROJECT = "project", "Project-based"
        EXPLORING = "exploring", "Exploring"

    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="partnerships")
    kind = models.CharField("kind of link", max_length=30, choices=Kind.choices)
    depth = models.CharField(
        "depth of commitment",
        max_length=20,
        choices=Depth.choices,
        blank=True,
        help_text="Kent's strategy groups partners as strategic, project-based or exploring.",
    )
    began_year = models.PositiveSmallIntegerField(
        "year it began",
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2200)],
        help_text="Leave blank if not known.",
    )
    began_on = models.DateField(
        "date it began", null=True, blank=True, help_text="If the exact date is known."
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
    summary = models.TextField(blank=True, help_text="What the link is about, in a sentence or two.")
    source = models.TextField(blank=True, help_text=SOURCE_HELP)

    objects = PartnershipQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["place__name", "kind"]
        constraints = [
            # A place can have several links over time, but only one live link of each kind.
            models.UniqueConstraint(
                fields=["place", "kind"],
                condition=~Q(status="ended"),
                name="partnership_one_live_link_per_place_and_kind",
                violation_error_message="This place already has a link of this kind that has not ended",
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
                "already has a link" in message for message in error.messages
            ):
                raise ValidationError(
                    {"place": "This place already has a link of this kind that has not ended"}
                ) from error
            raise

    @property
    def is_drifting(self) -> bool:
        """True when the link has had no annual review in the last 12 months (see partnerships.drift)."""
        annotated = getattr(self, "drifting", None)
        if annotated is not None:
            return annotated
        return type(self).objects.filter(pk=self.pk).with_drift().values_list("drifting", flat=True).get()

    @property
    def is_established(self) -> bool:
        return self.status in ESTABLISHED_STATUSES


class PartnershipOrganisation(models.Model):
    """A local organisation's part in a link, e.g. CLETA supports school exchanges with Strasbourg."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="organisation_roles")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="partnership_roles")
    role = models.CharField(max_length=250, blank=True, help_text="What the organisation does for this link.")
    source = models.TextField(blank=True, help_text=SOURCE_HELP)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                name="partnership_organisation_once",
                violation_error_message="This organisation is already involved in this link",
            )
        ]

    def __str__(self):
        return f"{self.organisation} in {self.partnership}"


class StatusChange(models.Model):
    """One move along the life cycle: when, who and why. Written only by partnership_change_status."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=Status.choices)
    changed_on = models.DateField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["changed_on", "recorded_at"]

    def __str__(self):
        return (
            f"{self.partnership}: {self.get_from_status_display() or 'new'} → {self.get_to_status_display()}"
        )


class Agreement(models.Model):
    """A charter, friendship agreement or memorandum of understanding formalising a link."""

    class Kind(models.TextChoices):
        CHARTER = "charter", "Twinning charter"
        FRIENDSHIP = "friendship", "Friendship agreement"
        MOU = "mou", "Memorandum of understanding"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="agreements")
    kind = models.CharField("kind of agreement", max_length=20, choices=Kind.choices)
    signed_on = models.DateField()
    signatories = models.TextField(help_text="Who signed, one per line, with their role.")
    ends_on = models.DateField(null=True, blank=True, help_text="Only for a time-limited agreement.")
    objectives = models.TextField(blank=True)
    document = models.FileField(
        "signed document",
        upload_to="agreements/%Y/",
        blank=True,
        validators=[validate_agreement_document],
        help_text="PDF, Word document or a scan as PNG or JPEG.",
    )
    source = models.TextField(blank=True, help_text=SOURCE_HELP)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_on"]
        constraints = [
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


class Contact(models.Model):
    """A person at a local organisation or at the partner place. Personal data is kept to a minimum."""

    name = models.CharField(max_length=150)
    role = models.CharField("job title or role", max_length=150, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="contacts"
    )
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
        help_text="For a contact at the partner place.",
    )
    purpose = models.TextField(
        "purpose of holding these details",
        help_text="Why the council keeps this person's details, e.g. “arranging school exchanges”.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
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


class AnnualReview(models.Model):
    """The yearly review of a link that keeps it from drifting (Kent's strategy)."""

    class Rag(models.TextChoices):
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"

    class Decision(models.TextChoices):
        CONTINUE = "continue", "Continue"
        REENERGISE = "reenergise", "Re-energise"
        CHANGE_FOCUS = "change_focus", "Change focus"
        END = "end", "End"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField("date of the review")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    supports_objectives = models.BooleanField("still supports the council's objectives")
    outcomes = models.TextField("outcomes achieved")
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices)
    decision = models.CharField(max_length=20, choices=Decision.choices)
    next_review_due = models.DateField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_review_due__gt=models.F("reviewed_on")), name="review_next_due_after_review"
            ),
        ]

    def __str__(self):
        return f"Review of {self.partnership} on {self.reviewed_on:%-d %B %Y}"

    def clean(self):
        errors = {}
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            errors["reviewed_on"] = "The date of the review cannot be in the future"
        if self.reviewed_on and self.next_review_due and self.next_review_due <= self.reviewed_on:
            errors["next_review_due"] = "The next review must be due after the date of this review"
        if errors:
            raise ValidationError(errors)


class Appraisal(models.Model):
    """An appraisal of a prospective link against Kent's four criteria for new partners."""

    class Score(models.IntegerChoices):
        NOT_MET = 0, "0 – not met"
        WEAKLY = 1, "1 – weakly met"
        PARTLY = 2, "2 – partly met"
        FULLY = 3, "3 – fully met"

    class Funding(models.IntegerChoices):
        NONE = 0, "None identified"
        WEAK = 1, "Weak"
        MODERATE = 2, "Moderate"
        STRONG = 3, "Strong"

    class Recommendation(models.TextChoices):
        PROCEED = "proceed", "Formalise the link"
        EXPLORE_FURTHER = "explore_further", "Explore further"
        DECLINE = "decline", "Do not pursue"

    # Kent's criteria, in the strategy's own words; the key prefixes each score and evidence field.
    CRITERIA = (
        ("similar_characteristics", "Share broadly similar social and economic characteristics"),
        ("similar_opportunities", "Provide similar opportunities, priorities and challenges"),
        ("accessible", "Be reasonably accessible at reasonable cost"),
        ("local_relevance", "Provide linkages of relevance to local communities on both sides"),
    )
    # A prospective link meets the criteria when every one is at least partly met.
    PASS_MARK = Score.PARTLY

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="appraisals")
    appraised_on = models.DateField("date of the appraisal")
    appraiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    similar_characteristics_score = models.PositiveSmallIntegerField(CRITERIA[0][1], choices=Score.choices)
    similar_characteristics_evidence = models.TextField("evidence")
    similar_opportunities_score = models.PositiveSmallIntegerField(CRITERIA[1][1], choices=Score.choices)
    similar_opportunities_evidence = models.TextField("evidence")
    accessible_score = models.PositiveSmallIntegerField(CRITERIA[2][1], choices=Score.choices)
    accessible_evidence = models.TextField("evidence")
    local_relevance_score = models.PositiveSmallIntegerField(CRITERIA[3][1], choices=Score.choices)
    local_relevance_evidence = models.TextField("evidence")
    external_funding = models.PositiveSmallIntegerField(
        "strength of external funding", choices=Funding.choices
    )
    external_funding_evidence = models.TextField("funding evidence", blank=True)
    estimated_yearly_cost = models.DecimalField(
        "estimated yearly cost (£)",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text="For example £4,000 for a four-person, four-night visit.",
    )
    cost_basis = models.TextField("how the cost was estimated", blank=True)
    recommendation = models.CharField(max_length=20, choices=Recommendation.choices)
    recommendation_reason = models.TextField("reason for the recommendation")
    accepted_on = models.DateField(null=True, blank=True, editable=False)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-appraised_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(estimated_yearly_cost__gte=0), name="appraisal_cost_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(
                    similar_characteristics_score__lte=3,
                    similar_opportunities_score__lte=3,
                    accessible_score__lte=3,
                    local_relevance_score__lte=3,
                    external_funding__lte=3,
                ),
                name="appraisal_scores_in_range",
            ),
        ]

    def __str__(self):
        return f"Appraisal of {self.partnership} on {self.appraised_on:%-d %B %Y}"

    def clean(self):
        if self.appraised_on and self.appraised_on > timezone.localdate():
            raise ValidationError({"appraised_on": "The date of the appraisal cannot be in the future"})

    def criterion_scores(self) -> list[tuple[str, int, str]]:
        """(criterion, score, evidence) for each of the four criteria, in the strategy's order."""
        return [
            (label, getattr(self, f"{key}_score"), getattr(self, f"{key}_evidence"))
            for key, label in self.CRITERIA
        ]

    @property
    def criteria_score(self) -> int:
        """The four criteria's scores added up, out of 12."""
        return sum(score for _, score, _ in self.criterion_scores())

    @property
    def meets_criteria(self) -> bool:
        return all(score >= self.PASS_MARK for _, score, _ in self.criterion_scores())

    @property
    def is_accepted(self) -> bool:
        return self.accepted_on is not None


class LogframeRow(models.Model):
    """One row of a link's strategic plan as a logical framework (the handbook's example)."""

    class Level(models.TextChoices):
        GOAL = "goal", "Goal"
        PURPOSE = "purpose", "Purpose"
        OUTPUT = "output", "Output"
        ACTIVITY = "activity", "Activity"

    LEVEL_ORDER = {Level.GOAL: 1, Level.PURPOSE: 2, Level.OUTPUT: 3, Level.ACTIVITY: 4}

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="logframe_rows")
    level = models.CharField(max_length=20, choices=Level.choices)
    position = models.PositiveSmallIntegerField(default=1, help_text="Order within its level, 1 first.")
    summary = models.TextField("project summary")
    indicators = models.TextField("measurable indicators")
    verification = models.TextField("means of verification")
    assumptions = models.TextField("important assumptions", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "position", "pk"]

    def __str__(self):
        return f"{self.get_level_display()}: {self.summary[:60]}"
