"""The version an edit form was read at, and what a colleague changed since: no update is lost.

A version is the saved values the form edits (the record's fields on the form, and every row of its
formset), read when the page was shown, signed so that it comes back as it was sent. On save, with
the record locked, the same values are read again: if they differ, someone saved in between. Values
rather than a history id, because they also catch writes that django-simple-history does not record
(many-to-many choices, `QuerySet.update`), need no column on any model, and say field by field what
changed; the history then says who saved last, and when.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.core import signing
from django.db import models
from django.utils import timezone

SALT = "intlinks.versions"


def _plain(value):
    """A value as JSON keeps it, the same whichever way it was read."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, list | tuple | set):
        return sorted(_plain(item) for item in value)
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return str(value)


def model_fields(model: type[models.Model], names) -> list[str]:
    """Of `names`, those that are the model's own editable fields (not its primary key)."""
    fields = {f.name: f for f in model._meta.get_fields() if getattr(f, "editable", False)}
    return [name for name in names if name in fields and not fields[name].primary_key]


def action_version_fields(record: models.Model) -> list[str]:
    """What a small action's button covers: every stored field of the record (never a related table,
    so that the page showing the button reads nothing more for it)."""
    return [f.name for f in record._meta.concrete_fields if f.editable and not f.primary_key]


def values_of(record: models.Model, names: list[str]) -> dict[str, object]:
    """The saved values of `names` on `record` (a many-to-many field as its sorted primary keys)."""
    values = {}
    for name in names:
        model_field = record._meta.get_field(name)
        value = model_field.value_from_object(record)
        if model_field.many_to_many:
            value = [related.pk for related in value]
        values[name] = _plain(value)
    return values


