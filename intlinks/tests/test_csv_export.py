import csv
import io
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse

from intlinks.csv_export import csv_stream

# The writer reads its rows inside one database transaction.
pytestmark = pytest.mark.django_db


def read(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_text_a_spreadsheet_would_run_is_quoted_but_numbers_are_not():
    response = csv_stream(
        filename="register.csv",
        header=["=header"],
        rows=[['=HYPERLINK("http://x")', "-2 + 3", "@SUM(A1)", "Krefeld", Decimal("-86.09"), -3]],
    )

    assert response["Content-Disposition"] == 'attachment; filename="register.csv"'
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert read(response) == [
        ["'=header"],
        ['\'=HYPERLINK("http://x")', "'-2 + 3", "'@SUM(A1)", "Krefeld", "-86.09", "-3"],
    ]


def test_the_header_is_sent_before_any_row_is_read():
    read_rows = []

    def rows():
        for number in range(3):
            read_rows.append(number)
            yield [number]

    response = csv_stream(filename="x.csv", header=["Number"], rows=rows())
    first = next(iter(response.streaming_content))

    assert isinstance(response, StreamingHttpResponse)
    assert first == "\ufeffNumber\r\n".encode()
    assert read_rows == []


def test_rows_arrive_in_their_order_in_batches_not_one_write_each(monkeypatch):
    monkeypatch.setattr("intlinks.csv_export.ROWS_PER_WRITE", 4)
    response = csv_stream(filename="x.csv", header=["Number"], rows=([n] for n in range(10)))

    chunks = list(response.streaming_content)

    assert [chunk.count(b"\r\n") for chunk in chunks] == [1, 4, 4, 2]
    assert b"".join(chunks).decode("utf-8-sig").split() == ["Number", *[str(n) for n in range(10)]]


def test_an_empty_export_is_its_header_alone():
    response = csv_stream(filename="x.csv", header=["Title", "Kind"], rows=[])

    assert read(response) == [["Title", "Kind"]]


def excel_reads(data: bytes) -> str:
    """What Excel on Windows sees: UTF-8 when the file starts with the byte-order mark, else the local
    code page (Windows-1252 in the UK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    return data.decode("cp1252", errors="replace")


def test_excel_reads_non_ascii_place_names_intact_thanks_to_the_byte_order_mark():
    response = csv_stream(filename="places.csv", header=["Place"], rows=[["Kraków"], ["Dvůr Králové"]])

    data = response.getvalue()

    assert data.startswith(b"\xef\xbb\xbf")
    assert excel_reads(data).split("\r\n")[:3] == ["Place", "Kraków", "Dvůr Králové"]
