"""The annual matrix of international activity: the page, and the same rows as CSV and as XLSX."""

from io import BytesIO

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from openpyxl import Workbook
from openpyxl.styles import Font

from intlinks.csv_export import csv_stream, spreadsheet_safe
from reporting.forms.matrix import MatrixForm
from reporting.selectors.matrix import BY_THEME, Matrix, activity_matrix

VIEW_ACTIVITIES = "partnerships.view_activity"
POUNDS = '"£"#,##0.00'


def _matrix_or_form(request) -> tuple[MatrixForm, Matrix | None]:
    form = MatrixForm(request.GET)
    if not form.is_valid():
        return form, None
    return form, activity_matrix(year=form.cleaned_data["year"], by=form.cleaned_data["by"])


@permission_required(VIEW_ACTIVITIES, raise_exception=True)
def matrix_page(request):
    """Partnerships x objectives (or themes) for a financial year, each cell linking to its activities."""
    form, matrix = _matrix_or_form(request)
    context = {
        "form": form,
        "matrix": matrix,
        "activities_url": reverse("partnerships:activities"),
        "query": request.GET.urlencode(),
        "crumbs": [("Annual matrix of international activity", None)],
    }
    return render(request, "reporting/matrix.html", context, status=200)


def table_rows(matrix: Matrix) -> list[list]:
    """The matrix as a table: a header, one line a link, then the column totals; each column of the
    page becomes two (activities, council spend), then the row's total activities and spend."""
    header = ["Partnership"]
    for label in [column.label for column in matrix.columns] + ["Total (each activity once)"]:
        header += [f"{label}: activities", f"{label}: council spend (£)"]
    lines = [header]
    for row in matrix.rows:
        line = [str(row.partnership)]
        for cell in [*row.cells, row.total]:
            line += [cell.count, cell.spend]
        lines.append(line)
    totals = ["Total (each activity once)"]
    for cell in [*matrix.column_totals, matrix.total]:
        totals += [cell.count, cell.spend]
    lines.append(totals)
    return lines


def _filename(matrix: Matrix, extension: str) -> str:
    by = "themes" if matrix.by == BY_THEME else "objectives"
    return f"activity-matrix-{matrix.year.start}-{by}.{extension}"


def _refused(form: MatrixForm) -> HttpResponse:
    errors = "; ".join(message for messages in form.errors.values() for message in messages)
    return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")


@permission_required(VIEW_ACTIVITIES, raise_exception=True)
def matrix_csv(request):
    """The page's rows and totals as CSV (formula-safe, through intlinks.csv_export)."""
    form, matrix = _matrix_or_form(request)
    if matrix is None:
        return _refused(form)
    header, *rows = table_rows(matrix)
    return csv_stream(filename=_filename(matrix, "csv"), header=header, rows=rows)


@permission_required(VIEW_ACTIVITIES, raise_exception=True)
def matrix_xlsx(request):
    """The page's rows and totals as an Excel workbook: text made formula-safe, money as numbers in £."""
    form, matrix = _matrix_or_form(request)
    if matrix is None:
        return _refused(form)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Matrix {matrix.year.label}".replace("/", "-")
    for line in table_rows(matrix):
        sheet.append([spreadsheet_safe(value) for value in line])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        row[0].font = Font(bold=row[0].row == sheet.max_row)
        for cell in row[2::2]:  # every second column from the third is money
            cell.number_format = POUNDS
    sheet.freeze_panes = "B2"
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(matrix, "xlsx")}"'
    return response
