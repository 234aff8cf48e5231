"""Every kind of spreadsheet import, fed hostile cells in a CSV or an XLSX: the upload answers with a
preview (or the form's error), never a 500, and nothing is saved by the upload, nor by confirming a
preview with errors.

Driven through the pages only, as a person imports; the rows start from each kind's template examples
(so most columns are right and the hostile cells reach the services) with a few cells typed over.
"""

import csv
import io
import zipfile
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from intlinks.imports.kinds import import_kinds
from intlinks.imports.templates import template_rows
from intlinks.tests import hostile

KINDS = [kind.slug for kind in import_kinds()]
# A workbook's cells hold typed values too: numbers past any bound, dates of every year, times, flags.
TYPED_CELLS = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-(2**70), 2**70),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
    st.times(),
    st.booleans(),
)


def csv_file(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue().encode("utf-8", "surrogatepass")


def xlsx_file(header: list[str], rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in [header, *rows]:
        # A workbook cannot hold control characters at all: Excel never writes them.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell for cell in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(client, slug: str, data: bytes, name: str):
    return client.post(reverse("imports:upload", args=[slug]), {"file": SimpleUploadedFile(name, data)})


def examples_of(slug: str) -> tuple[list[str], list[list[str]]]:
    """The kind's template without its Example column: columns, and rows that import as they are."""
    kind = next(kind for kind in import_kinds() if kind.slug == slug)
    header, rows = template_rows(kind)
    return header[1:], [row[1:] for row in rows]


@pytest.fixture
def records_the_examples_name(client, officer):
    """The strategy the action and indicator examples name, and the places and links the others name,
    imported from their templates through the pages (the activity and cost examples, needing budget
    lines and conduct policy, stay rows in error: their hostile cells meet the error paths)."""
    from partnerships.tests.factories import PlaceFactory
    from strategy.tests.factories import ActionPlanFactory, ObjectiveFactory, WayForwardFactory

    objective = ObjectiveFactory(
        strategy__title="International Strategy 2016-2020",
        strategy__first_year=2016,
        strategy__last_year=2019,
        number=1,
    )
    WayForwardFactory(objective=objective, letter="a")
    ActionPlanFactory(strategy=objective.strategy, financial_year=2016)
    PlaceFactory(name="Masaya", country="NI")
    client.force_login(officer)
    for slug in ("places", "links"):
        header, rows = examples_of(slug)
        preview = upload(client, slug, csv_file(header, rows), f"{slug}.csv")
        confirmed = client.post(preview.url)
        assert confirmed.url == reverse("imports:index"), client.get(confirmed.url).content.decode()
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("slug", KINDS)
def test_hostile_cells_in_any_import_give_a_preview_never_a_500_and_save_nothing(
    records_the_examples_name, slug
):
    client = records_the_examples_name
    header, examples = examples_of(slug)
    tables = hostile.council_tables()

    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.data())
    def attack(data):
        as_xlsx = data.draw(st.booleans(), label="xlsx")
        rows = []
        for _ in range(data.draw(st.integers(1, 3), label="rows")):
            row = list(data.draw(st.sampled_from(examples), label="example"))
            for column in data.draw(st.sets(st.sampled_from(range(len(header))), min_size=1, max_size=4)):
                cell = hostile.anything() | TYPED_CELLS if as_xlsx else hostile.anything()
                row[column] = data.draw(cell, label=header[column])
            rows.append(row)
        content = xlsx_file(header, rows) if as_xlsx else csv_file(header, rows)
        before = hostile.table_checksums(tables)

        # The test client re-raises a view's exception, so a 500 fails here with its traceback.
        response = upload(client, slug, content, f"{slug}.xlsx" if as_xlsx else f"{slug}.csv")
        assert response.status_code in {200, 302}
        assert hostile.table_checksums(tables) == before, "the upload (a preview) saved something"
        if response.status_code == 200:  # the file as a whole was refused, beside the file input
            assert b"govuk-error-summary" in response.content
            return
        page = client.get(response.url)
        assert page.status_code == 200
        # No button: a preview with errors, or one whose every row is already in the register (a hostile
        # cell left blank in an optional column, which the thorough profile found); confirming keeps nothing.
        if b"Confirm and import" not in page.content:
            shown = page.content.decode()
            assert "govuk-error-summary" in shown or "Row " in shown or "there is nothing to import" in shown
            assert client.post(response.url).status_code == 302
            assert hostile.table_checksums(tables) == before, "a preview with errors was imported"

    attack()


def workbook_with_sheet_xml(replace: bytes, by: bytes) -> bytes:
    """A places workbook whose sheet's XML was edited by hand."""
    header, rows = examples_of("places")
    made = zipfile.ZipFile(io.BytesIO(xlsx_file(header, rows)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as edited:
        for name in made.namelist():
            data = made.read(name)
            edited.writestr(name, data.replace(replace, by, 1) if name.endswith("sheet1.xml") else data)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content",
    [
        workbook_with_sheet_xml(b"<sheetData>", b"<sheetData><broken"),
        workbook_with_sheet_xml(
            b"<sheetData>", b'<sheetData><row r="9"><c t="inlineStr"><is><t>&#0;</t></is></c></row>'
        ),
    ],
    ids=["damaged XML", "a NUL character reference"],
)
def test_a_workbook_whose_xml_is_damaged_is_refused_with_a_message_not_a_500(client, officer, content):
    client.force_login(officer)
    response = upload(client, "places", content, "places.xlsx")
    assert response.status_code == 200
    assert b"The file is not a spreadsheet" in response.content


@pytest.mark.django_db
def test_a_csv_with_a_nul_character_past_its_first_8_kb_is_refused_with_a_message_not_a_500(client, officer):
    """Found by the test above: the NUL reached the preview, which PostgreSQL's JSON could not store."""
    client.force_login(officer)
    content = b"Name,Country\n" + b"a" * 10_000 + b",\x00\n"
    response = upload(client, "places", content, "places.csv")
    assert response.status_code == 200
    assert b"The file is not a spreadsheet" in response.content
