import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerships.models import Agreement
from partnerships.tests.factories import AgreementFactory, PartnershipFactory
from partnerships.uploads import validate_agreement_document

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(
    ("name", "content"),
    [("charter.pdf", PDF), ("scan.png", PNG), ("mou.docx", None)],
    ids=["pdf", "png", "docx"],
)
def test_accepts_pdf_word_and_images_by_their_content(name, content):
    validate_agreement_document(SimpleUploadedFile(name, content or docx_bytes()))


def test_refuses_a_text_file_named_as_a_pdf():
    with pytest.raises(ValidationError, match="must be a PDF, a Word document, or a PNG or JPEG image"):
        validate_agreement_document(SimpleUploadedFile("charter.pdf", b"just some text pretending"))


def test_refuses_a_file_over_the_configured_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1024

    with pytest.raises(ValidationError, match="must be smaller than 1.0"):
        validate_agreement_document(SimpleUploadedFile("big.pdf", PDF + b"0" * 2048))


def test_a_bad_upload_is_shown_beside_the_field_and_nothing_is_saved(officer_client, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    link = PartnershipFactory()
    data = {"kind": "mou", "signed_on": "2024-05-01", "signatories": "The Lord Mayor"}

    wrong_type = officer_client.post(
        f"/partnerships/{link.pk}/agreements/new/",
        {**data, "document": SimpleUploadedFile("mou.pdf", b"MZ\x90\x00 an executable")},
    )
    too_big = officer_client.post(
        f"/partnerships/{link.pk}/agreements/new/",
        {**data, "document": SimpleUploadedFile("mou.pdf", PDF + b"0" * 4096)},
    )

    assert "The file must be a PDF, a Word document, or a PNG or JPEG image" in wrong_type.content.decode()
    assert 'id="id_document-error"' in wrong_type.content.decode() or "govuk-error-message" in (
        wrong_type.content.decode()
    )
    assert "The file must be smaller than 1.0" in too_big.content.decode()
    assert not Agreement.objects.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.pdf"))


def test_the_signed_document_is_downloaded_only_by_people_who_may_read_the_register(
    client, officer, member, django_user_model, settings
):
    link = PartnershipFactory()
    officer_client = client
    officer_client.force_login(officer)
    officer_client.post(
        f"/partnerships/{link.pk}/agreements/new/",
        {
            "kind": "charter",
            "signed_on": "1990-06-01",
            "signatories": "The Lord Mayor",
            "document": SimpleUploadedFile("charter.pdf", PDF),
        },
    )
    agreement = Agreement.objects.get()
    assert str(settings.MEDIA_ROOT) in agreement.document.path

    member_response = client.get(f"/partnerships/agreements/{agreement.pk}/document/")  # still the officer
    client.force_login(member)
    read_only = client.get(f"/partnerships/agreements/{agreement.pk}/document/")
    from conftest import make_user

    client.force_login(make_user(django_user_model, "no-role"))
    no_role = client.get(f"/partnerships/agreements/{agreement.pk}/document/")

    assert member_response.status_code == 200
    assert member_response["Content-Type"] == "application/pdf"
    assert b"".join(member_response.streaming_content) == PDF
    assert read_only.status_code == 200
    assert no_role.status_code == 403


def test_an_agreement_without_a_document_has_nothing_to_download(officer_client):
    agreement = AgreementFactory()

    assert officer_client.get(f"/partnerships/agreements/{agreement.pk}/document/").status_code == 404


def test_editing_an_agreement_without_a_new_file_keeps_its_document(officer_client):
    agreement = AgreementFactory(document=SimpleUploadedFile("charter.pdf", PDF))
    stored = agreement.document.name

    response = officer_client.post(
        f"/partnerships/agreements/{agreement.pk}/edit/",
        {"kind": "charter", "signed_on": "1990-06-01", "signatories": "The Lord Mayor\nThe Mayor"},
    )

    agreement.refresh_from_db()
    assert response.status_code == 302
    assert (agreement.document.name, agreement.signatories) == (stored, "The Lord Mayor\nThe Mayor")
