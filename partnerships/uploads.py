"""Checks on uploaded documents (signed agreements, evidence): the kind of file is read from its
content, never its name, and the file is stored and served under the extension of that kind.

A Word document (.docx) is a zip, so its listing is read (never its contents): it must hold a Word
document's parts and nothing else, and the sizes it declares must stay those of a document, not of a
zip bomb. The listing is the zip's central directory; nothing is expanded to check it.
"""

import zipfile
from pathlib import PurePosixPath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Each accepted kind: what people are told, and the one extension a file of that kind is stored under.
ALLOWED_TYPES = {
    "application/pdf": ("PDF", "pdf"),
    DOCX: ("Word document (.docx)", "docx"),
    "application/msword": ("Word document (.doc)", "doc"),
    "image/png": ("PNG image", "png"),
    "image/jpeg": ("JPEG image", "jpg"),
}
SNIFF_BYTES = 8192  # enough for every signature above, including a .docx's first zip entries
WRONG_TYPE = "The file must be a PDF, a Word document, or a PNG or JPEG image"

# What a Word document's zip holds: XML parts and their relationships, pictures, embedded fonts, the
# printer's settings and the workbook behind a chart. Anything else (a program, a script, a web page,
# a macro project: vbaProject.bin) has no place in a .docx.
DOCX_PART_SUFFIXES = {
    ".xml",
    ".rels",
    ".png",
    ".jpeg",
    ".jpg",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".emf",
    ".wmf",
    ".svg",
    ".odttf",
    ".fntdata",
}
DOCX_PARTS_BY_FOLDER = {"word/printerSettings/": {".bin"}, "word/embeddings/": {".xlsx"}}
DOCX_REQUIRED_PARTS = {"[Content_Types].xml", "word/document.xml"}
# A real document's XML compresses about tenfold; a bomb's filler a thousandfold or more. Small parts
# (a page of blank lines) may compress far without harm: the ratio is checked on parts past a megabyte.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
MAX_DOCX_PARTS = 1000


def sniff_content_type(uploaded) -> str | None:
    """The MIME type the file's first bytes show, or None when they match no known type."""
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(position)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def validate_agreement_document(uploaded) -> None:
    """Refuse a file larger than UPLOAD_MAX_BYTES, whose content is not a PDF, Word file or image, or
    which is a .docx whose zip holds anything but a Word document's parts or would expand too far."""
    if getattr(uploaded, "_committed", False):
        return  # already stored: it was checked when it was uploaded, and editing other fields keeps it
    limit = settings.UPLOAD_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            f"The file must be smaller than {filesizeformat(limit)}; "
            f"this one is {filesizeformat(uploaded.size)}",
            code="too_large",
        )
    content_type = sniff_content_type(uploaded)
    if content_type not in ALLOWED_TYPES:
        raise ValidationError(WRONG_TYPE, code="file_type")
    if content_type == DOCX:
        validate_word_archive(uploaded)


def validate_word_archive(uploaded) -> None:
    """Refuse a .docx that is not a real Word document or whose declared sizes make it a zip bomb."""
    position = uploaded.tell()
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ValidationError(f"{WRONG_TYPE}: this one is a damaged zip", code="file_type") from error
    finally:
        uploaded.seek(position)
    problem = docx_contents_problem(parts) or expansion_problem(parts)
    if problem:
        raise ValidationError(f"The Word document cannot be accepted: {problem}", code="file_type")


def docx_contents_problem(parts: list[zipfile.ZipInfo]) -> str:
    """Why the zip's listing is not that of a Word document, or "" when it is."""
    if len(parts) > MAX_DOCX_PARTS:
        return f"it holds {len(parts)} files, more than any document"
    names = {part.filename for part in parts}
    if not DOCX_REQUIRED_PARTS <= names:
        return "it is a zip, not a Word document"
    for part in parts:
        if not part.is_dir() and not is_docx_part(part.filename):
            return f"it holds {PurePosixPath(part.filename).name!r}, which is not part of a document"
    return ""


def is_docx_part(name: str) -> bool:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name:
        return False  # a path that would land outside the folder it is expanded into
    suffix = path.suffix.lower()
    folder_suffixes = next(
        (suffixes for folder, suffixes in DOCX_PARTS_BY_FOLDER.items() if name.startswith(folder)), set()
    )
    return suffix in DOCX_PART_SUFFIXES or suffix in folder_suffixes


def expansion_problem(parts: list[zipfile.ZipInfo]) -> str:
    """Why the sizes the zip declares are a bomb's, or "" when they are a document's: the total
    expanded size over EXPANDED_UPLOAD_MAX_BYTES, one part compressed more than MAX_COMPRESSION_RATIO
    times, or parts whose compressed data overlap (one stream counted many times over)."""
    expanded = sum(part.file_size for part in parts)
    limit = settings.EXPANDED_UPLOAD_MAX_BYTES
    if expanded > limit:
        return f"it would expand to {filesizeformat(expanded)}, more than {filesizeformat(limit)}"
    for part in parts:
        too_compressed = part.file_size > MAX_COMPRESSION_RATIO * max(part.compress_size, 1)
        if too_compressed and part.file_size > RATIO_CHECKED_FROM_BYTES:
            return f"{PurePosixPath(part.filename).name!r} is compressed far more than a document can be"
    if data_overlaps(parts):
        return "its parts overlap one another, as only a zip bomb's do"
    return ""


def data_overlaps(parts: list[zipfile.ZipInfo]) -> bool:
    # Each part's data must end before the next part begins; its header and name only lengthen it, so
    # counting the data alone never mistakes an honest zip for an overlapping one.
    ordered = sorted(parts, key=lambda part: part.header_offset)
    return any(
        part.header_offset + part.compress_size > following.header_offset
        for part, following in zip(ordered, ordered[1:], strict=False)
    )


def extension_for(content_type: str | None) -> str:
    """The one extension a file of this kind is stored and downloaded under ("bin" when unknown)."""
    return ALLOWED_TYPES[content_type][1] if content_type in ALLOWED_TYPES else "bin"


def stored_name(uploaded, filename: str) -> str:
    """The file's name as stored: its uploaded name made safe, with the extension of its detected kind
    in place of the one it came with (report.html holding a PDF is stored as report.pdf)."""
    stem = slugify(PurePosixPath(filename).stem)[:60] or "document"  # within the field's 100 characters
    return f"{stem}.{extension_for(sniff_content_type(uploaded))}"


def download_name_and_type(opened) -> tuple[str, str]:
    """A stored document's download name and Content-Type, both from its detected kind: a file stored
    before names followed the content (report.html holding a PDF) still leaves as report.pdf."""
    content_type = sniff_content_type(opened)
    stem = PurePosixPath(opened.name).stem
    return f"{stem}.{extension_for(content_type)}", content_type or "application/octet-stream"
