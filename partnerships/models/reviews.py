"""How a link is judged: annual reviews, appraisals of prospective links, and its logical framework."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from intlinks.bounds import DATE_BOUNDS, BoundedTextField, dates_in_bounds, texts_in_bounds
from intlinks.money import MONEY, MONEY_BOUNDS, amounts_in_bounds
from partnerships.models.links import Partnership, Status


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

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField("date of the review", validators=DATE_BOUNDS)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    supports_objectives = models.BooleanField("still supports the council's objectives")
    outcomes = BoundedTextField("outcomes achieved")
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices)
    decision = models.CharField(max_length=20, choices=Decision.choices)
    next_review_due = models.DateField(validators=DATE_BOUNDS)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on"]
        constraints = [
            *texts_in_bounds("outcomes"),
            *dates_in_bounds("reviewed_on", "next_review_due"),
            models.CheckConstraint(
                condition=Q(next_review_due__gt=models.F("reviewed_on")), name="review_next_due_after_review"
            ),
        ]

    FINAL_MESSAGE = "A recorded review is final: record a new review to correct it"

    # What each rating means, for the tag that shows it (see intlinks' `{% tag %}`).
    RAG_MEANINGS = {Rag.RED: "bad", Rag.AMBER: "warning", Rag.GREEN: "good"}

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

    @property
    def rag_meaning(self) -> str:
        return self.RAG_MEANINGS[self.rag]

    @property
    def is_finalised(self) -> bool:
        """A review is final once recorded: the admin shows it read-only and the service refuses edits."""
        return self.pk is not None


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

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="appraisals")
    appraised_on = models.DateField("date of the appraisal", validators=DATE_BOUNDS)
    appraiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    similar_characteristics_score = models.PositiveSmallIntegerField(CRITERIA[0][1], choices=Score.choices)
    similar_characteristics_evidence = BoundedTextField("evidence")
    similar_opportunities_score = models.PositiveSmallIntegerField(CRITERIA[1][1], choices=Score.choices)
    similar_opportunities_evidence = BoundedTextField("evidence")
    accessible_score = models.PositiveSmallIntegerField(CRITERIA[2][1], choices=Score.choices)
    accessible_evidence = BoundedTextField("evidence")
    local_relevance_score = models.PositiveSmallIntegerField(CRITERIA[3][1], choices=Score.choices)
    local_relevance_evidence = BoundedTextField("evidence")
    external_funding = models.PositiveSmallIntegerField(
        "strength of external funding", choices=Funding.choices
    )
    external_funding_evidence = BoundedTextField("funding evidence", blank=True)
    estimated_yearly_cost = models.DecimalField(
        "estimated yearly cost (£)",
        **MONEY,
        validators=MONEY_BOUNDS,
        help_text="For example £4,000 for a four-person, four-night visit.",
    )
    cost_basis = BoundedTextField("how the cost was estimated", blank=True)
    recommendation = models.CharField(max_length=20, choices=Recommendation.choices)
    recommendation_reason = BoundedTextField("reason for the recommendation")
    accepted_on = models.DateField(null=True, blank=True, editable=False, validators=DATE_BOUNDS)
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
            *texts_in_bounds(
                "similar_characteristics_evidence",
                "similar_opportunities_evidence",
                "accessible_evidence",
                "local_relevance_evidence",
                "external_funding_evidence",
                "cost_basis",
                "recommendation_reason",
            ),
            *dates_in_bounds("appraised_on", "accepted_on"),
            *amounts_in_bounds("estimated_yearly_cost"),
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

    def acceptance_refusal(self) -> str:
        """Why the appraisal cannot be accepted now, or "" when it can: it must recommend formalising a
        link that is still being explored, and not have been accepted already."""
        if self.is_accepted:
            return "This appraisal has already been accepted"
        if self.recommendation != self.Recommendation.PROCEED:
            return "Only an appraisal that recommends formalising the link can be accepted"
        if self.partnership.status != Status.EXPLORING:
            current = self.partnership.get_status_display().lower()
            return f"Only a link being explored can be formalised; it is {current}"
        return ""

    @property
    def can_be_accepted(self) -> bool:
        """Whether accepting would formalise the link now; the page offers the button only then."""
        return not self.acceptance_refusal()


class LogframeRow(models.Model):
    """One row of a link's strategic plan as a logical framework (the handbook's example)."""

    class Level(models.TextChoices):
        GOAL = "goal", "Goal"
        PURPOSE = "purpose", "Purpose"
        OUTPUT = "output", "Output"
        ACTIVITY = "activity", "Activity"

    LEVEL_ORDER = {Level.GOAL: 1, Level.PURPOSE: 2, Level.OUTPUT: 3, Level.ACTIVITY: 4}

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="logframe_rows")
    level = models.CharField(max_length=20, choices=Level.choices)
    position = models.PositiveSmallIntegerField(default=1, help_text="Order within its level, 1 first.")
    summary = BoundedTextField("project summary")
    indicators = BoundedTextField("measurable indicators")
    verification = BoundedTextField("means of verification")
    assumptions = BoundedTextField("important assumptions", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "position", "pk"]
        constraints = [
            *texts_in_bounds("summary", "indicators", "verification", "assumptions"),
        ]

    def __str__(self):
        return f"{self.get_level_display()}: {self.summary[:60]}"
