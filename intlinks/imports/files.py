"""Reading an uploaded spreadsheet (CSV or XLSX) into rows, refusing what is not one before parsing.

The file is checked by size first and by its first bytes second, so a 50 MB file or a photo is refused
with a clear message and never handed to a parser. Cells come back as they were typed: text, or the
number, date or time openpyxl read; a formula is kept as its text (starting "=") and never evaluated,
for the resource to refuse it beside its column.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from openpyxl import load_workbook

# The largest file accepted: a council's twenty years of activities fit in well under this.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
XLSX_MAGIC = b"PK\x03\x04"
TEXT_ENCODINGS = ("utf-8-sig", "cp1252")


@dataclass
class Sheet:
    """A table read from a file: its header (as typed) and its rows, each a list of cell values."""

    header: list[str]
    rows: list[list] = field(default_factory=list)
    # The number each row has in the spreadsheet (the header is row 1), for the preview to name it.
    line_numbers: list[int] = field(default_factory=list)


def refuse_if_too_large(size: int) -> None:
    """Refused before anything is read: the limit is in megabytes, as a person sees a file."""
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            f"The file is {size / 1024 / 1024:.1f} MB; the largest file accepted is "
            f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB. Split it into several files."
        )


def read_sheet(data: bytes, *, sheet_name: str = "") -> Sheet:
    """The first table of an XLSX workbook (the sheet called `sheet_name` if there is one) or of a CSV.

    Raises ValidationError when the file is too large, empty, or neither a workbook nor CSV text.
    """
    refuse_if_too_large(len(data))
    if not data.strip():
        raise ValidationError("The file is empty")
    if data.startswith(XLSX_MAGIC):
        values = _xlsx_values(data, sheet_name)
    else:
        values = _csv_values(data)
    return _sheet_from(values)


def _xlsx_values(data: bytes, sheet_name: str):
    try:
        # Not read-only: read-only worksheets may carry a wrong size and then lose trailing columns.
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    # SyntaxError: the XML parser's ParseError, for a workbook whose XML is damaged or hand-made (a cell
    # holding "&#0;").
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError) as error:
        raise ValidationError("The file is not a spreadsheet: save it as CSV or Excel (.xlsx)") from error
    names = {name.strip().lower(): name for name in workbook.sheetnames}
    worksheet = workbook[names.get(sheet_name.lower(), workbook.sheetnames[0])]
    return [list(row) for row in worksheet.iter_rows(values_only=True)]


def _csv_values(data: bytes):
    # Anywhere in the file, not only near its start: text holds no NUL character, and PostgreSQL stores
    # none (the preview quoting the cell could not be saved).
    if b"\x00" in data:
        raise ValidationError("The file is not a spreadsheet: save it as CSV or Excel (.xlsx)")
    for encoding in TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:
        raise ValidationError(f"The file could not be read as CSV: {error}") from error


def _is_blank(row) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in row)


def _sheet_from(values: list[list]) -> Sheet:
    lines = [(number, row) for number, row in enumerate(values, 1) if not _is_blank(row)]
    if not lines:
        raise ValidationError("The file has no rows")
    header_number, header_row = lines[0]
    header = [str(cell).strip() if cell is not None else "" for cell in header_row]
    while header and not header[-1]:
        header.pop()
    rows = lines[1:]
    if len(rows) > MAX_ROWS:
        raise ValidationError(f"The file has {len(rows):,} rows; import at most {MAX_ROWS:,} at a time")
    sheet = Sheet(header=header)
    for number, row in rows:
        cells = list(row[: len(header)]) + [None] * (len(header) - len(row))
        sheet.rows.append(cells)
        sheet.line_numbers.append(number)
    return sheet
