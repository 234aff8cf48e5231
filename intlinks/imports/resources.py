"""The base of every import: a django-import-export Resource whose writes go through the app's service.

A subclass declares its columns as `Column`s (a Field with a person's header and whether it is
required), the columns that make its natural key, how to find the existing record by them
(`find_existing`), how to resolve what several columns name together (`resolve`, e.g. a link from its
place, country and kind) and which service saves it (`save_through_service`). The base gives it:

- the row's status: new, changed (naming the changed columns), unchanged (skipped: nothing written),
  or error with the reason per column;
- refusal of formulas in cells (never evaluated), and of a row repeating an earlier row's key;
- the importing person as `history_user` of every history row.

`import_data(dry_run=True)` runs the services inside a transaction that is rolled back: the preview
sees exactly the refusals the confirmed import would meet.
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources
from import_export.instance_loaders import BaseInstanceLoader

from intlinks.imports.widgets import TextWidget, text_of

FORMULA_REFUSAL = "This cell holds a formula; type its value instead (formulas are never run)"


class Column(fields.Field):
    """A column of an import: its header as people read it, and whether every row must fill it."""

    def __init__(self, header: str, attribute: str | None = None, *, required=False, help_text="", **kw):
        kw.setdefault("widget", TextWidget())
        super().__init__(attribute=attribute, column_name=header, **kw)
        self.required, self.help_text = required, help_text


def is_formula(value) -> bool:
    return isinstance(value, str) and value.lstrip().startswith("=")


class ImportResource(resources.Resource):
    record_model = None
    # The columns whose values find the existing record (also the test for a repeated row).
    key_columns: tuple[str, ...] = ()
    # Model fields set from several columns, and the column to show their errors beside.
    error_columns: dict[str, str] = {}
    # Rows for the downloadable template, column header -> text, marked there as examples.
    example_rows: tuple[dict, ...] = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        skip_diff = True
        use_transactions = True
        clean_model_instances = False  # the service validates, as it does for a page
        instance_loader_class = BaseInstanceLoader  # unused: `find_existing` matches on the natural key

    def __init__(self, *, by, **kwargs):
        super().__init__(**kwargs)
        self.by = by
        self._seen_keys: dict[tuple, int] = {}
        self._changes: list[str] = []
        self.changes_by_row: dict[int, list[str]] = {}
        self.line_numbers: list[int] = []

    # ---- what a subclass provides -------------------------------------------------------------------

    def prepare(self, dataset) -> None:
        """Read once what every row looks up (links, budget lines…), before the first row."""

    def find_existing(self, row: dict):
        """The stored record this row's natural key names, or None."""
        raise NotImplementedError

    def resolve(self, instance, row: dict) -> dict:
        """Set what several columns name together; return {column: message} for what cannot be found."""
        return {}

    def resolved_values(self, instance) -> tuple:
        """What `resolve` set, compared before and after to tell a changed row from an unchanged one."""
        return ()

    def save_through_service(self, instance, *, is_create: bool, row: dict) -> None:
        raise NotImplementedError

    # A kind with many rows (`Meta.use_bulk = True`) validates each row through its service's check
    # and writes a batch at a time: no savepoint and no write per row (docs/adr/0017).

    def check_through_service(self, instance, *, is_create: bool, row: dict) -> None:
        """Validate the row by its service's rules without saving (a kind with `use_bulk`)."""
        raise NotImplementedError

    def save_in_bulk(self, instances: list, *, is_create: bool) -> None:
        """Write a batch of rows checked by `check_through_service`, through the service."""
        raise NotImplementedError

    # ---- columns ------------------------------------------------------------------------------------

    @classmethod
    def columns(cls) -> list[Column]:
        return list(cls.fields.values())

    @classmethod
    def headers(cls) -> list[str]:
        return [column.column_name for column in cls.fields.values()]

    @classmethod
    def required_headers(cls) -> list[str]:
        return [column.column_name for column in cls.fields.values() if column.required]

    def column_for(self, name: str) -> str:
        """The column an error keyed by a model field (or already by a column) belongs beside."""
        if name in self.error_columns:
            return self.error_columns[name]
        for column in self.fields.values():
            if name in (column.attribute, column.column_name):
                return column.column_name
        return ""

    def key_of(self, row: dict) -> tuple:
        """The row's natural key as typed values ("DE" and "Germany" are one country), text in any case."""
        return tuple(self._key_value(row, column) for column in self.key_columns)

    def _key_value(self, row: dict, column: str):
        value = self.cleaned(row, column)
        if value is None or isinstance(value, str):
            return (value or text_of(row.get(column))).lower()
        return value

    def cleaned(self, row: dict, header: str):
        """A column's typed value, or None when it cannot be read (its error is reported by the row)."""
        try:
            return self.fields[self._field_name(header)].clean(row)
        except (ValueError, KeyError):
            return None

    def _field_name(self, header: str) -> str:
        return next(name for name, column in self.fields.items() if column.column_name == header)

    # ---- the import-export hooks --------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self.prepare(dataset)

    def before_import_row(self, row, row_number=None, **kwargs):
        key = self.key_of(row)
        if any(key) and key in self._seen_keys:
            first = self.line_of(self._seen_keys[key])
            raise ValidationError(
                f"Repeats row {first} ({', '.join(self.key_columns)}): each record once in a file"
            )
        self._seen_keys[key] = row_number

    def line_of(self, row_number: int) -> int:
        return self.line_numbers[row_number - 1] if self.line_numbers else row_number + 1

    def get_or_init_instance(self, instance_loader, row):
        found = self.find_existing(row)
        return (found, False) if found is not None else (self.record_model(), True)

    def _snapshot(self, instance) -> tuple:
        values = tuple(column.get_value(instance) for column in self.fields.values() if column.attribute)
        return values + tuple(self.resolved_values(instance))

    def import_instance(self, instance, row, **kwargs):
        before = self._snapshot(instance) if instance.pk else None
        errors = {}
        for header, value in row.items():
            if is_formula(value):
                errors[header] = FORMULA_REFUSAL
        for column in self.fields.values():
            if column.column_name in errors or column.column_name not in row:
                continue
            if column.required and not text_of(row[column.column_name]):
                errors[column.column_name] = f"Enter the {column.column_name.lower()}"
                continue
            try:
                self.import_field(column, instance, row, **kwargs)
            except ValueError as error:
                errors[column.column_name] = str(error)
        errors.update({k: v for k, v in self.resolve(instance, row).items() if k not in errors})
        self._changes = self._changed_columns(before, self._snapshot(instance)) if before else []
        if errors:
            raise ValidationError(errors)

    def _changed_columns(self, before: tuple, after: tuple) -> list[str]:
        names = [column.column_name for column in self.fields.values() if column.attribute]
        changed = [name for name, old, new in zip(names, before, after, strict=False) if old != new]
        if before[len(names) :] != after[len(names) :]:
            changed.append(", ".join(self.key_columns[:1]) or "reference")
        return changed

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return instance.pk is not None and not import_validation_errors and not self._changes

    def after_import_row(self, row, row_result, row_number=None, **kwargs):
        self.changes_by_row[row_number] = self._changes

    def save_instance(self, instance, is_create, row, **kwargs):
        # The history row of this write names the person importing (django-simple-history reads it).
        instance._history_user = self.by
        if not self._meta.use_bulk:
            self.save_through_service(instance, is_create=is_create, row=row)
            return
        self.check_through_service(instance, is_create=is_create, row=row)
        (self.create_instances if is_create else self.update_instances).append(instance)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._save_batch(self.create_instances, is_create=True, raise_errors=raise_errors, result=result)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._save_batch(self.update_instances, is_create=False, raise_errors=raise_errors, result=result)

    def _save_batch(self, instances: list, *, is_create: bool, raise_errors, result) -> None:
        # Written in the preview too (then rolled back), so that it meets the database's refusals. An
        # error here names no row: it is the file's, and nothing is kept.
        if not instances:
            return
        try:
            self.save_in_bulk(list(instances), is_create=is_create)
        except Exception as error:  # noqa: BLE001 - reported as the file's error, as the library does
            self.handle_import_error(result, error, raise_errors)
        finally:
            instances.clear()

    def save_m2m(self, instance, row, **kwargs):
        """Many-to-many values are set by the service, with the record."""

    def after_import(self, dataset, result, **kwargs):
        """No sequence reset: records are created by the services with their own ids."""
