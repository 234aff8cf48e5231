"""The activity log: visits, delegations, exchanges, events and projects, their steps and evidence (costs
are in costs.py)."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from intlinks.archive import CURRENT, Archivable, ArchivableQuerySet, count_phrase
from intlinks.bounds import DATE_BOUNDS, SOURCE_MAX_LENGTH, BoundedTextField, dates_in_bounds, texts_in_bounds
from partnerships.models.links import Partnership
from partnerships.uploads import stored_name, validate_agreement_document
from strategy.financial_years import financial_year_of
from strategy.models import SOURCE_HELP


@dataclass(frozen=True)
class StepCheck:
    """Whether an activity may take a step of its life now (be marked ready, or complete).

    `offered` says whether its state offers the step at all: a page shows the button when the step is
    `allowed`, and otherwise the `reason` only if the step is offered (a cancelled activity is not
    told why it cannot be completed). The service refuses with the same `reason`.
    """

    offered: bool
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return self.offered and not self.reason


class Activity(Archivable):
    class Kind(models.TextChoices):
        OUTGOING_VISIT = "outgoing_visit", "Outgoing visit"
        INCOMING_DELEGATION = "incoming_delegation", "Incoming delegation"
        YOUTH_EXCHANGE = "youth_exchange", "School or youth exchange"
        STAFF_EXCHANGE = "staff_exchange", "Staff or practitioner exchange"
        TRADE_MISSION = "trade_mission", "Trade mission"
        CULTURAL_EVENT = "cultural_event", "Cultural event"
        FUNDED_PROJECT = "funded_project", "Funded project"
        VIRTUAL_MEETING = "virtual_meeting", "Virtual meeting"
        OTHER = "other", "Other"

    class State(models.TextChoices):
        PLANNED = "planned", "Planned"
        READY = "ready", "Ready to travel"
        COMPLETE = "complete", "Complete"
        CANCELLED = "cancelled", "Cancelled"

    # Who takes part, counted together as the activity's participants (here and in the CSV's query).
    PARTICIPANT_FIELDS = ("councillors", "officers", "young_people", "community_members", "businesses")

    # The handbook asks for a stated reason and benefit for every visit paid from public funds.
    VISIT_KINDS = (
        Kind.OUTGOING_VISIT,
        Kind.INCOMING_DELEGATION,
        Kind.YOUTH_EXCHANGE,
        Kind.STAFF_EXCHANGE,
        Kind.TRADE_MISSION,
    )

    # The kinds whose party travels abroad, so that risk assessment and insurance must be in place first
    # (LGIB: "insurance cover for travelling ... for all categories of personnel"). An exchange sends
    # people both ways; a trade mission goes out.
    TRAVELLING_KINDS = (Kind.OUTGOING_VISIT, Kind.YOUTH_EXCHANGE, Kind.STAFF_EXCHANGE, Kind.TRADE_MISSION)

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=200)
    starts_on = models.DateField("start date", validators=DATE_BOUNDS)
    ends_on = models.DateField("end date (or return date)", validators=DATE_BOUNDS)
    places = models.CharField("places", max_length=300, blank=True, help_text="Where it happens")
    paid_from_public_funds = models.BooleanField(default=True)
    purpose = BoundedTextField(blank=True, help_text="Why it happens")
    expected_benefit = BoundedTextField(blank=True, help_text="What the council and its people gain")
    objectives = models.ManyToManyField("strategy.Objective", blank=True, related_name="activities")
    ways_forward = models.ManyToManyField("strategy.WayForward", blank=True, related_name="activities")
    action = models.ForeignKey(
        "strategy.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        help_text="The action-plan action it delivers",
    )
    councillors = models.PositiveSmallIntegerField(default=0)
    officers = models.PositiveSmallIntegerField(default=0)
    young_people = models.PositiveSmallIntegerField(default=0)
    community_members = models.PositiveSmallIntegerField(default=0)
    businesses = models.PositiveSmallIntegerField(default=0)
    named_travellers = BoundedTextField(blank=True, help_text="One a line: name and role")
    outcomes = BoundedTextField(blank=True, help_text="Recorded afterwards")
    state = models.CharField(max_length=20, choices=State.choices, default=State.PLANNED)
    # The checklist before travel: insurance for every party that travels (`readiness_missing`), and the
    # safeguarding of young people on top.
    insurance_confirmed = models.BooleanField(default=False)
    parental_consents = models.PositiveSmallIntegerField("parental consents received", default=0)
    code_of_behaviour_agreed = models.BooleanField(default=False)
    coordinators = BoundedTextField(
        "named coordinators", blank=True, help_text="One a line: name, telephone and email"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)

    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[objectives, ways_forward])

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name_plural = "activities"
        # Twenty years of a busy office is 100,000 rows (issue 10): the list reads a page in its
        # default order, a link's page its latest few and the drift check its last one, without sorting
        # the table; "needs attention" finds planned activities by end date.
        indexes = [
            models.Index(
                F("starts_on").desc(), F("id").desc(), name="activity_newest_first", condition=CURRENT
            ),
            models.Index(
                "partnership",
                F("starts_on").desc(),
                F("id").desc(),
                name="activity_link_newest_first",
                condition=CURRENT,
            ),
            models.Index("ends_on", name="activity_planned_by_end", condition=CURRENT & Q(state="planned")),
        ]
        constraints = [
            *texts_in_bounds("purpose", "expected_benefit", "named_travellers", "outcomes", "coordinators"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *dates_in_bounds("starts_on", "ends_on"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="activity_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnerships:activity", args=[self.pk])

    @property
    def financial_year(self):
        return financial_year_of(self.starts_on)

    @property
    def participant_count(self) -> int:
        return sum(getattr(self, name) for name in self.PARTICIPANT_FIELDS)

    @property
    def has_young_people(self) -> bool:
        return self.kind == self.Kind.YOUTH_EXCHANGE or self.young_people > 0

    @property
    def state_meaning(self) -> str:
        """The state's tag meaning: complete is good, cancelled is grey, anything still to do is yellow."""
        return STATE_MEANINGS.get(self.state, "warning")

    @property
    def travels(self) -> bool:
        """Some of its party travels abroad (`TRAVELLING_KINDS`)."""
        return self.kind in self.TRAVELLING_KINDS

    @property
    def has_travel_gate(self) -> bool:
        """It must pass the gate before it travels: every party that travels, and any activity with young
        people (the handbook's risk assessment and insurance apply to all who take part)."""
        return self.travels or self.has_young_people

    def readiness_missing(self) -> list[str]:
        """What it still lacks before it may travel, in plain words (empty when nothing): a risk
        assessment and insurance for every party that travels, and the youth safeguarding checks on top."""
        if not self.has_travel_gate:
            return []
        missing = []
        if not any(e.kind == Evidence.Kind.RISK_ASSESSMENT for e in self.evidence.all()):
            missing.append("a risk assessment uploaded as evidence")
        if not self.insurance_confirmed:
            missing.append("insurance confirmed")
        if self.has_young_people:
            missing.extend(self._youth_missing())
        return missing

    def _youth_missing(self) -> list[str]:
        missing = []
        if self.young_people == 0:
            missing.append("the number of young people taking part")
        elif self.parental_consents < self.young_people:
            missing.append(
                f"parental consent for every young participant ({self.parental_consents} of "
                f"{self.young_people} received)"
            )
        if not self.code_of_behaviour_agreed:
            missing.append("the code of behaviour agreed")
        if not self.coordinators.strip():
            missing.append("named coordinators with contact details")
        return missing

    def unresolved_breach_count(self) -> int:
        """Breaches of its costs and gifts still lacking a justification or an approval.

        The activity selectors annotate it as `unresolved_breaches`, so that a page does not count
        again; an activity loaded without it (as the services load one) counts now.
        """
        annotated = getattr(self, "unresolved_breaches", None)
        if annotated is not None:
            return annotated
        return self.costs.unresolved().count() + self.gifts.unresolved().count()

    def archive_blockers(self) -> list[str]:
        """Its current costs would still count in spend under an activity no list shows."""
        costs = self.costs.current().count()
        return [count_phrase(costs, "cost", "costs")] if costs else []

    def ready_check(self) -> StepCheck:
        """Ready to travel is the gate of a planned activity whose party travels or has young people."""
        if self.state != self.State.PLANNED:
            return StepCheck(False, "Only a planned activity can be marked ready to travel")
        if not self.has_travel_gate:
            # The page never offers it: with nobody travelling and no young people there is no gate.
            return StepCheck(
                False, "Only an activity that travels or has young people is marked ready to travel"
            )
        missing = self.readiness_missing()
        if missing:
            return StepCheck(True, "It cannot be marked ready to travel until it has " + "; ".join(missing))
        if self.unresolved_breach_count():
            return StepCheck(True, f"It cannot be marked ready to travel: {self._breaches_to_resolve()}")
        return StepCheck(True)

    def _breaches_to_resolve(self) -> str:
        count = self.unresolved_breach_count()
        return (
            f"{count} breach{'es' if count > 1 else ''} of the conduct rules still need a justification "
            "and a second person's approval"
        )

    def complete_check(self) -> StepCheck:
        """Complete: once ready to travel if it passes the gate (`has_travel_gate`), and with every breach
        resolved."""
        if self.state in (self.State.COMPLETE, self.State.CANCELLED):
            return StepCheck(False, f"The activity is already {self.get_state_display().lower()}")
        if self.has_travel_gate and self.state != self.State.READY:
            who = "with young people" if self.has_young_people else "that travels"
            return StepCheck(True, f"An activity {who} must be ready to travel before it is complete")
        if self.unresolved_breach_count():
            return StepCheck(True, f"It cannot be marked complete: {self._breaches_to_resolve()}")
        return StepCheck(True)

    @property
    def is_locked(self) -> bool:
        """A complete or cancelled activity is closed: nothing of it changes until it is reopened. The
        pages, the admin and every service ask this one predicate."""
        return self.state in (self.State.COMPLETE, self.State.CANCELLED)

    def lock_refusal(self) -> str:
        """Why the activity (or its costs, checklist, evidence and breaches) cannot be changed now."""
        if self.is_locked:
            return (
                f"The activity is {self.get_state_display().lower()}: reopen it, with a reason, to change it"
            )
        return ""

    def readiness_lapse(self) -> str:
        """Why a ready-to-travel activity is no longer ready ("" while it still is, or is not ready):
        a gap reopened in the checklist before travel, or a breach left unresolved."""
        if self.state != self.State.READY:
            return ""
        missing = self.readiness_missing()
        if missing:
            return "It is back to planned: the checklist before travel now lacks " + "; ".join(missing)
        if self.unresolved_breach_count():
            return f"It is back to planned: {self._breaches_to_resolve()}"
        return ""

    @property
    def can_reopen(self) -> bool:
        return self.is_locked

    @property
    def can_cancel(self) -> bool:
        return not self.is_locked

    @property
    def can_mark_ready(self) -> bool:
        return self.ready_check().allowed

    @property
    def can_mark_complete(self) -> bool:
        return self.complete_check().allowed

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The return date must be the same as or after the departure date"
        errors.update(self._reason_errors(public=self.paid_from_public_funds))
        if errors:
            raise ValidationError(errors)

    def _reason_errors(self, *, public: bool) -> dict:
        """Every visit paid from public funds states its purpose and expected benefit."""
        errors = {}
        if self.kind in self.VISIT_KINDS and public:
            if not (self.purpose or "").strip():
                errors["purpose"] = "Enter the purpose: every visit paid from public funds needs one"
            if not (self.expected_benefit or "").strip():
                errors["expected_benefit"] = (
                    "Enter the expected benefit: every visit paid from public funds needs one"
                )
        return errors

    def funding_errors(self, *, council_pays: bool) -> dict:
        """The rule between an activity and its costs: if the council pays any of them, it is paid from
        public funds, and so (a visit) needs its purpose and benefit. The form page asks it in the same
        round as every other rule, and the service before it saves."""
        if not council_pays or self.paid_from_public_funds:
            return {}
        return {
            "paid_from_public_funds": "The council pays some of its costs: it is paid from public funds",
            **self._reason_errors(public=True),
        }


