"""CSV downloads that a spreadsheet opens safely: the one way every page exports a table."""

import csv

from django.http import HttpResponse

# A spreadsheet runs a text cell starting with one of these as a formula, so such text is quoted.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text that a spreadsheet would run as a formula, made inert; numbers and dates stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class SafeWriter:
    def __init__(self, stream):
        self._writer = csv.writer(stream)

    def writerow(self, row) -> None:
        self._writer.writerow([spreadsheet_safe(value) for value in row])


def csv_download(*, filename: str) -> tuple[HttpResponse, SafeWriter]:
    """An attachment response named `filename` and a writer whose rows are spreadsheet-safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, SafeWriter(response)
