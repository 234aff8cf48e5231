"""The whole Cabinet report as HTML: front matter in the report's layout, contents, the numbered body.

The same HTML is the browser preview and WeasyPrint's input. Every text a clerk typed reaches the page
through Django's autoescaping: HTML typed into the front matter shows as text.
"""

import re
from dataclasses import dataclass

from django.template.loader import render_to_string

from reporting.cabinet.content import BODY_START, DERBY, LEICESTER, Content


@dataclass(frozen=True)
class Entry:
    """A line of the contents: the anchor, the number shown and the heading."""

    anchor: str
    number: str
    title: str


def paragraphs_of(text: str) -> list[str]:
    """A clerk's text split into paragraphs at blank lines (each is numbered in the document)."""
    return [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def _numbered(section: int, texts: list[str], first: int = 1) -> list[tuple[str, str]]:
    return [(f"{section}.{index}", text) for index, text in enumerate(texts, start=first)]


def implication_label(row) -> str:
    """The printed name of an "other implications" row: the model's label for its subject key (a row
    of the contract may carry the label itself)."""
    display = getattr(row, "get_subject_display", None)
    return display() if callable(display) else row.subject


def leicester_front(report) -> dict:
    """Leicester's front matter (2002): purpose, recommendations, summary, financial and legal
    implications, other implications, background papers, consultations, author: sections 1 to 8."""
    financial = paragraphs_of(report.financial_implications)
    legal = paragraphs_of(report.legal_implications)
    return {
        "purpose": _numbered(1, paragraphs_of(report.purpose)),
        "recommendations": _numbered(2, [row.text for row in report.recommendations]),
        "summary": _numbered(3, paragraphs_of(report.summary)),
        "financial": _numbered(4, financial),
        "legal": _numbered(4, legal, first=len(financial) + 1),
        "implications": [
            (implication_label(row), row.applies, row.paragraphs) for row in report.implications
        ],
    }


def derby_front(report, content: Content) -> dict:
    """Derby's front matter (2015): summary, recommendations, reasons (sections 1 to 3) before the
    supporting information, then other options considered after it, and the implications appendix."""
    after_body = BODY_START[DERBY] + len(content.sections)
    implications = [
        (f"{index}.1", implication_label(row), row.applies, row.paragraphs)
        for index, row in enumerate(report.implications, start=3)
    ]
    return {
        "summary": _numbered(1, paragraphs_of(report.summary)),
        "recommendations": _numbered(2, [row.text for row in report.recommendations]),
        "reasons": _numbered(3, paragraphs_of(report.reasons)),
        "other_options_number": after_body,
        "other_options": _numbered(after_body, paragraphs_of(report.other_options)),
        "financial": _numbered(1, paragraphs_of(report.financial_implications) or ["None."]),
        "legal": _numbered(
            2, paragraphs_of(report.legal_implications) or ["None arising directly from this report."]
        ),
        "implications": implications,
    }


def contents_of(report, content: Content, sections, *, public: bool) -> list[Entry]:
    body = [Entry(f"section-{s.number}", str(s.number), s.title) for s in sections]
    if not public:
        return body
    if report.layout == DERBY:
        after = BODY_START[DERBY] + len(content.sections)
        return [
            Entry("summary", "1", "Summary"),
            Entry("recommendations", "2", "Recommendations"),
            Entry("reasons", "3", "Reasons for recommendation"),
            Entry("supporting", "", "Supporting information"),
            *body,
            Entry("other-options", str(after), "Other options considered"),
            Entry("appendix-1", "", "Appendix 1: Implications"),
        ]
    return [
        Entry("purpose", "1", "Purpose of report"),
        Entry("recommendations", "2", "Recommendations"),
        Entry("summary", "3", "Summary"),
        Entry("financial", "4", "Financial and legal implications"),
        Entry("other-implications", "5", "Other implications"),
        Entry("background-papers", "6", "Background papers"),
        Entry("consultations", "7", "Consultations"),
        Entry("author", "8", "Report author"),
        Entry("decision-status", "", "Decision status"),
        Entry("supporting", "", "Supporting information"),
        *body,
    ]


def report_html(report, content: Content, *, draft: bool, public: bool = True) -> str:
    """The document as HTML. `public=False` gives the exempt appendix: only the paragraphs the clerk
    marked exempt (Schedule 12A), under their sections and numbers; the public version leaves them
    out with a note in their place."""
    exempt = set(report.exempt_keys or ())
    sections = content.sections if public else content.exempt(exempt)
    layout = report.layout if report.layout in (LEICESTER, DERBY) else LEICESTER
    front = derby_front(report, content) if layout == DERBY else leicester_front(report)
    timetable = list(report.decision_timetable)
    context = {
        "report": report,
        "content": content,
        "sections": sections,
        "draft": draft,
        "public": public,
        "layout": layout,
        "exempt_keys": exempt,
        "front": front,
        "timetable": timetable,
        "first_meeting": timetable[0] if timetable else None,
        "contents": contents_of(report, content, sections, public=public),
        "document_title": report.title if public else f"Exempt appendix: {report.title}",
    }
    return render_to_string("reporting/pdf/report.html", context)
