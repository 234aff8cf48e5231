"""Bounded input (issue 9, finding 7): dates, financial years, strategies, money, text and currencies
are refused with a message beside the field, and the database refuses what skips the form."""

from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import IntegrityError, connection, models, transaction
from django.urls import reverse

from intlinks.bounds import BoundedTextField, validate_date_in_bounds
from intlinks.money import MAX_AMOUNT, MONEY
from partnerships.models import Activity, Cost, ExternalFunding, Gift
from partnerships.tests.factories import ActivityFactory, CostFactory, GiftFactory, PartnershipFactory
from strategy.fields import FinancialYearField
from strategy.models import Budget, Indicator, IndicatorValue, Strategy
from strategy.tests.factories import BudgetFactory, StrategyFactory

pytestmark = pytest.mark.django_db

DATE_MESSAGE = "Enter a date between 1 January 1900 and 31 December 2100"


def council_models():
    return [model for app in ("strategy", "partnerships") for model in apps.get_app_config(app).get_models()]


def constraint_names(model) -> set[str]:
    return {constraint.name for constraint in model._meta.constraints}


def is_history(model) -> bool:
    return model.__name__.startswith("Historical")


def gift_form(partnership, **changes) -> dict:
    return {
        "direction": "received",
        "kind": "gift",
        "counterparty": "Krefeld City Council",
        "counterparty_kind": "public",
        "partnership": partnership.pk,
        "description": "A glass bowl",
        "value": "40.00",
        "given_on": "2026-05-01",
        "registered_on": "2026-05-02",
        **changes,
    }


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_refuses_a_gift_dated_outside_1900_to_2100_beside_the_field(officer_client, day):
    partnership = PartnershipFactory()

    response = officer_client.post(reverse("partnerships:gift_create"), gift_form(partnership, given_on=day))

    assert response.status_code == 200
    assert DATE_MESSAGE in response.context["form"].errors["given_on"]
    assert not Gift.objects.exists()


def test_accepts_dates_at_both_bounds():
    validate_date_in_bounds(date(1900, 1, 1))
    validate_date_in_bounds(date(2100, 12, 31))


def test_database_refuses_a_year_one_date_that_skips_the_form():
    gift = GiftFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Gift.objects.filter(pk=gift.pk).update(given_on=date(1, 1, 1), registered_on=date(1, 1, 2))


def test_gift_register_and_csv_answer_even_with_a_year_one_gift_from_before_the_bounds(officer_client):
    gift = GiftFactory(direction=Gift.Direction.RECEIVED)
    # A row stored before the constraint existed: drop it inside this test's transaction (rolled back).
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name in ("gift_given_on_in_bounds", "gift_registered_after_given"):
            cursor.execute(f'ALTER TABLE "{Gift._meta.db_table}" DROP CONSTRAINT "{name}"')
    Gift.objects.filter(pk=gift.pk).update(given_on=date(1, 1, 1))

    assert officer_client.get(reverse("partnerships:gifts")).status_code == 200
    assert officer_client.get(reverse("partnerships:gift_export")).status_code == 200


@pytest.mark.parametrize("value", ["9999999999.99", "1000000.01"])
def test_refuses_a_gift_worth_more_than_the_ceiling_with_a_clear_message(officer_client, value):
    partnership = PartnershipFactory()

    response = officer_client.post(reverse("partnerships:gift_create"), gift_form(partnership, value=value))

    assert response.status_code == 200
    assert (
        "Enter an amount of £1,000,000 or less: check the figure" in response.context["form"].errors["value"]
    )
    assert not Gift.objects.exists()


def test_accepts_a_gift_worth_exactly_the_ceiling(officer_client):
    partnership = PartnershipFactory()

    response = officer_client.post(
        reverse("partnerships:gift_create"), gift_form(partnership, value=str(MAX_AMOUNT))
    )

    assert response.status_code == 302
    assert Gift.objects.get().value == Decimal("1000000.00")


@pytest.mark.parametrize(
    ("model", "field", "factory"),
    [
        (Gift, "value", GiftFactory),
        (Budget, "controllable_total", BudgetFactory),
    ],
)
def test_database_refuses_an_amount_over_the_ceiling_that_skips_the_form(model, field, factory):
    row = factory()

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**{field: Decimal("9999999999.99")})


