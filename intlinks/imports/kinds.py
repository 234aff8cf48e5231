"""The kinds of record that can be imported, registered by the apps that own them, and one run of an
import: the file's columns checked, every row's outcome, and nothing kept unless it is confirmed.

`intlinks` knows no domain app: `strategy` and `partnerships` register their kinds in
`AppConfig.ready()` with `register_import_kind`, as they register spending sources.
"""

from dataclasses import dataclass, field

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from import_export.results import RowResult

from intlinks.imports.files import Sheet, read_sheet
from intlinks.imports.widgets import text_of
from intlinks.services import staged_import_claim

# A template's rows are examples; a row with anything in this column is shown and never imported.
EXAMPLE_COLUMN = "Example"
EXAMPLE_MARK = "Example: delete this row"

NEW, CHANGED, UNCHANGED, ERROR, EXAMPLE = "new", "changed", "unchanged", "error", "example"
STATUS_OF = {
    RowResult.IMPORT_TYPE_NEW: NEW,
    RowResult.IMPORT_TYPE_UPDATE: CHANGED,
    RowResult.IMPORT_TYPE_SKIP: UNCHANGED,
    RowResult.IMPORT_TYPE_INVALID: ERROR,
    RowResult.IMPORT_TYPE_ERROR: ERROR,
}


@dataclass(frozen=True)
class ImportKind:
    slug: str
    label: str  # plural, as a heading: "Partner places"
    resource: type
    permissions: tuple[str, ...]
    summary: str
    order: int = 0

    @property
    def sheet_name(self) -> str:
        return self.label

    @property
    def key_description(self) -> str:
        return " + ".join(self.resource.key_columns)

    def is_open_to(self, user) -> bool:
        return user.has_perms(self.permissions)


_kinds: dict[str, ImportKind] = {}


def register_import_kind(kind: ImportKind) -> ImportKind:
    _kinds[kind.slug] = kind
    return kind


def import_kinds() -> list[ImportKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.order)


def import_kind(slug: str) -> ImportKind | None:
    return _kinds.get(slug)


@dataclass
class RowOutcome:
    line: int  # the row's number in the spreadsheet
    status: str
    key: str  # the natural key's values, as typed
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column or "", message)
    changed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "line": self.line,
            "status": self.status,
            "key": self.key,
            "errors": [list(e) for e in self.errors],
            "changed": self.changed,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "RowOutcome":
        return cls(**{**data, "errors": [tuple(e) for e in data["errors"]]})


@dataclass
class Outcome:
    rows: list[RowOutcome]

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def has_errors(self) -> bool:
        return any(row.status == ERROR for row in self.rows)

    @property
    def writes(self) -> int:
        return self.count(NEW) + self.count(CHANGED)

    def statuses(self) -> list[tuple[int, str]]:
        return [(row.line, row.status) for row in self.rows]


def check_columns(kind: ImportKind, header: list[str]) -> list[str]:
    """The file's columns against the kind's: each missing required column and unknown column named.

    Returns the header with each column spelled as the kind spells it (matching ignores case)."""
    known = {name.lower(): name for name in [*kind.resource.headers(), EXAMPLE_COLUMN]}
    problems = []
    unknown = [name for name in header if name.lower() not in known]
    if unknown:
        problems.append(
            "Unknown column: " + ", ".join(f"“{name}”" for name in unknown) + " (see the template's columns)"
        )
    present = {name.lower() for name in header}
    missing = [name for name in kind.resource.required_headers() if name.lower() not in present]
    if missing:
        problems.append("Missing column: " + ", ".join(f"“{name}”" for name in missing))
    repeated = sorted({name for name in header if [h.lower() for h in header].count(name.lower()) > 1})
    if repeated:
        problems.append("Column given twice: " + ", ".join(f"“{name}”" for name in repeated))
    if problems:
        raise ValidationError(problems)
    return [known[name.lower()] for name in header]


