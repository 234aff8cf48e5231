"""Stored files served as downloads, the one way: always an attachment (never shown in the browser's
window, where HTML hidden in a file could run), and a file gone from the store answered with a 404
page that says so, not a server error."""

import logging
from collections.abc import Callable
from typing import BinaryIO

from django.http import FileResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)

# What a download is called and its Content-Type, told from the opened file (its name and content).
Describe = Callable[[BinaryIO], tuple[str, str]]


def stored_file_download(request, field_file, *, describe: Describe, back: tuple[str, str]):
    """`field_file` as an attachment named and typed by `describe`; when its file is missing from the
    store, a 404 page saying so, with a link `back` (a label and an address) to its record."""
    try:
        opened = field_file.open("rb")
    except FileNotFoundError:
        logger.error("A stored file is missing: %s", field_file.name)
        label, address = back
        context = {
            "reason": f"The file {field_file.name.rsplit('/', 1)[-1]} is missing from the file store.",
            "back": address,
            "back_label": label,
        }
        return render(request, "file_not_found.html", context, status=404)
    filename, content_type = describe(opened)
    return FileResponse(opened, as_attachment=True, filename=filename, content_type=content_type)
