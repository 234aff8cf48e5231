"""Checks on uploaded signed agreements: the kind of file is read from its content, never its name."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

ALLOWED_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document (.docx)",
    "application/msword": "Word document (.doc)",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
}
SNIFF_BYTES = 8192  # enough for every signature above, including a .docx's first zip entries


def sniff_content_type(uploaded) -> str | None:
    """The MIME type the file's first bytes show, or None when they match no known type."""
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(position)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def validate_agreement_document(uploaded) -> None:
    """Refuse a file larger than UPLOAD_MAX_BYTES or whose content is not a PDF, Word file or image."""
    if getattr(uploaded, "_committed", False):
        return  # already stored: it was checked when it was uploaded, and editing other fields keeps it
    limit = settings.UPLOAD_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            f"The file must be smaller than {filesizeformat(limit)}; "
            f"this one is {filesizeformat(uploaded.size)}",
            code="too_large",
        )
    if sniff_content_type(uploaded) not in ALLOWED_TYPES:
        raise ValidationError(
            "The file must be a PDF, a Word document, or a PNG or JPEG image", code="file_type"
        )