def run_import(*, kind: ImportKind, sheet: Sheet, by, dry_run: bool) -> Outcome:
    """Import one sheet, every row in one transaction; with `dry_run`, or if any row is refused,
    nothing is kept. Raises ValidationError for the file as a whole (its columns)."""
    header = check_columns(kind, sheet.header)
    example_at = header.index(EXAMPLE_COLUMN) if EXAMPLE_COLUMN in header else None
    examples, lines = [], []
    dataset = tablib.Dataset(headers=header)
    for line, cells in zip(sheet.line_numbers, sheet.rows, strict=True):
        if example_at is not None and text_of(cells[example_at]):
            examples.append(line)
            continue
        dataset.append(cells)
        lines.append(line)
    resource = kind.resource(by=by)
    resource.line_numbers = lines
    with transaction.atomic():
        result = resource.import_data(
            dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True
        )
        outcome = _outcome(resource, dataset, result, lines, examples)
        if dry_run or outcome.has_errors:
            transaction.set_rollback(True)
    return outcome


def _outcome(resource, dataset, result, lines, examples) -> Outcome:
    if result.base_errors:
        raise ValidationError([str(error.error) for error in result.base_errors])
    rows = [RowOutcome(line=line, status=EXAMPLE, key="") for line in examples]
    for number, (row_result, values) in enumerate(zip(result.rows, dataset.dict, strict=True), 1):
        outcome = RowOutcome(
            line=lines[number - 1],
            status=STATUS_OF.get(row_result.import_type, ERROR),
            key=", ".join(text_of(values.get(column)) for column in resource.key_columns),
        )
        if row_result.validation_error is not None:
            outcome.errors = _cell_errors(resource, row_result.validation_error)
        for error in row_result.errors:
            outcome.errors.append(("", f"Could not be saved: {error.error}"))
        if outcome.status == CHANGED:
            outcome.changed = resource.changes_by_row.get(number, [])
        rows.append(outcome)
    rows.sort(key=lambda row: row.line)
    return Outcome(rows=rows)


def _cell_errors(resource, error: ValidationError) -> list[tuple[str, str]]:
    if not hasattr(error, "error_dict"):
        return [("", message) for message in error.messages]
    errors = []
    for name, messages in error.message_dict.items():
        column = "" if name == "__all__" else resource.column_for(name) or name
        errors.extend((column, message) for message in messages)
    return errors


# What confirming a preview came to (`staged_import_confirm`).
GONE, PREVIEW_HAS_ERRORS, RECORDS_CHANGED, IMPORTED = (
    "gone",
    "preview has errors",
    "records changed",
    "imported",
)


@dataclass
class Confirmation:
    result: str
    outcome: Outcome | None = None
    filename: str = ""


def staged_import_confirm(*, kind: ImportKind, key: str, by) -> Confirmation:
    """Import a person's staged file, all of it in one transaction, only if it does what its preview
    showed. If the records changed since (a row's outcome differs, or a row is now refused), nothing is
    kept and the staged preview is replaced by what the file would do now. A second confirm waits for
    the first and finds the file gone."""
    with transaction.atomic():
        staged = staged_import_claim(key=key, kind=kind.slug, by=by)
        if staged is None:
            return Confirmation(GONE)
        shown = Outcome(rows=[RowOutcome.from_dict(row) for row in staged.preview])
        if shown.has_errors:
            return Confirmation(PREVIEW_HAS_ERRORS)
        sheet = read_sheet(bytes(staged.content), sheet_name=kind.sheet_name)
        outcome = run_import(kind=kind, sheet=sheet, by=by, dry_run=False)
        if outcome.statuses() == shown.statuses() and not outcome.has_errors:
            staged.delete()
            return Confirmation(IMPORTED, outcome, staged.filename)
        transaction.set_rollback(True)
    type(staged).objects.filter(pk=staged.pk).update(preview=[row.as_dict() for row in outcome.rows])
    return Confirmation(RECORDS_CHANGED, outcome, staged.filename)
