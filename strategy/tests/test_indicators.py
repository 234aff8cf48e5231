"""Indicators: a year's target and actual within the strategy, the table and its CSV."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from strategy import services
from strategy.models import IndicatorValue
from strategy.tests.factories import IndicatorFactory, IndicatorValueFactory, StrategyFactory

pytestmark = pytest.mark.django_db


def test_refuses_a_target_for_a_year_outside_the_strategy():
    indicator = IndicatorFactory(strategy=StrategyFactory(first_year=2024, last_year=2027))

    with pytest.raises(ValidationError) as error:
        services.indicator_value_record(
            indicator=indicator, financial_year=2030, target=Decimal("5"), actual=None
        )

    assert "within the strategy" in error.value.message_dict["financial_year"][0]
    assert not IndicatorValue.objects.exists()


def test_recording_a_year_again_replaces_its_target_and_actual():
    indicator = IndicatorFactory()
    services.indicator_value_record(
        indicator=indicator, financial_year=2025, target=Decimal("60"), actual=None
    )
    services.indicator_value_record(
        indicator=indicator, financial_year=2025, target=Decimal("60"), actual=Decimal("58.5"), note="Survey"
    )

    value = IndicatorValue.objects.get()
    assert (value.target, value.actual, value.note) == (Decimal("60.00"), Decimal("58.50"), "Survey")


def test_a_target_outside_the_strategy_is_refused(officer_client):
    indicator = IndicatorFactory(strategy=StrategyFactory(first_year=2024, last_year=2027))

    response = officer_client.post(
        f"/strategy/indicators/{indicator.pk}/values/", {"financial_year": "2031/32", "target": "50"}
    )

    assert "Choose a year within the strategy, 2024/25 to 2027/28" in response.content.decode()
    assert not indicator.values.exists()


def test_indicator_table_and_csv_show_target_and_actual_per_year(officer_client):
    value = IndicatorValueFactory(
        indicator=IndicatorFactory(national_indicator="NI 1"),
        target=Decimal("60.00"),
        actual=Decimal("58.50"),
    )
    strategy_id = value.indicator.strategy_id

    page = officer_client.get(f"/strategy/{strategy_id}/indicators/").content.decode()
    rows = list(
        csv.DictReader(
            io.StringIO(
                officer_client.get(f"/strategy/{strategy_id}/indicators.csv").getvalue().decode("utf-8-sig")
            )
        )
    )

    assert "NI 1:" in page
    assert "58.50" in page
    assert [r["Financial year"] for r in rows] == ["2024/25", "2025/26", "2026/27", "2027/28"]
    assert (rows[1]["Target"], rows[1]["Actual"]) == ("60.00", "58.50")
