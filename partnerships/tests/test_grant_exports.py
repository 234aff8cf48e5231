"""Awarded grants exported in the 360Giving standard (checked against its JSON schema, offline) and
with the Transparency Code's fields; and the grant pages' fixed number of queries."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from jsonschema import Draft4Validator
from openpyxl import load_workbook
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.tests.factories import GrantApplicationFactory
from partnerships.tests.test_grants import approved
from strategy.tests.factories import ObjectiveFactory

DATA = Path(__file__).parent / "data"
GRANT_SCHEMA_URL = (
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4/schema/360-giving-schema.json"
)
pytestmark = pytest.mark.django_db


def validator() -> Draft4Validator:
    package = json.loads((DATA / "360-giving-package-schema.json").read_text())
    grant = json.loads((DATA / "360-giving-schema.json").read_text())
    registry = Registry().with_resource(
        GRANT_SCHEMA_URL, Resource.from_contents(grant, default_specification=DRAFT4)
    )
    return Draft4Validator(package, registry=registry)


def test_360giving_json_is_valid_against_the_standard(client, officer, member, settings):
    settings.GRANTS_ORG_ID_PREFIX = "GB-LAE-LCE"
    approved(officer, member, amount=Decimal("1000.50"))
    GrantApplicationFactory()  # a draft is not published
    client.force_login(officer)
    package = json.loads(client.get(reverse("partnerships:grants_360giving_json")).content)
    validator().validate(package)
    assert len(package["grants"]) == 1
    grant = package["grants"][0]
    assert grant["id"].startswith("360G-GB-LAE-LCE-")
    assert grant["amountAwarded"] == 1000.5
    assert grant["fundingOrganization"][0]["id"] == "GB-LAE-LCE"


def test_an_invalid_package_is_caught_by_the_schema():
    assert list(validator().iter_errors({"grants": [{"id": "x"}]}))


def test_360giving_spreadsheets_use_the_standard_column_titles(client, officer, member):
    approved(officer, member)
    client.force_login(officer)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("partnerships:grants_360giving_csv")).getvalue().decode("utf-8-sig")
            )
        )
    )
    assert rows[0][:3] == ["Identifier", "Title", "Description"]
    assert "Recipient Org:Identifier" in rows[0]
    assert "Funding Org:Name" in rows[0]
    assert len(rows) == 2
    book = load_workbook(io.BytesIO(client.get(reverse("partnerships:grants_360giving_xlsx")).content))
    sheet = book["grants"]
    assert [cell.value for cell in sheet[1]] == rows[0]
    assert sheet.max_row == 2


def test_xlsx_cells_are_formula_safe(client, officer, member):
    application, _ = approved(officer, member)
    type(application).objects.filter(pk=application.pk).update(title="=HYPERLINK(1)")
    client.force_login(officer)
    book = load_workbook(io.BytesIO(client.get(reverse("partnerships:grants_360giving_xlsx")).content))
    assert book["grants"]["B2"].value == "'=HYPERLINK(1)"


def test_transparency_code_csv_has_its_fields(client, officer, member):
    approved(officer, member)
    client.force_login(officer)
    text = client.get(reverse("partnerships:grants_transparency_csv")).getvalue().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert {
        "Beneficiary name",
        "Beneficiary registration number",
        "Date of award",
        "Purpose of the grant",
    } <= set(header)


def grants(officer, member, n):
    for _ in range(n):
        approved(officer, member)


@pytest.mark.parametrize(
    "url_name",
    ["partnerships:grants", "partnerships:grants_360giving_json", "partnerships:grants_360giving_csv"],
)
def test_grant_pages_make_a_fixed_number_of_queries(client, officer, member, url_name):
    client.force_login(officer)
    grants(officer, member, 1)
    small = queries_for(client, reverse(url_name))
    grants(officer, member, 4)
    large = queries_for(client, reverse(url_name))
    assert_fixed_queries(small, large, at_most=14)


def test_grant_detail_makes_a_fixed_number_of_queries(client, officer, member):
    client.force_login(officer)
    small_one, _ = approved(officer, member)
    large_one, _ = approved(officer, member)
    large_one.objectives.add(*[ObjectiveFactory() for _ in range(3)])
    assert_fixed_queries(
        queries_for(client, small_one.get_absolute_url()),
        queries_for(client, large_one.get_absolute_url()),
        at_most=16,
    )


def test_the_list_totals_what_is_shown(client, officer, member):
    approved(officer, member, amount=Decimal("1000.00"))
    GrantApplicationFactory(amount_requested=Decimal("200.00"))
    client.force_login(officer)
    page = client.get(reverse("partnerships:grants"), {"state": "draft"}).content.decode()
    assert "£200.00" in page
    assert "£1,000.00" not in page
