"""An officer in Chromium imports partner places: the page of kinds, upload, a preview with an error,
a corrected file, confirm; every page passes axe and fits a phone."""

import pytest

from conftest import axe_violations
from partnerships.models import Place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WITH_ERROR = "Name,Country,Kind of place\nKrefeld,Germany,City\nMasaya,Atlantis,City\n"
CORRECTED = "Name,Country,Kind of place\nKrefeld,Germany,City\nMasaya,Nicaragua,City\n"


def upload(page, tmp_path, text):
    path = tmp_path / "places.csv"
    path.write_text(text)
    page.get_by_label("Spreadsheet").set_input_files(str(path))
    page.get_by_role("button", name="Upload and preview").click()


def test_officer_uploads_previews_corrects_and_confirms_an_import(
    page, live_server, officer, sign_in, tmp_path
):
    sign_in("officer")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Import", exact=True).first.click()
    assert page.get_by_role("heading", name="Import from a spreadsheet").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Import partner places").click()
    assert axe_violations(page) == []
    upload(page, tmp_path, WITH_ERROR)
    assert page.title().startswith("Error: ")
    assert "Row 3: Country: “Atlantis” is not a country" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_role("button", name="Confirm and import").count() == 0
    assert axe_violations(page) == []
    assert not Place.objects.exists()

    page.get_by_role("link", name="Upload another file").click()
    upload(page, tmp_path, CORRECTED)
    assert axe_violations(page) == []
    page.screenshot(path="var/screenshots/import-preview.png", full_page=True)
    page.get_by_role("button", name="Confirm and import").click()

    assert "2 new, 0 changed, 0 unchanged" in page.locator(".govuk-notification-banner").inner_text()
    assert sorted(Place.objects.values_list("name", flat=True)) == ["Krefeld", "Masaya"]
