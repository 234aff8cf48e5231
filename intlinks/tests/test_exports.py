"""The export kit: one declaration of columns written alike to CSV and XLSX, labels and two-decimal money,
ISO dates, cells a spreadsheet would run made inert in both formats, streamed from chunks."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from intlinks.exports import Column, Export, cell_text, download

pytestmark = pytest.mark.django_db

HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"), newline="")))


def read_xlsx(response) -> list[list]:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [[cell.value for cell in row] for row in workbook.active.iter_rows()]


def export_of(records) -> tuple[Export, list]:
    export = Export(
        name="things",
        title="Things",
        about="Test things.",
        columns=[
            Column("Text", lambda thing: thing["text"]),
            Column("Amount (£)", lambda thing: thing["amount"], money=True),
            Column("On", lambda thing: thing["on"]),
            Column("Done", lambda thing: thing["done"]),
        ],
        read=iter,
    )
    return export, records


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("831.560000000000"), "831.56"),
        (Decimal("0"), "0.00"),
        (Decimal("12.345"), "12.35"),  # half up, as councils' finance systems round
        (None, ""),
    ],
)
def test_money_is_written_with_two_decimals_never_through_a_float(value, text):
    assert Column("Amount", lambda record: record, money=True).cell(value) == text


def test_dates_are_iso_booleans_yes_or_no_and_control_characters_dropped():
    assert cell_text(date(2002, 4, 1)) == "2002-04-01"
    assert (cell_text(True), cell_text(False)) == ("yes", "no")
    assert cell_text("Bell\x07 and null\x00") == "Bell and null"
    assert cell_text(Decimal("1.2500")) == "1.2500"  # a rate keeps its stored digits
    assert cell_text(Decimal("1E+2")) == "100"


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_both_formats_hold_the_same_cells_and_neutralise_every_formula(file_format):
    records = [
        {"text": text, "amount": Decimal("1.5"), "on": date(2026, 3, 31), "done": True} for text in HOSTILE
    ]
    export, rows = export_of(records)

    response = download(export, rows, file_format)
    cells = read_csv(response) if file_format == "csv" else read_xlsx(response)

    assert cells[0] == ["Text", "Amount (£)", "On", "Done"]
    # An XML reader reads a carriage return as a line feed (XML's own rule): the cell is still quoted.
    expected = [f"'{text}" if file_format == "csv" else f"'{text}".replace("\r", "\n") for text in HOSTILE]
    assert [row[0] for row in cells[1:]] == expected
    assert cells[1][1:] == ["1.50", "2026-03-31", "yes"]


def test_no_xlsx_cell_is_a_formula():
    export, rows = export_of([{"text": "=1+1", "amount": None, "on": None, "done": False}])

    response = download(export, rows, "xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))

    assert {cell.data_type for row in workbook.active.iter_rows() for cell in row} <= {"s", "inlineStr", "n"}


def test_the_xlsx_is_an_attachment_named_after_the_list():
    export, rows = export_of([])

    response = download(export, rows, "xlsx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="things-')
    assert response["Content-Disposition"].endswith('.xlsx"')