class ActivityStateChange(models.Model):
    """One move of an activity's state (ready, complete, reopened, cancelled, or back to planned when a
    gate reopened), with who, when and why: the activity's own audit trail, shown on its page."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="state_changes")
    from_state = models.CharField(max_length=20, choices=Activity.State.choices)
    to_state = models.CharField(max_length=20, choices=Activity.State.choices)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = BoundedTextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["changed_at", "pk"]
        # "Since the last meeting": the activities completed in a period, in the order they were.
        indexes = [models.Index("changed_at", "id", name="activity_state_change_by_time")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_state=F("to_state")), name="activity_state_change_moves"
            ),
            *texts_in_bounds("reason"),
        ]

    def __str__(self):
        return f"{self.get_from_state_display()} to {self.get_to_state_display()}"


# How each state reads at a glance, as a tag meaning (intlinks' `{% tag %}` turns it into a colour).
STATE_MEANINGS: dict[str, str] = {
    Activity.State.PLANNED: "warning",
    Activity.State.READY: "warning",
    Activity.State.COMPLETE: "good",
    Activity.State.CANCELLED: "ended",
}


def evidence_path(instance, filename):
    return f"activities/{instance.activity_id}/{stored_name(instance.file.file, filename)}"


class Evidence(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", "Photo"
        DOCUMENT = "document", "Document"
        RISK_ASSESSMENT = "risk_assessment", "Risk assessment"

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="evidence")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DOCUMENT)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=evidence_path, validators=[validate_agreement_document])
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.title
