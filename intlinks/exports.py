"""Every list's downloads, declared once: its columns (a label and how to read the value), written the
same way to CSV and to XLSX, streamed, and gathered into the whole-council export.

A list declares an `Export`: its name (the file's), a title and a sentence for the whole-council
README, its `Column`s, how its records are read in chunks (`read`) and, for the whole-council export,
which records it holds (`everything`). Each cell goes through `cell_text`: choices arrive as their
labels (the column asks `get_FOO_display`), money as two decimals from `intlinks.money` (never through
a float: openpyxl writes a Decimal as a float, 831.56 becoming 831.5599999999999, so money is text in
both formats), dates in ISO form, yes/no for booleans, and text a spreadsheet would run made inert.

Both formats stream: the CSV through `intlinks.csv_export` as the rows are read; the XLSX through
openpyxl's write-only workbook into a temporary file (a workbook is a zip, written whole before its
first byte can be sent), so memory stays that of one chunk of records whatever the number of rows.
"""

import csv
import io
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.urls import path
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from intlinks.csv_export import BYTE_ORDER_MARK, csv_stream, in_chunks, spreadsheet_safe
from intlinks.money import to_pennies

FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Money:
    """A column's value that is an amount of money: written with two decimals."""

    amount: Decimal | None


@dataclass(frozen=True)
class Column:
    """One column of an export: its heading, how its value is read from a record, what it means."""

    label: str
    value: Callable[[Any], Any]
    about: str = ""
    money: bool = False

    def cell(self, record) -> str | int:
        value = self.value(record)
        return cell_text(Money(value) if self.money else value)


