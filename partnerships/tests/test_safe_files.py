"""Issue 15's file findings: names follow the detected type, archives are read before they are trusted,
an oversized body is refused unread, and a file missing from the store is a 404 that says so."""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerships.models import Agreement, Evidence
from partnerships.tests.factories import ActivityFactory, AgreementFactory, PartnershipFactory
from partnerships.uploads import validate_agreement_document

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# A PDF that is also a web page: a browser shown it as HTML would run its script.
POLYGLOT = PDF + b"<html><body><script>alert(document.cookie)</script></body></html>\n"
AGREEMENT = {"kind": "mou", "signed_on": "2024-05-01", "signatories": "The Lord Mayor"}
WORD_PARTS = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}


def zip_bytes(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """The issue's file: about 1 MB that expands to 1 GB, as a Word document's zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            megabyte = b"\0" * 1024 * 1024
            for _ in range(1024):
                member.write(megabyte)
    return buffer.getvalue()


def test_a_pdf_html_polyglot_uploaded_as_html_is_stored_and_served_as_a_pdf_attachment(officer_client):
    link = PartnershipFactory()

    officer_client.post(
        f"/partnerships/{link.pk}/agreements/new/", {**AGREEMENT, "document": upload("report.html", POLYGLOT)}
    )
    agreement = Agreement.objects.get()
    response = officer_client.get(f"/partnerships/agreements/{agreement.pk}/document/")

    assert re.fullmatch(r"agreements/\d{4}/report\.pdf", agreement.document.name)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == POLYGLOT


def test_a_pdf_named_invoice_exe_is_stored_as_a_pdf(officer_client):
    activity = ActivityFactory()

    officer_client.post(
        f"/partnerships/activities/{activity.pk}/evidence/new/",
        {"kind": "document", "title": "Invoice", "file": upload("invoice.exe", PDF)},
    )

    assert Evidence.objects.get().file.name == f"activities/{activity.pk}/invoice.pdf"


def test_an_uploaded_name_is_made_plain_and_takes_the_extension_of_its_detected_type(officer_client):
    activity = ActivityFactory()

    officer_client.post(
        f"/partnerships/activities/{activity.pk}/evidence/new/",
        {"kind": "document", "title": "Scan", "file": upload("Risk assessment (Kraków) v2.PNG.exe", PDF)},
    )

    assert Evidence.objects.get().file.name == f"activities/{activity.pk}/risk-assessment-krakow-v2png.pdf"


def test_a_word_document_is_stored_as_docx_whatever_its_uploaded_name():
    agreement = AgreementFactory(document=upload("signed.doc.html", zip_bytes(WORD_PARTS)))

    assert agreement.document.name.endswith("/signeddoc.docx")


def test_refuses_a_zip_of_a_batch_file_and_a_web_page_renamed_docx():
    renamed = upload("mou.docx", zip_bytes({"run.bat": "@echo off", "index.html": "<p>"}))

    with pytest.raises(ValidationError, match="must be a PDF, a Word document"):
        validate_agreement_document(renamed)


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        ({"word/run.bat": "@echo off"}, "run.bat"),
        ({"word/index.html": "<script>alert(1)</script>"}, "index.html"),
        ({"word/media/setup.exe": b"MZ\x90\x00"}, "setup.exe"),
        ({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}, "vbaProject.bin"),
        ({"word/update.js": "fetch('/')"}, "update.js"),
    ],
    ids=["batch-file", "web-page", "program", "macros", "script"],
)
def test_refuses_a_word_document_carrying_a_program_script_page_or_macros(extra, named):
    with pytest.raises(ValidationError, match=f"it holds '{named}', which is not part of a document"):
        validate_agreement_document(upload("mou.docx", zip_bytes({**WORD_PARTS, **extra})))


def test_refuses_a_zip_that_looks_like_word_but_lacks_a_word_document():
    with pytest.raises(ValidationError, match="it is a zip, not a Word document"):
        validate_agreement_document(upload("mou.docx", zip_bytes({"word/styles.xml": "<w:styles/>"})))


def test_refuses_a_docx_path_that_climbs_out_of_its_folder():
    parts = {**WORD_PARTS, "word/../../evil.xml": "<x/>"}

    with pytest.raises(ValidationError, match="evil.xml"):
        validate_agreement_document(upload("mou.docx", zip_bytes(parts)))


def test_refuses_a_damaged_word_zip():
    truncated = zip_bytes(WORD_PARTS)[:-40]  # the central directory's end is gone

    with pytest.raises(ValidationError, match="damaged zip"):
        validate_agreement_document(upload("mou.docx", truncated))


def test_refuses_a_one_megabyte_docx_that_expands_to_a_gigabyte_without_expanding_it(zip_bomb):
    assert len(zip_bomb) < 2 * 1024 * 1024

    with pytest.raises(ValidationError, match=r"it would expand to 1\.0"):
        validate_agreement_document(upload("report.docx", zip_bomb))


def test_refuses_a_part_compressed_far_more_than_a_document_can_be(settings):
    settings.EXPANDED_UPLOAD_MAX_BYTES = 1024 * 1024 * 1024
    parts = {**WORD_PARTS, "word/styles.xml": b"\0" * 8 * 1024 * 1024}

    with pytest.raises(ValidationError, match="'styles.xml' is compressed far more than a document can be"):
        validate_agreement_document(upload("mou.docx", zip_bytes(parts)))


def test_accepts_a_small_part_that_compresses_well():
    parts = {**WORD_PARTS, "word/settings.xml": " " * 100_000}

    validate_agreement_document(upload("mou.docx", zip_bytes(parts)))


def test_refuses_a_zip_whose_parts_share_one_compressed_stream():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in WORD_PARTS.items():
            archive.writestr(name, content)
        archive.writestr("word/header1.xml", "<w:hdr>" + "x" * 5000 + "</w:hdr>")
        shared = archive.getinfo("word/header1.xml")
        for number in range(2, 5):  # more entries pointing at the same data, as an overlapping bomb's do
            copy = zipfile.ZipInfo(f"word/header{number}.xml", shared.date_time)
            for attribute in ("compress_type", "CRC", "compress_size", "file_size", "header_offset"):
                setattr(copy, attribute, getattr(shared, attribute))
            archive.filelist.append(copy)

    with pytest.raises(ValidationError, match="its parts overlap one another"):
        validate_agreement_document(upload("mou.docx", buffer.getvalue()))


class UnreadableBody(io.BytesIO):
    """A request body that fails the test if anything reads it."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body of an oversized request was read")

    readline = read


