"""A Cabinet report and its front matter, as the two councils' reports set it out (Leicester 2002,
Derby 2015 in the domain documents): what the clerk or officer edits before the body is generated.

A report is one of three kinds, each naming what it is about (the database keeps each kind complete):
the annual evaluation of a financial year, the full evaluation of a strategy over its period, and the
annual review of one partnership for a financial year. The rows (decision timetable, recommendations,
other implications, consultations, exempt paragraphs) are kept in the order the document prints them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from intlinks.bounds import DATE_BOUNDS, BoundedTextField, dates_in_bounds, texts_in_bounds
from strategy.fields import FinancialYearField, financial_years_in_bounds
from strategy.financial_years import FinancialYear

# Spelled out for the database's CHECKs (a class body's names are not visible inside its Meta).
REPORT_KINDS = ["annual", "strategy", "partnership"]
LAYOUTS = ["leicester", "derby"]
DECISION_TYPES = ["executive", "council"]

# The "other implications" table of both councils' reports, in the order they print it.
IMPLICATION_SUBJECTS = [
    ("equal_opportunities", "Equal opportunities"),
    ("policy", "Policy"),
    ("sustainable_environmental", "Sustainable and environmental"),
    ("crime_disorder", "Crime and disorder"),
    ("human_rights", "Human rights"),
    ("elderly_low_income", "Elderly and people on low income"),
]

# Local Government Act 1972, Schedule 12A, Part 1 (England): the descriptions of exempt information.
SCHEDULE_12A_PARAGRAPHS = [
    (1, "1. Information relating to any individual"),
    (2, "2. Information which is likely to reveal the identity of an individual"),
    (
        3,
        "3. Information relating to the financial or business affairs of any particular person "
        "(including the authority holding that information)",
    ),
    (
        4,
        "4. Information relating to any consultations or negotiations, or contemplated consultations "
        "or negotiations, in connection with any labour relations matter arising between the authority "
        "or a Minister of the Crown and employees of, or office holders under, the authority",
    ),
    (
        5,
        "5. Information in respect of which a claim to legal professional privilege could be "
        "maintained in legal proceedings",
    ),
    (
        6,
        "6. Information which reveals that the authority proposes (a) to give under any enactment a "
        "notice under or by virtue of which requirements are imposed on a person; or (b) to make an "
        "order or direction under any enactment",
    ),
    (
        7,
        "7. Information relating to any action taken or to be taken in connection with the "
        "prevention, investigation or prosecution of crime",
    ),
]


def default_layout() -> str:
    """The council's own layout, from the CABINET_REPORT_LAYOUT setting."""
    return settings.CABINET_REPORT_LAYOUT


def default_council() -> str:
    return settings.COUNCIL_NAME


