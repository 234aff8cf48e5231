from datetime import date, timedelta
from decimal import Decimal

import factory

from partnerships.models import (
    Agreement,
    AnnualReview,
    Appraisal,
    Organisation,
    Partnership,
    Place,
    Status,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Theme {n}")


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"Place {n}")
    country = "FR"
    latitude = Decimal("48.57340")
    longitude = Decimal("7.75210")


class PartnershipFactory(factory.django.DjangoModelFactory):
    """A formalised link; pass status= for another point of the life cycle."""

    class Meta:
        model = Partnership

    place = factory.SubFactory(PlaceFactory)
    kind = Partnership.Kind.TWINNING
    status = Status.ACTIVE
    began_year = 1990


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Twinning association {n}")
    kind = Organisation.Kind.TWINNING_ASSOCIATION


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    partnership = factory.SubFactory(PartnershipFactory)
    kind = Agreement.Kind.CHARTER
    signed_on = date(1990, 6, 1)
    signatories = "The Lord Mayor"


class AnnualReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReview

    partnership = factory.SubFactory(PartnershipFactory)
    reviewed_on = factory.LazyFunction(date.today)
    supports_objectives = True
    outcomes = "School exchanges went ahead."
    rag = AnnualReview.Rag.GREEN
    decision = AnnualReview.Decision.CONTINUE
    next_review_due = factory.LazyAttribute(lambda review: review.reviewed_on + timedelta(days=365))


class AppraisalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appraisal

    partnership = factory.SubFactory(PartnershipFactory, status=Status.EXPLORING)
    appraised_on = date(2026, 1, 10)
    similar_characteristics_score = 2
    similar_characteristics_evidence = "Comparable economy."
    similar_opportunities_score = 3
    similar_opportunities_evidence = "Shared priorities."
    accessible_score = 2
    accessible_evidence = "Direct flights."
    local_relevance_score = 2
    local_relevance_evidence = "Diaspora in the city."
    external_funding = Appraisal.Funding.MODERATE
    estimated_yearly_cost = Decimal("4000.00")
    recommendation = Appraisal.Recommendation.PROCEED
    recommendation_reason = "Meets the criteria."
