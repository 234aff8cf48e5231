"""Bounds on what people type: dates, long text and currencies (money is bounded in `intlinks.money`,
financial years in `strategy.fields`).

Each bound is enforced twice: a validator gives a clear message beside the field, and a database CHECK
constraint keeps out whatever skips the form (the admin, a shell, a script). A value outside them is a
typing mistake, not a record: a visit in year 1 or 9999, a 9 MB "purpose", a currency called "ÄÖÜ".
"""

from datetime import date, datetime

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

# Longest text in a narrative field (purpose, outcomes, notes): about four pages.
TEXT_MAX_LENGTH = 10_000
# Longest "source" (where a fact came from: a document and a page).
SOURCE_MAX_LENGTH = 1_000


def earliest_date() -> date:
    return date(settings.EARLIEST_YEAR, 1, 1)


def latest_date() -> date:
    return date(settings.LATEST_YEAR, 12, 31)


def date_bounds_message() -> str:
    return f"Enter a date between 1 January {settings.EARLIEST_YEAR} and 31 December {settings.LATEST_YEAR}"


def validate_date_in_bounds(value: date) -> None:
    """Refuse a date (or the day of a date and time) outside settings.EARLIEST_YEAR–LATEST_YEAR."""
    day = value.date() if isinstance(value, datetime) else value
    if not earliest_date() <= day <= latest_date():
        raise ValidationError(date_bounds_message(), code="date_out_of_bounds")


# Validators for every date people type: `validators=DATE_BOUNDS`, with `dates_in_bounds` in the Meta.
DATE_BOUNDS = [validate_date_in_bounds]


def dates_in_bounds(*fields: str) -> list[models.CheckConstraint]:
    """The database half of `validate_date_in_bounds`: one CHECK constraint per named date field.

    An empty (NULL) date passes, as SQL's CHECK lets it; whether a date is required is the field's rule.
    """
    return [
        models.CheckConstraint(
            condition=Q(**{f"{field}__range": (earliest_date(), latest_date())}),
            name=f"%(class)s_{field}_in_bounds",
            violation_error_message=date_bounds_message(),
        )
        for field in fields
    ]


class BoundedTextField(models.TextField):
    """A TextField whose `max_length` is enforced by the form (maxlength and a message) and the model
    (`full_clean`); `texts_in_bounds` in the model's Meta adds the database's CHECK."""

    def __init__(self, *args, max_length: int = TEXT_MAX_LENGTH, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(
            MaxLengthValidator(
                max_length, message=f"Enter {max_length:,} characters or fewer (this has %(show_value)s)"
            )
        )


def texts_in_bounds(*fields: str, max_length: int = TEXT_MAX_LENGTH) -> list[models.CheckConstraint]:
    """The database half of `BoundedTextField`: one CHECK on the length in characters of each field.

    (A field's own `db_check` would be neater, but Django's AlterField ignores it on existing tables.)
    """
    return [
        models.CheckConstraint(
            condition=LessThanOrEqual(Length(field), max_length),
            name=f"%(class)s_{field}_max_length",
            violation_error_message=f"Enter {max_length:,} characters or fewer",
        )
        for field in fields
    ]


# ISO 4217 codes that name no money anyone pays a bill in: precious metals, IMF and bond-market units,
# the test code and "no currency" (XXX).
NOT_SPENDABLE = {"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"}
# Withdrawn currencies (ISO 4217 list three) still on the council's older records: the national
# currencies the euro replaced in partner countries, and the lev (euro from 2026), which the current
# list no longer holds.
WITHDRAWN = {
    "ATS": "Austrian Schilling",
    "BEF": "Belgian Franc",
    "BGN": "Bulgarian Lev",
    "CYP": "Cyprus Pound",
    "DEM": "Deutsche Mark",
    "EEK": "Kroon",
    "ESP": "Spanish Peseta",
    "FIM": "Markka",
    "FRF": "French Franc",
    "GRD": "Drachma",
    "HRK": "Kuna",
    "IEP": "Irish Pound",
    "ITL": "Italian Lira",
    "LTL": "Lithuanian Litas",
    "LUF": "Luxembourg Franc",
    "LVL": "Latvian Lats",
    "MTL": "Maltese Lira",
    "NLG": "Netherlands Guilder",
    "PTE": "Portuguese Escudo",
    "SIT": "Tolar",
    "SKK": "Slovak Koruna",
}
CURRENCIES = {
    **WITHDRAWN,
    **{
        currency.alpha_3: currency.name
        for currency in pycountry.currencies
        if currency.alpha_3 not in NOT_SPENDABLE
    },
}


def currency_choices() -> list[tuple[str, str]]:
    """Every spendable ISO 4217 currency as (code, "GBP – Pound Sterling"), pounds first, then by code."""
    codes = ["GBP", *sorted(code for code in CURRENCIES if code != "GBP")]
    return [(code, f"{code} – {CURRENCIES[code]}") for code in codes]


def is_currency(code: str) -> bool:
    """Whether `code` is a spendable ISO 4217 code, exactly as stored: three uppercase ASCII letters."""
    return code in CURRENCIES


def currency_code_constraint(field: str) -> models.CheckConstraint:
    """The database half of `is_currency`: three uppercase ASCII letters (the list itself can grow)."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__regex": r"^[A-Z]{3}$"}),
        name=f"%(class)s_{field}_is_a_code",
        violation_error_message="Select a currency from the list",
    )