class CabinetReport(models.Model):
    class Kind(models.TextChoices):
        ANNUAL = "annual", "Annual evaluation of a financial year"
        STRATEGY = "strategy", "Full evaluation of a strategy over its period"
        PARTNERSHIP = "partnership", "Annual review of one partnership"

    class Layout(models.TextChoices):
        LEICESTER = "leicester", "Leicester (2002)"
        DERBY = "derby", "Derby (2015)"

    class DecisionType(models.TextChoices):
        EXECUTIVE = "executive", "Executive decision"
        COUNCIL = "council", "Council decision"

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        FINAL = "final", "Final"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    financial_year = FinancialYearField(
        null=True, blank=True, help_text="For an annual evaluation or a partnership's annual review"
    )
    strategy = models.ForeignKey(
        "strategy.Strategy", on_delete=models.PROTECT, null=True, blank=True, related_name="cabinet_reports"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cabinet_reports",
    )
    layout = models.CharField(max_length=12, choices=Layout.choices, default=default_layout)

    # Front matter: what the clerk edits.
    council = models.CharField(max_length=200, default=default_council)
    title = models.CharField(max_length=250)
    wards_affected = models.CharField(max_length=200, default="All wards")
    report_of = models.CharField(
        max_length=200, blank=True, help_text="Post and department, for example Director of Corporate Policy"
    )
    purpose = BoundedTextField("purpose of the report", blank=True)
    summary = BoundedTextField(blank=True)
    reasons = BoundedTextField("reasons for the recommendations", blank=True)
    other_options = BoundedTextField("other options considered", blank=True)
    financial_implications = BoundedTextField(blank=True)
    legal_implications = BoundedTextField(blank=True)
    background_papers = BoundedTextField(blank=True)
    author_name = models.CharField("report author", max_length=200, blank=True)
    author_post = models.CharField("author's post", max_length=200, blank=True)
    author_telephone = models.CharField("author's telephone", max_length=40, blank=True)
    key_decision = models.BooleanField(default=False)
    key_decision_reason = BoundedTextField("reason it is or is not a key decision", blank=True)
    in_forward_plan = models.BooleanField("in the forward plan", default=False)
    decision_type = models.CharField(
        max_length=12, choices=DecisionType.choices, default=DecisionType.EXECUTIVE
    )

    state = models.CharField(max_length=8, choices=State.choices, default=State.DRAFT, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            *texts_in_bounds(
                "purpose",
                "summary",
                "reasons",
                "other_options",
                "financial_implications",
                "legal_implications",
                "background_papers",
                "key_decision_reason",
            ),
            *financial_years_in_bounds("financial_year"),
            models.CheckConstraint(condition=Q(kind__in=REPORT_KINDS), name="cabinetreport_kind_known"),
            models.CheckConstraint(condition=Q(layout__in=LAYOUTS), name="cabinetreport_layout_known"),
            models.CheckConstraint(
                condition=Q(decision_type__in=DECISION_TYPES), name="cabinetreport_decision_type_known"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "final"]), name="cabinetreport_state_known"
            ),
            models.CheckConstraint(
                condition=~Q(kind="annual") | Q(financial_year__isnull=False, partnership__isnull=True),
                name="cabinetreport_annual_has_year",
                violation_error_message="An annual evaluation is of one financial year",
            ),
            models.CheckConstraint(
                condition=~Q(kind="strategy")
                | Q(strategy__isnull=False, financial_year__isnull=True, partnership__isnull=True),
                name="cabinetreport_strategy_has_strategy",
                violation_error_message="A strategy evaluation names the strategy, over its whole period",
            ),
            models.CheckConstraint(
                condition=~Q(kind="partnership") | Q(partnership__isnull=False, financial_year__isnull=False),
                name="cabinetreport_partnership_has_link_and_year",
                violation_error_message="A partnership's annual review names the link and the financial year",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="cabinetreport_has_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reporting:report", args=[self.pk])

    @property
    def year_label(self) -> str:
        return FinancialYear(self.financial_year).label if self.financial_year else ""

    @property
    def is_locked(self) -> bool:
        """A final report's front matter is what Cabinet received: it is no longer edited."""
        return self.state == self.State.FINAL

    # The contract's lists (reporting.cabinet reads these): rows in the order the document prints them,
    # from a prefetch when the selector made one.
    @property
    def decision_timetable(self) -> list["ReportMeeting"]:
        return list(self.meetings.all())

    @property
    def meeting_date(self):
        """The first meeting of the decision timetable that has a date, for the footer."""
        return next((row.meets_on for row in self.decision_timetable if row.meets_on), None)

    @property
    def recommendations(self) -> list["Recommendation"]:
        return list(self.recommendation_rows.all())

    @property
    def implications(self) -> list["ReportImplication"]:
        return list(self.implication_rows.all())

    @property
    def consultations(self) -> list["Consultation"]:
        return list(self.consultation_rows.all())

    @property
    def exempt_keys(self) -> set[str]:
        return {row.paragraph_key for row in self.exempt_paragraphs.all()}


