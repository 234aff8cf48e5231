from datetime import date, timedelta
from decimal import Decimal

import factory

from partnerships.models import (
    Activity,
    Agreement,
    AnnualReview,
    Appraisal,
    ConductPolicy,
    Cost,
    ExternalFunding,
    Gift,
    GrantApplication,
    HotelCap,
    Meeting,
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


def budget_line_for(year: int, name: str = "Visits and delegations"):
    """A line of the budget of financial year `year` (made once), for costs charged to it."""
    from strategy.models import Budget, BudgetLine

    budget, _ = Budget.objects.get_or_create(
        financial_year=year, defaults={"controllable_total": Decimal("10000.00")}
    )
    line, _ = BudgetLine.objects.get_or_create(
        budget=budget, name=name, defaults={"allocation": Decimal("5000.00")}
    )
    return line


class ConductPolicyFactory(factory.django.DjangoModelFactory):
    """Rules like the handbook's examples: a £30 meal, business class only above 8 hours."""

    class Meta:
        model = ConductPolicy
        skip_postgeneration_save = True

    in_force_from = date(2020, 4, 1)
    business_class_min_hours = Decimal("8.0")
    # Never above the business class hours (a database constraint): 5 hours, or fewer with them.
    premium_economy_min_hours = factory.LazyAttribute(
        lambda policy: min(Decimal("5.0"), policy.business_class_min_hours)
    )
    subsistence_per_meal = Decimal("30.00")
    subsistence_per_day = Decimal("60.00")
    gift_registration_threshold = Decimal("50.00")
    gift_handover_threshold = Decimal("100.00")
    europe_cap = factory.RelatedFactory(
        "partnerships.tests.factories.HotelCapFactory",
        "policy",
        region="europe",
        nightly_cap=Decimal("150.00"),
    )


class HotelCapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HotelCap

    policy = factory.SubFactory(ConductPolicyFactory, europe_cap=None)
    region = "asia"
    nightly_cap = Decimal("120.00")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    partnership = factory.SubFactory(PartnershipFactory)
    # A visit paid from public funds that nobody travels to (a delegation hosted here): no checklist
    # before travel stands between it and "complete". Tests of that gate name a travelling kind.
    kind = Activity.Kind.INCOMING_DELEGATION
    title = factory.Sequence(lambda n: f"Visit {n}")
    starts_on = date(2026, 6, 1)
    ends_on = date(2026, 6, 4)
    purpose = "To agree the year's exchange programme."
    expected_benefit = "School places for 20 pupils."


class CostFactory(factory.django.DjangoModelFactory):
    """A council-paid cost in pounds, charged to a line of the 2026/27 budget."""

    class Meta:
        model = Cost

    activity = factory.SubFactory(ActivityFactory)
    category = Cost.Category.VENUE
    incurred_on = date(2026, 6, 1)
    stage = Cost.Stage.ACTUAL
    amount = Decimal("100.00")
    currency = "GBP"
    rate_to_gbp = Decimal("1")
    amount_gbp = factory.LazyAttribute(
        lambda cost: (cost.amount * cost.rate_to_gbp).quantize(Decimal("0.01"))
    )
    paid_by = Cost.PaidBy.COUNCIL
    budget_line = factory.LazyFunction(lambda: budget_line_for(2026))


class GiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gift

    direction = Gift.Direction.GIVEN
    counterparty = "Krefeld City Council"
    counterparty_kind = Gift.CounterpartyKind.PUBLIC
    description = factory.Sequence(lambda n: f"Gift {n}")
    value = Decimal("25.00")
    given_on = date(2026, 6, 2)
    registered_on = date(2026, 6, 10)


class ExternalFundingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalFunding

    funder = "Commonwealth Local Government Forum"
    programme = "CLGF Good Practice Scheme"
    partnership = factory.SubFactory(PartnershipFactory)
    status = ExternalFunding.Status.AWARDED
    amount_bid = Decimal("20000.00")
    amount_awarded = Decimal("15000.00")
    bid_on = date(2026, 1, 15)
    awarded_on = date(2026, 5, 1)


class GrantApplicationFactory(factory.django.DjangoModelFactory):
    """A draft application from a twinning association, charged to a grants line of 2025/26."""

    class Meta:
        model = GrantApplication

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Youth exchange {n}")
    purpose = "Twelve young people visit the partner town's football club."
    amount_requested = Decimal("1500.00")
    budget_line = factory.LazyFunction(lambda: budget_line_for(2025, "Grants to twinning associations"))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    held_on = factory.LazyFunction(lambda: date.today() - timedelta(days=1))
