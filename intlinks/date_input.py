"""The GOV.UK date input: a date typed as day, month and year, with the design system's error messages.

https://design-system.service.gov.uk/components/date-input/ . The three boxes are posted as
`<name>_0` (day), `<name>_1` (month) and `<name>_2` (year), with ids `id_<name>_0` to `id_<name>_2`.

A single value posted under `<name>` itself ("2026-10-01", or "31/03/2017" as people write it) is
accepted too: scripts and the tests that post forms without a browser send one value, as the browser
date picker this input replaced did.

An error names the boxes it is about (`params["parts"]`), so that only those are outlined in red and the
error summary links to the first of them; an error that names none (a bound, a rule of the form such as
"the end date must be after the start date") is about the whole date.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError

DAY, MONTH, YEAR = 0, 1, 2
PARTS = ("day", "month", "year")
WHOLE_DATE = (DAY, MONTH, YEAR)
HINT = "For example, 27 3 2026"
SINGLE_VALUE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
# What each box may hold before it is read as a number: ASCII digits only (not "²" or "٣"), and no more
# than a day or a month can have; a year of other than 4 numbers has its own message.
BOX_PATTERNS = (re.compile(r"[0-9]{1,2}"), re.compile(r"[0-9]{1,2}"), re.compile(r"[0-9]+"))


def date_parts_of(value) -> tuple[str, str, str]:
    """The day, month and year to show in the boxes: of a date, of a single typed value, or as posted."""
    if isinstance(value, list | tuple):
        return tuple((str(part) if part is not None else "") for part in (list(value) + ["", "", ""])[:3])
    if isinstance(value, str):
        value = _parse_single_value(value.strip())
    if isinstance(value, datetime.date):
        return str(value.day), str(value.month), str(value.year)
    return "", "", ""


def _parse_single_value(text: str) -> datetime.date | None:
    for date_format in SINGLE_VALUE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


class GovukDateInput(forms.MultiWidget):
    """Three text boxes; reads the boxes, or one value under the field's own name (see the module)."""

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput(attrs={"inputmode": "numeric"}) for _ in PARTS], attrs)

    def decompress(self, value):
        return list(date_parts_of(value))

    def value_from_datadict(self, data, files, name):
        parts = super().value_from_datadict(data, files, name)
        if all(part is None for part in parts) and name in data:
            return data.get(name)
        return parts

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and name not in data


class GovukDateField(forms.DateField):
    """A date typed in the GOV.UK date input. Its messages name the field by its label."""

    widget = GovukDateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", SINGLE_VALUE_FORMATS)
        super().__init__(**kwargs)

    @classmethod
    def replacing(cls, field: forms.DateField) -> "GovukDateField":
        """The same field (label, requirement, validators, help, initial value) as a GOV.UK date input."""
        replacement = cls(
            required=field.required,
            label=field.label,
            initial=field.initial,
            help_text=field.help_text,
            disabled=field.disabled,
            validators=[v for v in field.validators if v not in field.default_validators],
        )
        replacement.error_messages.update(
            {code: message for code, message in field.error_messages.items() if code == "required"}
        )
        return replacement

    @property
    def label_in_messages(self) -> str:
        label = str(self.label or "date")
        return label[:1].upper() + label[1:]

    def _error(self, message: str, parts, code: str) -> ValidationError:
        # With params, Django formats the message with %: a "%" of the label must stay a "%".
        return ValidationError(message.replace("%", "%%"), code=code, params={"parts": tuple(parts)})

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return self._date_from_parts(value)
        try:
            return super().to_python(value)
        except ValidationError:
            raise self._error(
                f"{self.label_in_messages} must be a real date", WHOLE_DATE, "invalid"
            ) from None

    def _date_from_parts(self, value) -> datetime.date | None:
        day, month, year = parts = [str(part or "").strip() for part in date_parts_of(value)]
        if not any(parts):
            return None  # `required` decides: "Enter the <label>"
        missing = [index for index, part in enumerate(parts) if not part]
        if missing:
            names = " and ".join(PARTS[index] for index in missing)
            raise self._error(f"{self.label_in_messages} must include a {names}", missing, "incomplete")
        not_numbers = [index for index, part in enumerate(parts) if not BOX_PATTERNS[index].fullmatch(part)]
        if not_numbers:
            raise self._error(f"{self.label_in_messages} must be a real date", not_numbers, "invalid")
        if len(year) != 4:
            raise self._error("Year must include 4 numbers", [YEAR], "year_digits")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise self._error(
                f"{self.label_in_messages} must be a real date", _impossible_parts(day, month), "invalid"
            ) from None

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        try:
            return self.to_python(data) != self.to_python(initial)
        except ValidationError:
            return True


def _impossible_parts(day: str, month: str) -> list[int]:
    """The boxes that make a date impossible: a 13th month, or a day the month does not have."""
    if not 1 <= int(month) <= 12:
        return [MONTH] if 1 <= int(day) <= 31 else [DAY, MONTH]
    return [DAY]


def error_parts(bound_field) -> set[int]:
    """The boxes the field's errors are about; an error naming none is about the whole date."""
    parts: set[int] = set()
    for error in bound_field.errors.as_data():
        parts.update((error.params or {}).get("parts", WHOLE_DATE))
    return parts


def error_anchors(bound_field) -> list[tuple[str, str]]:
    """Each error of a date field with the id of the first box it is about (for the error summary)."""
    anchors = []
    for error in bound_field.errors.as_data():
        parts = (error.params or {}).get("parts", WHOLE_DATE)
        for message in error.messages:
            anchors.append((f"{bound_field.auto_id}_{min(parts)}", message))
    return anchors


def is_date_input(bound_field) -> bool:
    return isinstance(bound_field.field.widget, GovukDateInput)
