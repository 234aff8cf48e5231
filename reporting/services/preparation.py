"""The draft annual evaluation, prepared when a financial year closes, and the clerks told by e-mail."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from intlinks.roles import CLERK
from reporting.models import CabinetReport
from reporting.services.reports import report_create
from strategy.financial_years import financial_year_of


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
