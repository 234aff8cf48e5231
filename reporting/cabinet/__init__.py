"""Cabinet reports: the body, the document as HTML, and the PDF (issue 12's contract).

A minimal stand-in, real but plain, so that the generation pipeline can be built and tested beside the
document's own module, which replaces this file: the same three functions, the same signatures.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.html import escape


@dataclass
class Content:
    """The body from data: here only the moment it was read."""

    as_of: datetime | None = None
    sections: list = field(default_factory=list)


def report_content(report, *, as_of: datetime | None = None) -> Content:
    return Content(as_of=as_of)


def report_html(report, content: Content, *, draft: bool, public: bool = True) -> str:
    """A plain HTML document with the report's title and front matter (escaped)."""
    rows = [
        ("Council", report.council),
        ("Wards affected", report.wards_affected),
        ("Report of", report.report_of),
        ("Purpose", report.purpose),
        ("Summary", report.summary),
    ]
    front = "".join(f"<h2>{escape(label)}</h2><p>{escape(value)}</p>" for label, value in rows if value)
    mark = "<p>DRAFT</p>" if draft else ""
    appendix = "" if public else "<p>Exempt appendix (Local Government Act 1972, Schedule 12A)</p>"
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{escape(report.title)}</title></head><body>{mark}"
        f"<h1>{escape(report.title)}</h1>{appendix}{front}</body></html>"
    )


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