@dataclass
class Version:
    """What a page read: the record's values and each row's, by the row's primary key."""

    record: dict[str, object]
    rows: dict[str, dict[str, object]] = field(default_factory=dict)
    read_at: str = ""

    def token(self) -> str:
        payload = {"record": self.record, "rows": self.rows, "read_at": self.read_at}
        return signing.dumps(payload, salt=SALT, compress=True)

    @classmethod
    def from_token(cls, token: str) -> "Version":
        """Raises `signing.BadSignature` for a token this site did not sign."""
        payload = signing.loads(token, salt=SALT)
        return cls(record=payload["record"], rows=payload["rows"], read_at=payload["read_at"])

    def digest(self) -> str:
        """The values' fingerprint, for a button that needs to know *whether* they changed, not how:
        it shows nothing of the record in the page's source."""
        canonical = json.dumps({"record": self.record, "rows": self.rows}, sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()

    def differs_from(self, other: "Version") -> bool:
        return self.record != other.record or self.rows != other.rows


def read_version(record: models.Model, names: list[str], rows=(), row_names: list[str] = ()) -> Version:
    """The version of `record` and its `rows` as saved now."""
    return Version(
        record=values_of(record, names),
        rows={str(row.pk): values_of(row, list(row_names)) for row in rows},
        read_at=timezone.now().isoformat(),
    )


@dataclass
class Change:
    """One line of "what changed since": the field, the colleague's saved value, and the person's."""

    label: str
    theirs: str
    yours: str


@dataclass
class StaleEdit:
    """A refused save: who saved last and when (from the history), and what they changed."""

    who: object
    when: datetime.datetime | None
    changes: list[Change]


def last_saved(record: models.Model, row_model=None, row_key: str = ""):
    """The latest history row of the record or of its rows: (who, when), or (None, None)."""
    candidates = []
    history = getattr(record, "history", None)
    if history is not None:
        candidates.append(history.order_by("-history_date").select_related("history_user").first())
    row_history = getattr(row_model, "history", None)
    if row_history is not None:
        rows = row_history.model.objects.filter(**{row_key: record.pk}).select_related("history_user")
        candidates.append(rows.order_by("-history_date").first())
    candidates = [entry for entry in candidates if entry is not None]
    if not candidates:
        return None, None
    latest = max(candidates, key=lambda entry: entry.history_date)
    return latest.history_user, latest.history_date


def shown(record: models.Model | None, name: str) -> str:
    """A field's value as a person reads it: choice labels, names of related records, Yes or No."""
    if record is None:
        return "Not set"
    model_field = record._meta.get_field(name)
    if model_field.many_to_many:
        value = ", ".join(str(related) for related in getattr(record, name).all()) if record.pk else ""
    elif model_field.choices:
        value = str(getattr(record, f"get_{name}_display")())
    else:
        value = getattr(record, name)
    return _readable(value)


def shown_value(value) -> str:
    """A cleaned form value (not yet saved) as a person reads it."""
    if isinstance(value, models.QuerySet | list | tuple):
        return ", ".join(str(item) for item in value)
    return _readable(value)


def in_words(field: models.Field, raw) -> str:
    """A stored value of `field` as a person reads it: its choice label, Yes or No, a date in words,
    or Not set. The stale-edit page and an activity's history both word values this way."""
    return _readable(dict(field.flatchoices).get(raw, raw))


def _readable(value) -> str:
    if value is None or value == "":
        return "Not set"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def _as_read(record: models.Model, name: str, raw) -> str:
    """A field the page does not ask for: the person's value is the one they saw."""
    if raw in (None, "", []):
        return "Not set (when you opened the page)"
    model_field = record._meta.get_field(name)
    if model_field.is_relation:
        return "As you saw it when you opened the page"
    return f"{in_words(model_field, raw)} (when you opened the page)"


def _yours(form, name: str, *, record: models.Model, read_value=None) -> str:
    """The person's value of a field, from the form they posted (a model form's record has it set)."""
    if name not in getattr(form, "cleaned_data", {}):
        return _as_read(record, name, read_value)
    instance = getattr(form, "instance", None)
    if instance is None or instance._meta.get_field(name).many_to_many:
        return shown_value(form.cleaned_data[name])
    return shown(instance, name)


def _label(form, record: models.Model, name: str) -> str:
    form_field = form.fields.get(name) if form is not None else None
    label = form_field.label if form_field is not None and form_field.label else None
    label = str(label or record._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


def changes_since(read: Version, now: Version, *, record, form, rows=(), row_forms=(), row_label="Row"):
    """What a colleague changed between `read` and `now`, beside the person's own values: the record's
    fields, then each row (numbered as on the page) that they changed, added or removed."""
    changes = [
        Change(
            _label(form, record, name),
            shown(record, name),
            _yours(form, name, record=record, read_value=read.record.get(name)),
        )
        for name, value in now.record.items()
        if read.record.get(name) != value
    ]
    saved_rows = {str(row.pk): row for row in rows}
    posted = {
        str(row_form.instance.pk): (number, row_form)
        for number, row_form in enumerate(row_forms, start=1)
        if getattr(row_form, "instance", None) is not None and row_form.instance.pk is not None
    }
    for key in sorted(set(read.rows) | set(now.rows), key=int):
        number, row_form = posted.get(key, (None, None))
        name = f"{row_label} {number}" if number else row_label
        if key not in read.rows:
            changes.append(Change(f"{row_label} added", str(saved_rows[key]), "Not on your page"))
        elif key not in now.rows:
            changes.append(Change(name, "Removed", str(row_form.instance) if row_form else "Not set"))
        else:
            for field_name, value in now.rows[key].items():
                if read.rows[key].get(field_name) != value:
                    label = f"{name}: {_label(row_form, saved_rows[key], field_name)}"
                    row = saved_rows[key]
                    yours = _yours(
                        row_form, field_name, record=row, read_value=read.rows[key].get(field_name)
                    )
                    changes.append(Change(label, shown(saved_rows[key], field_name), yours))
    return changes
