"""Cabinet reports: create a draft with its front matter drafted from the data, and save the clerk's
edits of the front matter and its rows. A final report's front matter is locked."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from intlinks.editing import save_rows, validate_rows
from intlinks.money import format_money
from intlinks.roles import CLERK
from reporting.models import (
    IMPLICATION_SUBJECTS,
    CabinetReport,
    Consultation,
    Recommendation,
    ReportImplication,
    ReportMeeting,
)
from reporting.selectors.reports import ReportFacts, report_facts
from strategy.financial_years import financial_year_of

LOCKED_MESSAGE = (
    "This report is final: its front matter is what Cabinet received and can no longer be changed"
)
ACT_1993 = "the Local Government (Overseas Assistance) Act 1993"


def report_title(*, kind: str, facts: ReportFacts, partnership=None) -> str:
    if kind == CabinetReport.Kind.STRATEGY and facts.strategy is not None:
        return f"Full evaluation of the {facts.strategy.title} ({facts.strategy.period_label})"
    year = facts.years[0].label if facts.years else ""
    if kind == CabinetReport.Kind.PARTNERSHIP and partnership is not None:
        return f"Annual review of the link with {partnership.place.name} {year}"
    return f"Annual evaluation of international activity {year}"


def financial_implications(facts: ReportFacts) -> str:
    """The budget's figures in words: allocated, spent, remaining, and the 1993 Act's limit."""
    if facts.budget is None:
        years = (
            " to ".join(dict.fromkeys([facts.years[0].label, facts.years[-1].label])) if facts.years else ""
        )
        return f"There is no overseas links budget recorded for {years}; the finance section has no figures."
    summary, check = facts.budget, facts.budget.overseas_assistance
    year = facts.years[0].label
    text = (
        f"The overseas links budget for {year} allocated {format_money(summary.total_allocated)}, of which "
        f"{format_money(summary.total_spent)} has been spent and {format_money(summary.total_committed)} "
        f"committed, leaving {format_money(summary.total_remaining)}."
    )
    if check.limit is None:
        text += (
            f" No budget is recorded for {check.previous_year}, so the limit set by {ACT_1993} (twice the "
            "previous year's spending or budget) cannot be checked."
        )
    elif check.warnings:
        text += " " + " ".join(f"{warning}, the limit set by {ACT_1993}." for warning in check.warnings)
    else:
        text += (
            f" Spending is within the limit set by {ACT_1993}: twice the previous year's spending or budget, "
            f"{format_money(check.limit)} ({check.previous_year})."
        )
    return text


def legal_implications() -> str:
    return (
        f"The council spends on cultural, educational and town-twinning links abroad under {ACT_1993}, "
        "which limits it to twice the amount spent or budgeted in the previous financial year. Paragraphs "
        "marked exempt are withheld under Schedule 12A to the Local Government Act 1972."
    )


def front_matter_defaults(*, kind: str, facts: ReportFacts, partnership=None) -> dict:
    """The front matter a new report starts with, drafted from the figures; every field is editable."""
    period = " to ".join(dict.fromkeys([facts.years[0].label, facts.years[-1].label])) if facts.years else ""
    subject = (
        f"the link with {partnership.place.name}"
        if partnership is not None
        else "the council's international links"
    )
    actions = sum(1 for _ in facts.action_plans)
    summary = f"In {period} the council had {facts.partnerships} current international link" + (
        "s" if facts.partnerships != 1 else ""
    )
    summary += f" and {actions} action plan{'s' if actions != 1 else ''} for the period."
    if facts.budget is not None:
        summary += (
            f" {format_money(facts.budget.total_spent)} of the {format_money(facts.budget.total_allocated)} "
            "budget was spent."
        )
    return {
        "title": report_title(kind=kind, facts=facts, partnership=partnership),
        "council": settings.COUNCIL_NAME,
        "wards_affected": "All wards",
        "purpose": f"To report to Cabinet on the progress of {subject} in {period}, against the strategy's "
        "objectives and action plans.",
        "summary": summary,
        "reasons": "Cabinet reviews progress on the international strategy each year, to avoid drift and "
        "to agree priorities for the year ahead.",
        "other_options": "None: the strategy asks for an annual evaluation by Cabinet.",
        "financial_implications": financial_implications(facts),
        "legal_implications": legal_implications(),
        "strategy": facts.strategy,
    }


def default_recommendations(*, kind: str) -> list[str]:
    what = "the full evaluation of the strategy" if kind == CabinetReport.Kind.STRATEGY else "the evaluation"
    return [
        f"Cabinet notes {what} of international activity set out in this report.",
        "Cabinet notes the progress made against the action plan and the spending against the budget.",
        "Cabinet agrees the priorities for the coming year set out in the report.",
    ]


@transaction.atomic
def report_create(
    *, kind: str, by, financial_year: int | None = None, strategy=None, partnership=None
) -> CabinetReport:
    """A draft report of the kind and subject, with front matter and rows drafted from the data."""
    facts = report_facts(kind=kind, financial_year=financial_year, strategy=strategy, partnership=partnership)
    defaults = front_matter_defaults(kind=kind, facts=facts, partnership=partnership)
    if kind == CabinetReport.Kind.STRATEGY:
        defaults["strategy"] = strategy
    report = CabinetReport(
        kind=kind,
        financial_year=financial_year if kind != CabinetReport.Kind.STRATEGY else None,
        partnership=partnership,
        created_by=by,
        **defaults,
    )
    report.full_clean()
    report.save()
    ReportMeeting.objects.create(report=report, body="Cabinet", position=1)
    for position, text in enumerate(default_recommendations(kind=kind), start=1):
        Recommendation.objects.create(report=report, text=text, position=position)
    for position, (subject, _label) in enumerate(IMPLICATION_SUBJECTS, start=1):
        ReportImplication.objects.create(report=report, subject=subject, position=position)
    Consultation.objects.create(report=report, body="Overseas Links Working Party", position=1)
    return report


@transaction.atomic
def report_save(
    *, report: CabinetReport, rows: list[models.Model] = (), removed: list[models.Model] = ()
) -> CabinetReport:
    """Save the front matter and its rows (in the order given); refused once the report is final."""
    state = CabinetReport.objects.select_for_update().values_list("state", flat=True).get(pk=report.pk)
    if state == CabinetReport.State.FINAL:
        raise ValidationError(LOCKED_MESSAGE)
    report.full_clean()
    report.save()
    positions: dict[type, int] = {}
    for row in rows:
        row.report = report
        positions[type(row)] = positions.get(type(row), 0) + 1
        row.position = positions[type(row)]
    validate_rows(rows, lambda row: row.full_clean(exclude=["report"], validate_unique=False))
    save_rows(rows, removed, report=report)
    return report


# When a financial year closes (beat, issue 12's pipeline)


def report_prepare_annual_evaluation(*, today: date | None = None) -> CabinetReport | None:
    """Prepare the draft annual evaluation of the financial year that closed before `today` (beat runs
    it on the first day of the new year) and e-mail the clerks; nothing if that report already exists.
    Returns the report prepared, or None."""
    today = today or timezone.localdate()
    year = financial_year_of(today).previous
    with transaction.atomic():
        exists = CabinetReport.objects.filter(kind=CabinetReport.Kind.ANNUAL, financial_year=year.start)
        if exists.exists():
            return None
        report = report_create(kind=CabinetReport.Kind.ANNUAL, financial_year=year.start, by=None)
    _tell_clerks(report=report, year_label=year.label)
    return report


def _tell_clerks(*, report: CabinetReport, year_label: str) -> int:
    """E-mail every active clerk that the draft is ready; returns how many were told."""
    clerks = list(
        get_user_model()
        .objects.filter(groups__name=CLERK, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not clerks:
        return 0
    context = {
        "report": report,
        "year_label": year_label,
        "report_url": settings.SITE_URL.rstrip("/") + reverse("reporting:report", args=[report.pk]),
        "council_name": settings.COUNCIL_NAME,
        "service_name": settings.SERVICE_NAME,
    }
    subject = render_to_string("reporting/email/annual_prepared_subject.txt", context).strip()
    text = render_to_string("reporting/email/annual_prepared.txt", context)
    html = render_to_string("reporting/email/annual_prepared.html", context)
    for address in clerks:  # one e-mail each: no clerk sees the others' addresses
        send_mail(
            subject=subject,
            message=text,
            html_message=html,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[address],
        )
    return len(clerks)
