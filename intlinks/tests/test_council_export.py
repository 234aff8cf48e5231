"""The whole-council export: one CSV per kind of record with as many rows as the database holds, and a
README written from the column declarations; the Administrator's alone."""

import csv
import io
import zipfile

import pytest

from intlinks.exports import registered
from partnerships.models import Activity, Cost, ExternalFunding, Gift, GrantApplication, Partnership, Place
from partnerships.tests.factories import (
    ActivityFactory,
    CostFactory,
    ExternalFundingFactory,
    GiftFactory,
    GrantApplicationFactory,
    PartnershipFactory,
)
from strategy.models import Action, BudgetLine
from strategy.tests.factories import ActionFactory, IndicatorFactory

pytestmark = pytest.mark.django_db

URL = "/exports/council.zip"


def council_zip(client) -> zipfile.ZipFile:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def csv_rows(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"), newline="")))


@pytest.fixture
def council(officer):
    PartnershipFactory.create_batch(2)
    for _ in range(3):
        CostFactory(activity=ActivityFactory())
    GiftFactory.create_batch(2)
    ExternalFundingFactory()
    GrantApplicationFactory()
    ActionFactory.create_batch(2)
    IndicatorFactory()


def test_the_zip_holds_every_kind_with_as_many_rows_as_the_database(client, administrator, council):
    client.force_login(administrator)

    archive = council_zip(client)

    expected = {
        "partner-places.csv": Place.objects.current().count(),
        "partnerships.csv": Partnership.objects.current().count(),
        "activities.csv": Activity.objects.current().count(),
        "costs.csv": Cost.objects.current().count(),
        "gifts-and-hospitality.csv": Gift.objects.current().count(),
        "external-funding.csv": ExternalFunding.objects.current().count(),
        "grant-applications.csv": GrantApplication.objects.current().count(),
        "action-plan-actions.csv": Action.objects.count(),
        "budget-lines.csv": BudgetLine.objects.filter(budget__archived_at__isnull=True).count(),
    }
    assert set(archive.namelist()) == {"README.txt", "indicators.csv", *expected}
    assert {name: len(csv_rows(archive, name)) - 1 for name in expected} == expected
    assert all(count > 0 for count in expected.values())


def test_each_file_uses_its_lists_columns_and_the_readme_describes_them(client, administrator, council):
    client.force_login(administrator)

    archive = council_zip(client)
    readme = archive.read("README.txt").decode()

    for export in registered():
        assert csv_rows(archive, f"{export.name}.csv")[0] == export.header
        assert f"{export.name}.csv: {export.title}" in readme
        for column in export.columns:
            assert f"  - {column.label}" in readme


def test_only_the_administrator_downloads_the_whole_council(client, officer, member, clerk):
    for person in (officer, member, clerk):
        client.force_login(person)
        assert client.get(URL).status_code == 403


def test_each_csv_in_the_zip_starts_with_a_byte_order_mark_so_excel_reads_non_ascii_names(
    client, administrator
):
    PartnershipFactory(place__name="Dvůr Králové")
    client.force_login(administrator)

    archive = council_zip(client)
    places = archive.read("partner-places.csv")
    csv_names = [name for name in archive.namelist() if name.endswith(".csv")]

    assert all(archive.read(name).startswith(b"\xef\xbb\xbf") for name in csv_names)
    assert "Dvůr Králové" in places[3:].decode("utf-8")


@pytest.mark.django_db(transaction=True)
def test_the_zips_files_agree_though_a_colleague_saves_while_it_is_written(
    client, administrator, monkeypatch
):
    """The files are read in one snapshot: a place renamed after its own file was written, and before the
    partnerships' file, appears under its old name in both."""
    import threading

    from intlinks import exports

    link = PartnershipFactory(place__name="Krefeld")
    write_csv = exports._write_csv

    def rename_in_another_session():
        from django.db import connection

        Place.objects.filter(pk=link.place_id).update(name="Krefeld (renamed)")
        connection.close()

    def write_then_let_a_colleague_save(member, export):
        count = write_csv(member, export)
        if export.name == "partner-places":
            colleague = threading.Thread(target=rename_in_another_session)
            colleague.start()
            colleague.join()
        return count

    monkeypatch.setattr(exports, "_write_csv", write_then_let_a_colleague_save)
    client.force_login(administrator)
    archive = council_zip(client)

    assert Place.objects.get(pk=link.place_id).name == "Krefeld (renamed)"  # the save went through
    places = csv_rows(archive, "partner-places.csv")
    links = csv_rows(archive, "partnerships.csv")
    assert any("Krefeld" in row for row in places[1:])
    assert not any("Krefeld (renamed)" in cell for row in links for cell in row)
    assert any("Krefeld" in cell for row in links[1:] for cell in row)
