from datetime import date

import factory
import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from strategy.financial_years import (
    FinancialYear,
    financial_year_expression,
    financial_year_of,
    years_between,
)
from strategy.models import Action
from strategy.tests.factories import ActionFactory


def test_31_march_belongs_to_the_year_that_began_the_april_before():
    assert financial_year_of(date(2017, 3, 31)) == FinancialYear(2016)


def test_1_april_starts_a_new_financial_year():
    assert financial_year_of(date(2017, 4, 1)) == FinancialYear(2017)


def test_a_year_is_shown_as_the_council_writes_it():
    assert FinancialYear(2016).label == "2016/17"
    assert FinancialYear(1999).label == "1999/00"
    assert str(FinancialYear(2002)) == "2002/03"


def test_first_and_last_days_run_april_to_march():
    year = FinancialYear(2016)
    assert (year.first_day, year.last_day) == (date(2016, 4, 1), date(2017, 3, 31))
    assert date(2017, 3, 31) in year
    assert date(2017, 4, 1) not in year


def test_leap_year_ends_on_31_march_and_quarter_ends_are_the_reporting_dates():
    assert FinancialYear(2023).quarter_ends() == [
        date(2023, 6, 30),
        date(2023, 9, 30),
        date(2023, 12, 31),
        date(2024, 3, 31),
    ]


@pytest.mark.parametrize("text", ["2016/17", "2016-17", "2016–17", " 2016/2017 ", "2016"])
def test_parses_the_ways_people_type_a_year(text):
    assert FinancialYear.parse(text) == FinancialYear(2016)


@pytest.mark.parametrize("text", ["2016/18", "16/17", "next year", "", "2016/2018"])
def test_refuses_what_is_not_a_financial_year(text):
    with pytest.raises(ValidationError):
        FinancialYear.parse(text)


@override_settings(FINANCIAL_YEAR_START_MONTH=1)
def test_a_january_start_makes_the_financial_year_the_calendar_year():
    assert financial_year_of(date(2017, 1, 1)) == FinancialYear(2017)
    assert financial_year_of(date(2016, 12, 31)) == FinancialYear(2016)
    assert FinancialYear(2017).label == "2017"
    assert FinancialYear(2017).last_day == date(2017, 12, 31)


@override_settings(FINANCIAL_YEAR_START_MONTH=7)
def test_the_start_month_is_a_setting():
    assert financial_year_of(date(2017, 6, 30)) == FinancialYear(2016)
    assert financial_year_of(date(2017, 7, 1)) == FinancialYear(2017)
    assert FinancialYear(2016).last_day == date(2017, 6, 30)


def test_years_between_includes_both_ends():
    assert [y.label for y in years_between(FinancialYear(2008), FinancialYear(2011))] == [
        "2008/09",
        "2009/10",
        "2010/11",
        "2011/12",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("start_month", [1, 4, 7])
def test_the_sql_expression_agrees_with_financial_year_of(settings, start_month):
    settings.FINANCIAL_YEAR_START_MONTH = start_month
    days = [date(2017, month, day) for month in range(1, 13) for day in (1, 28)]
    ActionFactory.create_batch(len(days), start_date=factory.Iterator(days), due_date=date(2019, 1, 1))

    rows = Action.objects.annotate(year=financial_year_expression("start_date")).values("start_date", "year")

    assert {row["start_date"]: row["year"] for row in rows} == {
        day: financial_year_of(day).start for day in days
    }
