import csv
import io
from decimal import Decimal

from intlinks.csv_export import csv_download


def test_text_a_spreadsheet_would_run_is_quoted_but_numbers_are_not():
    response, writer = csv_download(filename="register.csv")

    writer.writerow(['=HYPERLINK("http://x")', "-2 + 3", "@SUM(A1)", "Krefeld", Decimal("-86.09"), -3])

    assert response["Content-Disposition"] == 'attachment; filename="register.csv"'
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    row = next(csv.reader(io.StringIO(response.content.decode())))
    assert row == ['\'=HYPERLINK("http://x")', "'-2 + 3", "'@SUM(A1)", "Krefeld", "-86.09", "-3"]