def test_database_refuses_funding_over_the_ceiling():
    funding = ExternalFunding.objects.create(
        partnership=PartnershipFactory(), funder="EU", programme="Urbs", amount_bid=Decimal("10")
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        ExternalFunding.objects.filter(pk=funding.pk).update(amount_awarded=MAX_AMOUNT + Decimal("0.01"))


@pytest.mark.parametrize("year", ["0/01", "1/02", "9999/00", "1899/00", "2100/01"])
def test_refuses_a_budget_for_a_financial_year_outside_the_bounds(officer_client, year):
    response = officer_client.post(
        reverse("strategy:budget_create"),
        {
            "financial_year": year,
            "title": "Budget",
            "controllable_total": "100.00",
            "lines-TOTAL_FORMS": "0",
            "lines-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert not Budget.objects.exists()


def test_database_refuses_a_financial_year_outside_the_bounds():
    budget = BudgetFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Budget.objects.filter(pk=budget.pk).update(financial_year=9999)


def test_refuses_a_strategy_of_more_than_ten_years_beside_the_last_year(officer_client):
    response = officer_client.post(
        reverse("strategy:strategy_create"),
        {"title": "Long", "first_year": "2040/41", "last_year": "2050/51", "status": "draft"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["last_year"] == [
        "A strategy covers at most 10 financial years: check the last year"
    ]
    assert not Strategy.objects.exists()


def test_accepts_a_strategy_of_exactly_ten_years():
    strategy = StrategyFactory.build(first_year=2040, last_year=2049)

    strategy.full_clean()


def test_database_refuses_a_strategy_of_more_than_ten_years():
    strategy = StrategyFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Strategy.objects.filter(pk=strategy.pk).update(first_year=2040, last_year=2143)


def test_refuses_text_longer_than_its_maximum_beside_the_field(officer_client):
    activity = ActivityFactory()
    response = officer_client.get(reverse("partnerships:activity_edit", args=[activity.pk]))
    form = response.context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data.update(
        {
            "kind": activity.kind,
            "starts_on": "2026-06-01",
            "ends_on": "2026-06-04",
            "purpose": "x" * (9 * 1024 * 1024),
            "costs-TOTAL_FORMS": "0",
            "costs-INITIAL_FORMS": "0",
        }
    )
    data.pop("objectives", None)
    data.pop("ways_forward", None)

    response = officer_client.post(reverse("partnerships:activity_edit", args=[activity.pk]), data)

    assert response.status_code == 200
    assert response.context["form"].errors["purpose"] == ["Enter 10,000 characters or fewer"]
    activity.refresh_from_db()
    assert activity.purpose != "x" * 10


def test_database_refuses_text_longer_than_its_maximum():
    activity = ActivityFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(purpose="x" * 10_001)


@pytest.mark.parametrize("code", ["XXX", "ÄÖÜ", "ｅｕｒ", "E1R", "XAU"])
def test_refuses_a_cost_in_anything_but_an_iso_4217_currency(code):
    cost = CostFactory.build(activity=ActivityFactory(), currency=code, rate_to_gbp=Decimal("1.1"))

    with pytest.raises(ValidationError) as error:
        cost.full_clean()

    assert error.value.message_dict["currency"] == [
        "Select a currency from the list (ISO 4217 codes, like GBP, EUR or INR)"
    ]


@pytest.mark.parametrize("code", ["ÄÖÜ", "eur", "EU"])
def test_database_refuses_a_currency_that_is_not_three_uppercase_letters(code):
    cost = CostFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Cost.objects.filter(pk=cost.pk).update(currency=code)


def test_every_date_of_the_council_data_is_bounded_in_the_model_and_the_database():
    unbounded = []
    for model in council_models():
        for field in model._meta.concrete_fields:
            if type(field) is not models.DateField or is_history(model):
                continue
            checked = f"{model._meta.model_name}_{field.name}_in_bounds" in constraint_names(model)
            if validate_date_in_bounds not in field.validators or not checked:
                unbounded.append(f"{model.__name__}.{field.name}")
    assert not unbounded, "Use validators=DATE_BOUNDS and *dates_in_bounds(...) in the Meta"


NOT_POUNDS = {
    (Cost, "amount"),
    (Indicator, "baseline"),
    (IndicatorValue, "target"),
    (IndicatorValue, "actual"),
}


def test_every_amount_of_money_and_financial_year_is_bounded_in_the_model_and_the_database():
    unbounded = []
    for model in council_models():
        for field in model._meta.concrete_fields:
            # A cost's amount is in its own currency, capped by its own rule; indicators hold figures.
            if is_history(model) or (model, field.name) in NOT_POUNDS:
                continue
            name = f"{model._meta.model_name}_{field.name}_in_bounds"
            is_money = isinstance(field, models.DecimalField) and (
                field.max_digits,
                field.decimal_places,
            ) == (MONEY["max_digits"], MONEY["decimal_places"])
            capped = any(
                isinstance(validator, MaxValueValidator) and validator.limit_value == MAX_AMOUNT
                for validator in field.validators
            )
            if is_money and field.editable and not capped:
                unbounded.append(f"{model.__name__}.{field.name} (validator)")
            if (is_money or isinstance(field, FinancialYearField)) and name not in constraint_names(model):
                unbounded.append(f"{model.__name__}.{field.name} (constraint)")
    assert not unbounded, "Use MONEY_BOUNDS and *amounts_in_bounds(...), or *financial_years_in_bounds(...)"


def test_every_long_text_of_the_council_data_has_a_maximum_length_in_the_model_and_the_database():
    unbounded = []
    for model in council_models():
        if is_history(model):
            continue
        limits = {
            constraint.name: constraint.condition.rhs
            for constraint in model._meta.constraints
            if constraint.name.endswith("_max_length")
        }
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.TextField):
                continue
            name = f"{model._meta.model_name}_{field.name}_max_length"
            if not isinstance(field, BoundedTextField) or limits.get(name) != field.max_length:
                unbounded.append(f"{model.__name__}.{field.name}")
    assert not unbounded, "Use intlinks.bounds.BoundedTextField and *texts_in_bounds(...) in the Meta"


@pytest.mark.parametrize("code", ["GBP", "EUR", "INR", "NIO", "BGN", "DEM"])
def test_accepts_current_and_withdrawn_iso_4217_currencies_of_older_records(code):
    cost = CostFactory.build(activity=ActivityFactory(), currency=code, rate_to_gbp=Decimal("1"))

    cost.full_clean(exclude=["budget_line"])
