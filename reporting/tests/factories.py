"""Factories for Cabinet reports and their versions."""

import hashlib
from datetime import date

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from reporting.models import (
    CabinetReport,
    Consultation,
    ExemptParagraph,
    Recommendation,
    ReportImplication,
    ReportMeeting,
    ReportVersion,
)

PDF_BYTES = b"%PDF-1.7\n% a factory's stand-in for a rendered report\n%%EOF\n"


class CabinetReportFactory(factory.django.DjangoModelFactory):
    """A draft annual evaluation; pass kind= with strategy= or partnership= for the other kinds."""

    class Meta:
        model = CabinetReport

    kind = CabinetReport.Kind.ANNUAL
    financial_year = 2016
    title = factory.LazyAttribute(
        lambda report: (
            f"Annual evaluation of international activity {report.financial_year}/"
            f"{(report.financial_year + 1) % 100:02d}"
            if report.financial_year
            else "Evaluation of the international strategy"
        )
    )
    report_of = "Director of Corporate Policy"
    purpose = "To report on the council's international activity."


class ReportMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportMeeting

    report = factory.SubFactory(CabinetReportFactory)
    body = "Cabinet"
    meets_on = date(2017, 7, 10)


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    report = factory.SubFactory(CabinetReportFactory)
    position = factory.Sequence(lambda n: n)
    text = "Cabinet notes the evaluation of international activity."


class ReportImplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportImplication

    report = factory.SubFactory(CabinetReportFactory)
    subject = "equal_opportunities"
    applies = False


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    report = factory.SubFactory(CabinetReportFactory)
    body = "Overseas Links Working Party"
    consulted_on = date(2017, 6, 1)


class ExemptParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExemptParagraph

    report = factory.SubFactory(CabinetReportFactory)
    paragraph_key = factory.Sequence(lambda n: f"finance.line{n}")
    category = 3
    reason = "The figures name a supplier's prices."


class ReportVersionFactory(factory.django.DjangoModelFactory):
    """A queued version; `ReportVersionFactory(done=True)` has its file, checksum and size."""

    class Meta:
        model = ReportVersion

    class Params:
        done = factory.Trait(
            status=ReportVersion.Status.DONE,
            pdf=factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="report.pdf")),
            checksum=hashlib.sha256(PDF_BYTES).hexdigest(),
            size=len(PDF_BYTES),
            finished_at=factory.LazyFunction(timezone.now),
        )

    report = factory.SubFactory(CabinetReportFactory)
    number = factory.Sequence(lambda n: n + 1)
    requested_at = factory.LazyFunction(timezone.now)
    as_of = factory.LazyFunction(timezone.now)
