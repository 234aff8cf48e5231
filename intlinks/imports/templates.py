"""The downloadable template of each kind: its columns, then example rows marked as examples."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from intlinks.csv_export import spreadsheet_safe
from intlinks.imports.kinds import EXAMPLE_COLUMN, EXAMPLE_MARK, ImportKind


def template_rows(kind: ImportKind) -> tuple[list[str], list[list[str]]]:
    headers = [EXAMPLE_COLUMN, *kind.resource.headers()]
    rows = [
        [EXAMPLE_MARK, *(example.get(h, "") for h in headers[1:])] for example in kind.resource.example_rows
    ]
    return headers, rows


def template_csv(kind: ImportKind) -> bytes:
    headers, rows = template_rows(kind)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(kind: ImportKind) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = kind.sheet_name[:31]
    headers, rows = template_rows(kind)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_safe(cell) for cell in row])
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = max(12, len(str(column[0].value)) + 4)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