class ReportRow(models.Model):
    """A row of a report's front matter, in the order it is printed."""

    report = models.ForeignKey(CabinetReport, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["report", "position", "pk"]


class ReportMeeting(ReportRow):
    report = models.ForeignKey(CabinetReport, on_delete=models.CASCADE, related_name="meetings")
    body = models.CharField(max_length=200, help_text="For example, Cabinet or Scrutiny Committee")
    meets_on = models.DateField("date", null=True, blank=True, validators=DATE_BOUNDS)

    history = HistoricalRecords()

    class Meta(ReportRow.Meta):
        verbose_name = "meeting of the decision timetable"
        constraints = [*dates_in_bounds("meets_on")]

    def __str__(self):
        return f"{self.body}, {self.meets_on:%-d %B %Y}" if self.meets_on else self.body


class Recommendation(ReportRow):
    report = models.ForeignKey(CabinetReport, on_delete=models.CASCADE, related_name="recommendation_rows")
    text = BoundedTextField()

    history = HistoricalRecords()

    class Meta(ReportRow.Meta):
        constraints = [
            *texts_in_bounds("text"),
            models.CheckConstraint(condition=~Q(text=""), name="recommendation_has_text"),
        ]

    def __str__(self):
        return self.text[:80]


class ReportImplication(ReportRow):
    report = models.ForeignKey(CabinetReport, on_delete=models.CASCADE, related_name="implication_rows")
    subject = models.CharField(max_length=30, choices=IMPLICATION_SUBJECTS)
    applies = models.BooleanField(default=False)
    paragraphs = models.CharField(
        "paragraph references", max_length=200, blank=True, help_text="For example, 4.1 to 4.3"
    )

    history = HistoricalRecords()

    class Meta(ReportRow.Meta):
        verbose_name = "other implication"
        constraints = [
            models.CheckConstraint(
                condition=Q(subject__in=[key for key, _ in IMPLICATION_SUBJECTS]),
                name="reportimplication_subject_known",
            ),
            models.UniqueConstraint(
                fields=["report", "subject"],
                name="reportimplication_subject_once",
                violation_error_message="Each implication is listed once",
            ),
        ]

    def __str__(self):
        return f"{self.get_subject_display()}: {'Yes' if self.applies else 'No'}"


class Consultation(ReportRow):
    report = models.ForeignKey(CabinetReport, on_delete=models.CASCADE, related_name="consultation_rows")
    body = models.CharField("consulted", max_length=200, help_text="Who was consulted")
    consulted_on = models.DateField("date", null=True, blank=True, validators=DATE_BOUNDS)

    history = HistoricalRecords()

    class Meta(ReportRow.Meta):
        constraints = [*dates_in_bounds("consulted_on")]

    def __str__(self):
        return self.body


class ExemptParagraph(ReportRow):
    """A paragraph of the body kept out of the public version (Local Government Act 1972, Schedule 12A)
    and printed only in the exempt appendix."""

    report = models.ForeignKey(CabinetReport, on_delete=models.CASCADE, related_name="exempt_paragraphs")
    paragraph_key = models.CharField(
        max_length=100, help_text="The key of the body's paragraph, for example finance.budget"
    )
    category = models.PositiveSmallIntegerField("Schedule 12A paragraph", choices=SCHEDULE_12A_PARAGRAPHS)
    reason = BoundedTextField(
        help_text="Why the public interest in keeping it exempt outweighs disclosing it"
    )

    history = HistoricalRecords()

    class Meta(ReportRow.Meta):
        constraints = [
            *texts_in_bounds("reason"),
            models.CheckConstraint(
                condition=Q(category__range=(1, 7)), name="exemptparagraph_category_known"
            ),
            models.CheckConstraint(condition=~Q(paragraph_key=""), name="exemptparagraph_has_key"),
            models.UniqueConstraint(
                fields=["report", "paragraph_key"],
                name="exemptparagraph_key_once",
                violation_error_message="That paragraph is already marked exempt",
            ),
        ]

    def __str__(self):
        return f"{self.paragraph_key} (Schedule 12A paragraph {self.category})"
