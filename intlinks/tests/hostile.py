"""What a careless or dishonest person types, as hypothesis strategies, one per kind of field.

Shared by the form pages' test (`test_hostile_input.py`) and the import's (`test_hostile_import.py`):
a field's kind is read from the page's HTML (a select, a date box, a number, free text), and each kind
is attacked with what breaks such a field: text with NUL bytes, control characters, right-to-left
marks and 10,000+ characters; numbers huge, negative, "1e309" and "NaN", money with many decimals;
dates in year 0, 1, 9999 and 10000 and the 31st of February; ids of records missing or archived.
"""

from django.apps import apps
from django.db import connection
from hypothesis import strategies as st

# The run is bounded by the profile (conftest.py: `ci` by default, `thorough` by HYPOTHESIS_PROFILE).

CONTROL = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff"]
RTL = ["\u202e", "\u200f", "\u2066", "\u061c"]
ODD_TEXT = [
    "nul\x00byte",
    "\u202egnp.exe",
    '=HYPERLINK("http://x")',
    "<script>alert(1)</script>",
    "'; DROP TABLE x; --",
    "%(label)s %s {0}",
    "ÄÖÜ",
    "ｅｕｒ",
    "\U0001f600",
    " ",
    "",
]
NUMBERS = [
    "1e309",
    "-1e309",
    "1e400",
    "1e-400",
    "NaN",
    "-NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "inf",
    "-0",
    "0x10",
    "1,000",
    "£5",
    "1_000",
    "٣",
    "9999999999.99",
    "1000000.01",
    "99999999999999999999",
    "-99999999999999999999",
    "9" * 400,
]
DATES = ["0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "31/02/2017", "2017-02-31", "2017-13-01"]
YEARS = ["0", "1", "0000", "0001", "1899", "2101", "9999", "10000", "-1", "99999999999999999999", "٢٠١٧"]
DAYS_AND_MONTHS = ["0", "00", "-1", "13", "29", "30", "31", "32", "99", "1.5", "²"]
FINANCIAL_YEARS = ["0/01", "9999/00", "1899/00", "2100/01", "2040/41", "2016/18", "2016-17", "/"]
MISSING_IDS = ["0", "-1", "999999999", "2147483648", "9223372036854775808", "1.0", "abc", "1 OR 1=1"]


def long_text() -> st.SearchStrategy[str]:
    """10,000 to 20,000 characters, past every text bound, with a hostile character somewhere."""
    return st.builds(
        lambda length, mark, at: ("a" * length)[:at] + mark + ("a" * length)[at:],
        st.integers(10_000, 20_000),
        st.sampled_from(CONTROL + RTL + ["é"]),
        st.integers(0, 10_000),
    )


def text() -> st.SearchStrategy[str]:
    """Any text a person (or a script) can post: unicode, control characters, RTL marks, long."""
    return st.one_of(
        st.text(max_size=60),
        st.text(alphabet=st.sampled_from(CONTROL + RTL + list("ab1 /-.")), max_size=30),
        st.sampled_from(ODD_TEXT),
        long_text(),
    )


def number() -> st.SearchStrategy[str]:
    """A number as typed: past the ceiling, negative, not finite, with many decimals, or no number."""
    return st.one_of(
        st.sampled_from(NUMBERS),
        st.integers(-(10**30), 10**30).map(str),
        st.decimals(allow_nan=False, allow_infinity=False, places=12).map(str),
        st.floats().map(repr),
        text(),
    )


def money() -> st.SearchStrategy[str]:
    """An amount of money: many decimals, past the one ceiling, below zero, or no number at all."""
    return st.one_of(
        st.builds(
            lambda pounds, pence: f"{pounds}.{pence}",
            st.integers(-(10**8), 10**8),
            st.text(alphabet="0123456789", min_size=3, max_size=40),
        ),
        number(),
    )


def date_box(part: int) -> st.SearchStrategy[str]:
    """One box of a GOV.UK date input: 0 day, 1 month, 2 year."""
    if part == 2:
        return st.one_of(st.sampled_from(YEARS), st.integers(-10, 12_000).map(str), text())
    return st.one_of(st.sampled_from(DAYS_AND_MONTHS), st.integers(-5, 100).map(str), text())


def single_date() -> st.SearchStrategy[str]:
    """A whole date posted under the field's own name, as a script posts it."""
    return st.one_of(
        st.sampled_from(DATES), st.dates().map(str), st.dates().map(lambda d: d.strftime("%d/%m/%Y"))
    )


def choice(options: list[str], archived_ids: list[str]) -> st.SearchStrategy[str]:
    """A select's value: one it offers, an id that names nothing, or an archived record's id."""
    return st.one_of(
        st.sampled_from(options or [""]),
        st.sampled_from(MISSING_IDS),
        st.sampled_from(archived_ids or ["0"]),
        text(),
    )


def checkbox() -> st.SearchStrategy[str]:
    return st.sampled_from(["on", "", "off", "true", "0", "\x00", "a" * 10_001])


def anything() -> st.SearchStrategy[str]:
    """Any hostile value, for a field whose kind the page does not say (and for spreadsheet cells)."""
    return st.one_of(
        text(),
        number(),
        st.sampled_from(DATES + FINANCIAL_YEARS + YEARS),
        single_date(),
        st.sampled_from(MISSING_IDS),
    )


def council_tables() -> list[str]:
    return [
        model._meta.db_table
        for app in ("strategy", "partnerships", "reporting")
        for model in apps.get_app_config(app).get_models()
    ]


def table_checksums(tables: list[str]) -> tuple[str, ...]:
    """A digest of every row of every table, in one query: a refused post that changed a row (not only
    one that added a row) shows here."""
    digests = ", ".join(
        f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
        f"{connection.ops.quote_name(table)} t)"
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {digests}")
        return cursor.fetchone()
