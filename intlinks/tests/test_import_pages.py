"""The import pages: upload, preview, confirm; refusals before parsing; one import per confirm; a
preview gone stale; roles; and the preview's queries fixed whatever the file's size."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intlinks.imports.files import MAX_UPLOAD_BYTES
from intlinks.models import StagedImport
from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.models import Place

pytestmark = pytest.mark.django_db

UPLOAD = reverse("imports:upload", args=["places"])


def places_csv(count: int, *, start: int = 0) -> bytes:
    lines = ["Name,Country,Kind of place"] + [f"Town {n},France,City" for n in range(start, start + count)]
    return ("\n".join(lines) + "\n").encode()


def upload(client, data: bytes, name="places.csv"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


def test_upload_shows_a_preview_and_saves_nothing_until_confirmed(client, officer):
    client.force_login(officer)
    response = upload(client, places_csv(2))
    staged = StagedImport.objects.get()
    assert response.url == reverse("imports:preview", args=["places", staged.key])
    page = client.get(response.url)
    assert b"Confirm and import" in page.content
    assert page.content.count(b">New<") == 1 + 2  # the summary, then each row
    assert not Place.objects.exists()
    done = client.post(response.url)
    assert done.url == reverse("imports:index")
    assert Place.objects.count() == 2
    assert not StagedImport.objects.exists()


def test_a_second_confirm_of_the_same_preview_imports_nothing_more(client, officer):
    client.force_login(officer)
    preview = upload(client, places_csv(2)).url
    client.post(preview)
    again = client.post(preview, follow=True)
    assert Place.objects.count() == 2
    assert b"already imported" in again.content


def test_a_preview_gone_stale_is_shown_again_and_nothing_is_imported(client, officer):
    client.force_login(officer)
    preview = upload(client, places_csv(2)).url
    Place.objects.create(name="Town 0", country="FR")  # a colleague adds one in between
    response = client.post(preview, follow=True)
    assert b"changed since this preview" in response.content
    assert Place.objects.count() == 1
    assert response.content.count(b">Unchanged<") == 1 + 1  # the summary, then the row


def test_a_50_mb_file_is_refused_before_its_body_is_read(client, officer):
    client.force_login(officer)
    response = upload(client, b"x" * (50 * 1024 * 1024))
    # Past the request limit (intlinks.middleware.RequestSizeLimitMiddleware): 413, the body unread.
    assert response.status_code == 413
    assert b"The file is too large" in response.content
    assert not StagedImport.objects.exists()


def test_a_file_over_the_import_limit_is_refused_before_it_is_parsed(client, officer):
    client.force_login(officer)
    response = upload(client, b"x" * (MAX_UPLOAD_BYTES + 1))
    assert b"the largest file accepted is 5 MB" in response.content
    assert not StagedImport.objects.exists()
    assert MAX_UPLOAD_BYTES == 5 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "data"),
    [("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"), ("fake.xlsx", b"PK\x03\x04not really a zip")],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(client, officer, name, data):
    client.force_login(officer)
    response = upload(client, data, name)
    assert b"The file is not a spreadsheet" in response.content
    assert not StagedImport.objects.exists()


def test_errors_are_listed_per_row_and_column_and_there_is_no_confirm(client, officer):
    client.force_login(officer)
    data = b'Name,Country\nKrefeld,Germany\nAtlantis,Atlantis\n=HYPERLINK("x"),FR\n'
    page = client.get(upload(client, data).url)
    assert b"Confirm and import" not in page.content
    assert "Row 3: Country: “Atlantis” is not a country".encode() in page.content
    assert b"Row 4: Name: This cell holds a formula" in page.content


def test_someone_else_s_preview_is_not_found(client, officer, administrator):
    client.force_login(officer)
    preview = upload(client, places_csv(1)).url
    client.force_login(administrator)
    assert client.get(preview).status_code == 404
    assert client.post(preview).status_code == 302
    assert not Place.objects.exists()


@pytest.mark.parametrize("who", ["member", "clerk"])
def test_members_and_clerks_may_not_import(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("imports:index")).status_code == 403
    assert upload(client, places_csv(1)).status_code == 403


def test_the_preview_page_makes_the_same_queries_for_a_small_and_a_large_file(client, officer):
    client.force_login(officer)
    small = queries_for(client, upload(client, places_csv(3)).url)
    large = queries_for(client, upload(client, places_csv(300, start=10)).url)
    assert_fixed_queries(small, large, at_most=8)
