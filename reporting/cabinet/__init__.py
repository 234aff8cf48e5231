"""Cabinet reports: the body from data, the document as HTML, and the tagged PDF.

    content = report_content(report)                 # figures gathered in a fixed number of queries
    html = report_html(report, content, draft=True)  # front matter in the report's layout, contents, body
    pdf = render_pdf(html)                           # WeasyPrint, PDF/UA-1, fonts embedded

`report` is a `CabinetReport` or any object with the same attributes (issue 12's contract). None of this
knows about Celery or storage: the task calls these three and keeps the bytes.
"""

from reporting.cabinet.content import Content, Paragraph, Section, Table, report_content
from reporting.cabinet.document import report_html
from reporting.cabinet.pdf import render_pdf

__all__ = ["Content", "Paragraph", "Section", "Table", "render_pdf", "report_content", "report_html"]