def cell_text(value) -> str | int:
    """A value as both formats write it: text, or a whole number."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return "" if value.amount is None else f"{to_pennies(value.amount):.2f}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return f"{value:f}"  # a rate or a measure: its stored digits, never in exponent form
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    # Control characters a worksheet cannot hold (openpyxl refuses them) mean nothing in a register.
    return spreadsheet_safe(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def read_in_chunks(queryset: QuerySet) -> Iterator:
    return in_chunks(queryset)


@dataclass(frozen=True)
class Export:
    """A list's columns and how its records are read: the one declaration both formats and the
    whole-council export use."""

    name: str  # the file's name without its date and extension, e.g. "activities"
    title: str
    about: str
    columns: Sequence[Column]
    # Records of a queryset in its order, read a chunk at a time (with what each chunk needs).
    read: Callable[[QuerySet], Iterable] = read_in_chunks
    # Every current record of the kind, in a stable order: the whole-council export's file.
    everything: Callable[[], QuerySet] | None = field(default=None, compare=False)

    @property
    def header(self) -> list[str]:
        return [column.label for column in self.columns]

    def rows(self, queryset: QuerySet) -> Iterator[list]:
        for record in self.read(queryset):
            yield [column.cell(record) for column in self.columns]

    def filename(self, file_format: str) -> str:
        return f"{self.name}-{timezone.localdate():%Y-%m-%d}.{file_format}"


def download(
    export: Export, queryset: QuerySet, file_format: str, *, name: str = ""
) -> StreamingHttpResponse:
    """`queryset` (the list's, filtered as the page is) as an attachment in `file_format`."""
    filename = f"{name}.{file_format}" if name else export.filename(file_format)
    if file_format == "xlsx":
        return xlsx_download(export, queryset, filename=filename)
    return csv_stream(filename=filename, header=export.header, rows=export.rows(queryset))


def xlsx_download(export: Export, queryset: QuerySet, *, filename: str) -> FileResponse:
    """One worksheet with a bold header, written to a temporary file that is deleted once sent."""
    file = tempfile.TemporaryFile(suffix=".xlsx")
    write_workbook(file, export, queryset)
    file.seek(0)
    response = FileResponse(file, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
    response["X-Accel-Buffering"] = "no"
    return response


def write_workbook(file, export: Export, queryset: QuerySet) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(export.title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for label in export.header:
        cell = WriteOnlyCell(sheet, value=cell_text(label))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    # As for the CSV: a chunked read outside a transaction is computed in full before its first row.
    with transaction.atomic():
        for row in export.rows(queryset):
            sheet.append(row)
    workbook.save(file)


def export_urls(route: str, view, *, name: str) -> list:
    """The CSV and XLSX addresses of one list's download: `route.csv` named `name`, `route.xlsx` named
    `name` with `_xlsx` in place of a final `_csv` (or added). The view takes `file_format`."""
    return [
        path(f"{route}.csv", view, {"file_format": "csv"}, name=name),
        path(f"{route}.xlsx", view, {"file_format": "xlsx"}, name=xlsx_url_name(name)),
    ]


def xlsx_url_name(csv_url_name: str) -> str:
    return f"{csv_url_name.removesuffix('_csv')}_xlsx"


# The exports of the whole council, registered by each app when it is ready (as `strategy.spending`
# is fed): the shell gathers them without importing the domain apps.
_REGISTERED: dict[str, Export] = {}


def register(*exports: Export) -> None:
    for export in exports:
        if export.everything is None:
            raise ValueError(f"{export.name} has no `everything`: it cannot join the whole-council export")
        _REGISTERED[export.name] = export


def registered() -> list[Export]:
    """Every kind of council record the whole-council export holds, in the order the apps registered."""
    return list(_REGISTERED.values())


def council_readme(exports: Sequence[Export], *, council: str, made_at: datetime) -> str:
    """The whole-council export's README.txt, written from the column declarations themselves."""
    lines = [
        f"Every current record of {council}'s international links, exported {made_at:%Y-%m-%d %H:%M}.",
        "",
        "One CSV file per kind of record, UTF-8 (with a byte-order mark, for Excel), with a header row.",
        "Money is in pounds with two decimals unless a column says otherwise; dates are YYYY-MM-DD; yes/no",
        "columns hold yes or no. Text that a",
        "spreadsheet would run as a formula starts with an apostrophe. Records withdrawn from the register",
        "(archived) are not included; they stay in the service with who archived them and why.",
    ]
    for export in exports:
        lines += ["", f"{export.name}.csv: {export.title}", f"  {export.about}"]
        for column in export.columns:
            about = f": {column.about}" if column.about else ""
            lines.append(f"  - {column.label}{about}")
    return "\n".join(lines) + "\n"


def write_council_zip(file, *, council: str) -> dict[str, int]:
    """Every registered kind as `<name>.csv` in a zip written to `file`, with its README.txt; returns
    the rows written per file. Each CSV is written into the zip as it is read, a chunk at a time."""
    exports = registered()
    counts = {}
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive, one_snapshot():
        archive.writestr("README.txt", council_readme(exports, council=council, made_at=timezone.localtime()))
        for export in exports:
            with archive.open(f"{export.name}.csv", "w") as member, transaction.atomic():
                counts[export.name] = _write_csv(member, export)
    return counts


@contextmanager
def one_snapshot():
    """One transaction whose every query sees the database as it was at its first (PostgreSQL's
    REPEATABLE READ, read only): the zip's files agree with each other, however long it takes to write
    and whatever colleagues save meanwhile. Inside a transaction already begun (a test's), that one is
    used; the embedded SQLite reads file by file, as before, rather than hold its write lock throughout."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _write_csv(member, export: Export) -> int:
    text = io.TextIOWrapper(member, encoding="utf-8", newline="")
    text.write(BYTE_ORDER_MARK)
    writer = csv.writer(text)
    writer.writerow(export.header)
    count = 0
    for row in export.rows(export.everything()):
        writer.writerow([spreadsheet_safe(value) for value in row])
        count += 1
    text.flush()
    text.detach()
    return count


def council_zip_download(*, council: str) -> FileResponse:
    """The whole-council export as an attachment, built in a temporary file deleted once sent."""
    file = tempfile.TemporaryFile(suffix=".zip")
    write_council_zip(file, council=council)
    file.seek(0)
    filename = f"international-links-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(file, as_attachment=True, filename=filename, content_type="application/zip")