def test_an_upload_over_the_cap_is_refused_on_its_length_before_its_body_is_read(officer_client, settings):
    link = PartnershipFactory()
    three_hundred_megabytes = 300 * 1024 * 1024

    response = officer_client.post(
        f"/partnerships/{link.pk}/agreements/new/",
        {**AGREEMENT, "document": upload("mou.pdf", PDF)},
        CONTENT_LENGTH=str(three_hundred_megabytes),
        **{"wsgi.input": UnreadableBody()},
    )

    assert response.status_code == 413
    assert "The file is too large" in response.content.decode()
    assert "smaller than 10.0" in response.content.decode()
    assert not Agreement.objects.exists()


def test_a_body_just_under_the_cap_is_read_as_usual(officer_client, settings):
    settings.UPLOAD_MAX_BYTES = 64 * 1024
    settings.REQUEST_MAX_BYTES = 128 * 1024
    link = PartnershipFactory()

    response = officer_client.post(
        f"/partnerships/{link.pk}/agreements/new/", {**AGREEMENT, "document": upload("mou.pdf", PDF)}
    )

    assert response.status_code == 302
    assert Agreement.objects.exists()


def test_an_evidence_file_missing_from_the_store_is_a_404_that_says_so(officer_client):
    activity = ActivityFactory()
    officer_client.post(
        f"/partnerships/activities/{activity.pk}/evidence/new/",
        {"kind": "document", "title": "Programme", "file": upload("programme.pdf", PDF)},
    )
    evidence = Evidence.objects.get()
    evidence.file.storage.delete(evidence.file.name)

    response = officer_client.get(f"/partnerships/evidence/{evidence.pk}/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "File not found" in page
    assert "The file programme.pdf is missing from the file store." in page
    assert f'href="{activity.get_absolute_url()}"' in page


def test_an_agreement_document_missing_from_the_store_is_a_404_that_says_so(officer_client):
    agreement = AgreementFactory(document=upload("charter.pdf", PDF))
    agreement.document.storage.delete(agreement.document.name)

    response = officer_client.get(f"/partnerships/agreements/{agreement.pk}/document/")

    assert response.status_code == 404
    assert "The file charter.pdf is missing from the file store." in response.content.decode()
