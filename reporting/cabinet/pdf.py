"""The report's HTML to a tagged, accessible PDF with WeasyPrint.

PDF/UA-1 gives a structure tree (`/StructTreeRoot`), `/MarkInfo /Marked true`, the document's language
from `<html lang>` and its title from `<title>`, shown in the viewer's title bar. Fonts come from the
machine through fontconfig (Liberation Sans, metrically Arial, then DejaVu Sans) and are embedded as
subsets; nothing is fetched from the network.
"""

from weasyprint import HTML

PDF_VARIANT = "pdf/ua-1"


def _no_network(url: str):
    """Refuse every fetch: a report is made only of its HTML (inline SVG, local fonts)."""
    raise ValueError(f"A Cabinet report fetches nothing: {url}")


def render_pdf(html: str) -> bytes:
    """The PDF of `html` (from `report_html`), tagged for PDF/UA-1."""
    document = HTML(string=html, url_fetcher=_no_network)
    return document.write_pdf(pdf_variant=PDF_VARIANT)
