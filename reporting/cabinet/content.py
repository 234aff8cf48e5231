"""The body of a Cabinet report, from data: sections of numbered paragraphs, each with a stable key.

`report_content(report)` gathers the figures for the report's kind (annual evaluation, strategy
evaluation, partnership review) in a fixed number of queries and returns a `Content`: plain text,
small tables and charts, no HTML. The templates in `templates/reporting/pdf/` lay it out; the keys let a
clerk mark a paragraph exempt (Schedule 12A) and keep that mark when the figures are generated again.

Paragraphs are numbered as council reports number them ("3.2"): sections from 1 under "Supporting
information" in Leicester's layout, and from 4 in Derby's (after summary, recommendations and reasons).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from reporting.charts import Chart

ANNUAL = "annual"
STRATEGY = "strategy"
PARTNERSHIP = "partnership"
LEICESTER = "leicester"
DERBY = "derby"
# The number of the first body section in each layout (Derby's supporting information is section 4).
BODY_START = {LEICESTER: 1, DERBY: 4}


@dataclass
class Table:
    """A small table: the first cell of each row heads the row; `numeric` columns are right-aligned."""

    caption: str
    headings: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()
    total: list[str] | None = None  # a closing row, set in bold

    def is_numeric(self, index: int) -> bool:
        return index in self.numeric


@dataclass
class Paragraph:
    key: str  # stable across generations, e.g. "finance.budget" or "partnerships.12"
    text: str = ""
    items: list[str] = field(default_factory=list)  # a bulleted list after the text
    table: Table | None = None
    chart: Chart | None = None
    number: str = ""  # "3.2", set by the numbering


@dataclass
class Section:
    key: str
    title: str
    paragraphs: list[Paragraph]
    number: int = 0


@dataclass
class Content:
    """What `report_content` returns: the sections, in order, and what the data lacked."""

    heading: str  # what the report evaluates, e.g. "Annual evaluation of international activity, 2002/03"
    sections: list[Section]
    missing: list[str]  # plain sentences: "No action plan is recorded for 2002/03"
    as_of: datetime
    figures: dict = field(default_factory=dict)  # headline figures, for the front matter's defaults

    def paragraphs(self) -> Iterator[Paragraph]:
        for section in self.sections:
            yield from section.paragraphs

    def paragraph(self, key: str) -> Paragraph | None:
        return next((paragraph for paragraph in self.paragraphs() if paragraph.key == key), None)

    def exempt(self, keys) -> list[Section]:
        """Only the paragraphs whose keys are in `keys`, under their sections (for the exempt appendix)."""
        keys = set(keys or ())
        kept = []
        for section in self.sections:
            paragraphs = [paragraph for paragraph in section.paragraphs if paragraph.key in keys]
            if paragraphs:
                kept.append(Section(section.key, section.title, paragraphs, section.number))
        return kept


def number_sections(sections: list[Section], *, start: int) -> list[Section]:
    """Number the sections from `start` and their paragraphs "n.1", "n.2" …, in place."""
    for offset, section in enumerate(sections):
        section.number = start + offset
        for index, paragraph in enumerate(section.paragraphs, start=1):
            paragraph.number = f"{section.number}.{index}"
    return sections


def report_content(report, *, as_of: datetime | None = None) -> Content:
    """The body of `report` from the data, numbered for its layout, in a fixed number of queries.

    `as_of` is recorded on the content; the figures are read as they are now (reading them from the
    history tables as of that time is not built yet).
    """
    # Imported here: each kind's module imports this one for the dataclasses.
    from reporting.cabinet import annual, link_review, strategy_period

    as_of = as_of or timezone.now()
    builders = {ANNUAL: annual.build, STRATEGY: strategy_period.build, PARTNERSHIP: link_review.build}
    if report.kind not in builders:
        raise ValueError(f"Unknown kind of report: {report.kind!r}")
    content = builders[report.kind](report, as_of=as_of)
    number_sections(content.sections, start=BODY_START.get(report.layout, 1))
    return content
