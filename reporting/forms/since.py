"""The two dates of "since the last meeting", read from the page's address (a GET form)."""

from datetime import date

from django import forms

from intlinks.bounds import DATE_BOUNDS
from intlinks.date_input import GovukDateField
from intlinks.forms import gds_layout
from reporting.selectors.since import default_period


class SinceForm(forms.Form):
    start = GovukDateField(label="From", validators=DATE_BOUNDS)
    end = GovukDateField(label="To", validators=DATE_BOUNDS)

    # The address names the fields ?from=…&to=… (`from` is a Python keyword, so not a field's name).
    PARAMETERS = {"start": "from", "end": "to"}

    def __init__(self, query=None, *, today: date | None = None):
        start, end, self.last_meeting = default_period(today=today)
        data = {"from": start.isoformat(), "to": end.isoformat()}
        # Either the boxes of a date input (from_0, from_1, from_2) or one value (?from=2026-01-01):
        # boxes in the address win over the default's single value (intlinks.date_input).
        names = [f"{name}{part}" for name in list(data) for part in ("", "_0", "_1", "_2")]
        data.update({name: query[name] for name in names if query and name in query})
        super().__init__(data)
        self.helper = gds_layout(self, "Show changes")
        self.helper.form_method = "get"

    def add_prefix(self, field_name):
        return self.PARAMETERS.get(field_name, field_name)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", "The end date must be the same as or after the start date")
        return cleaned
