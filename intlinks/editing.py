"""One way to write a form page: view -> form -> service -> redirect, with errors back beside the fields.

A page declares its form (and, if it edits rows with it, a formset) and one `save(form)` hook that
calls a service. Validation of the form and the formset runs in the same round; a `ValidationError`
raised by the service, whatever its shape, is put beside the fields it names, or beside the rows it
names (`RowErrors`), and the page is shown again with one error summary.

Every form also carries two hidden fields, so that no page needs code of its own for them:
- a one-time token, claimed in the transaction of the save (`intlinks.services.form_token_claim`):
  a double-click or a replayed POST saves once, and the second answer goes where the first went;
- on an edit, the version it was read at (`intlinks.versions`): if a colleague saved in between, the
  save is refused, the page shows what they changed beside the person's values, and carries the new
  version, so that saving again deliberately re-applies the person's change.
"""

import datetime
import secrets
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, models, transaction
from django.shortcuts import redirect
from django.utils.crypto import constant_time_compare
from django.views.generic.edit import BaseUpdateView

from intlinks import services
from intlinks.templatetags.intlinks import person_name
from intlinks.unavailable import SAVE_REFUSED, database_refusal, log_refusal
from intlinks.versions import (
    StaleEdit,
    Version,
    action_version_fields,
    changes_since,
    last_saved,
    model_fields,
    read_version,
)

Row = TypeVar("Row")


class RowErrors(ValidationError):
    """A service's errors about the rows it was given, by each row's position in that list."""

    def __init__(self, by_row: dict[int, ValidationError]):
        self.by_row = by_row
        super().__init__([message for error in by_row.values() for message in error.messages])


def validate_rows(rows: Sequence[Row], validate: Callable[[Row], None]) -> None:
    """For a service: run `validate` on every row and raise one `RowErrors` naming each row it
    refused, so that the page shows every row's errors in one round, beside their fields."""
    by_row = {}
    for index, row in enumerate(rows):
        try:
            validate(row)
        except ValidationError as error:
            by_row[index] = error
    if by_row:
        raise RowErrors(by_row)


def save_rows(rows: Iterable[models.Model], removed: Iterable[models.Model], **parent) -> None:
    """For a service, once everything is valid: delete the removed rows, then save the kept ones under
    their saved parent (`save_rows(costs, removed, activity=activity)`)."""
    for row in removed:
        row.delete()
    for row in rows:
        for name, value in parent.items():
            setattr(row, name, value)
        row.save()


def apply_validation_error(
    form: forms.BaseForm, error: ValidationError, *, rows: Sequence[forms.BaseForm] = ()
) -> None:
    """Put any ValidationError beside the form's fields, or the formset rows' fields.

    Errors naming a field the form does not show, and errors with no field at all, go to the top of
    the form, so that nothing a service says is lost.
    """
    if isinstance(error, RowErrors):
        for index, row_error in error.by_row.items():
            apply_validation_error(rows[index], row_error)
        return
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            shown = field in form.fields and field != NON_FIELD_ERRORS
            form.add_error(field if shown else None, errors)
    else:
        form.add_error(None, error.error_list)


def add_errors_not_yet_shown(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a ValidationError beside the form's fields, leaving out fields that already show an error
    (a rule across the form and its rows adds to what the fields' own rules said, never repeats it)."""
    if hasattr(error, "error_dict"):
        fresh = {field: errors for field, errors in error.error_dict.items() if field not in form.errors}
        if fresh:
            apply_validation_error(form, ValidationError(fresh))
        return
    apply_validation_error(form, error)


def with_a_blank_row(formset: forms.BaseFormSet, **kwargs) -> forms.BaseFormSet:
    """The same bound formset with one more row, blank but for its initial values (so that, left as it
    is, it is ignored like any blank row)."""
    data = formset.data.copy()
    index = formset.total_form_count()
    data[formset.add_prefix(forms.formsets.TOTAL_FORM_COUNT)] = str(index + 1)
    blank = formset.empty_form
    for name in blank.fields:
        value = blank[name].value()
        if value not in (None, "", False, []):
            data[f"{formset.prefix}-{index}-{name}"] = value
    return type(formset)(data, instance=formset.instance, prefix=formset.prefix, **kwargs)


def unchecked(form: forms.BaseForm, formset: forms.BaseFormSet | None) -> None:
    """Show a bound form (and its rows) as typed, without validating it: no error is shown."""
    for each in [form, *(formset.forms if formset is not None else [])]:
        each._errors, each.cleaned_data = forms.utils.ErrorDict(), {}
    if formset is not None:
        formset._errors = [row._errors for row in formset.forms]
        formset._non_form_errors = formset.error_class()


def formset_rows(formset: forms.BaseFormSet) -> tuple[list[forms.BaseForm], list]:
    """The rows to save and the saved records to remove, from a valid formset.

    A row is kept when it holds a saved record or something was typed into it, unless it is marked
    for removal; blank extra rows are ignored.
    """
    kept, removed = [], []
    for row in formset.forms:
        marked = formset.can_delete and row.cleaned_data.get(forms.formsets.DELETION_FIELD_NAME, False)
        saved = getattr(getattr(row, "instance", None), "pk", None) is not None
        if marked:
            if saved:
                removed.append(row.instance)
        elif saved or row.has_changed():
            kept.append(row)
    return kept, removed


def service_action(
    request, call: Callable[[], object], *, success: str, guard: models.Model | None = None
) -> bool:
    """A small POST action (approve, accept, mark complete): its one service call, and then its success
    or the service's refusal as a message for the page it redirects to. Says whether it succeeded.

    With `guard`, the record the person decided on: it is locked for the call, and if the button's
    form carried the record's version (`{% version_input record %}`) and someone changed the record
    since the page was shown, the action is refused, so that nobody approves what they have not seen.
    """
    try:
        with transaction.atomic():
            if guard is not None:
                check_action_version(guard, request.POST.get(VERSION_FIELD, ""))
            call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    except DatabaseError as error:
        refusal = database_refusal(error)
        if refusal is None:
            raise
        log_refusal(request, error, refusal)
        messages.error(request, SAVE_REFUSED[refusal])
        return False
    messages.success(request, success)
    return True


def check_action_version(record: models.Model, posted: str) -> None:
    """Lock `record` and bring it up to date; refuse if it changed since the page showed `posted`."""
    list(type(record)._base_manager.select_for_update(of=("self",)).filter(pk=record.pk).values_list("pk"))
    record.refresh_from_db()
    if not posted:
        return
    if not constant_time_compare(posted, read_version(record, action_version_fields(record)).digest()):
        who, _ = last_saved(record)
        someone = person_name(who) or "Someone else"
        raise ValidationError(
            f"{someone} changed this after you opened the page, so nothing was done. "
            "Check what it says now and try again."
        )


TOKEN_FIELD = "form_token"
VERSION_FIELD = "form_version"
ALREADY_SAVED = "This was already saved"
STALE_MESSAGE = (
    "Someone else saved this after you opened it, so your changes have not been saved. Check what they "
    "changed, then save again to replace their values with yours."
)


class ServiceFormMixin(PermissionRequiredMixin):
    """A create or edit page (with CreateView, UpdateView or FormView) whose form goes to a service.

    Override `save(form)`: call the service and return what it saved; `fill_instance(instance)` sets
    what the page itself knows before the form is validated. With `formset_class`, the
    formset edits the rows belonging to the form's instance; `self.kept_rows` and `self.removed_rows`
    are ready for `save` to hand over.
    """

    template_name = "form_page.html"
    raise_exception = True
    title = ""
    intro = ""
    success_message = "Saved"
    formset_class = None
    formset_prefix = "rows"
    # The record's fields an edit's version covers; by default the form's fields that are the record's.
    version_fields: list[str] | None = None

    def save(self, form):
        raise NotImplementedError(f"{type(self).__name__} must call a service in save(form)")

    def crumbs(self) -> list[tuple[str, str | None]]:
        return [(self.title, None)]

    def get_success_message(self) -> str:
        return self.success_message

    def fill_instance(self, instance) -> None:
        """Set what the page knows and the form does not ask (the link it belongs to, who records it),
        before validation, so that the model's own rules see the whole record."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if getattr(form, "instance", None) is not None:
            self.fill_instance(form.instance)
        self.formset = self.get_formset(form)
        self.add_guard_fields(form)
        return form

    def get_formset(self, form):
        if self.formset_class is None:
            return None
        data = self.request.POST if self.request.method == "POST" else None
        kwargs = {"form_kwargs": form_kwargs} if (form_kwargs := self.formset_form_kwargs()) else {}
        formset = self.formset_class(data, instance=form.instance, prefix=self.formset_prefix, **kwargs)
        if self.adding_a_row:
            formset = with_a_blank_row(formset, **kwargs)
        return formset

    def formset_form_kwargs(self) -> dict:
        """What every row's form is given (the formset's `form_kwargs`), read once for the page."""
        return {}

    # Adding a row without JavaScript: a submit button named `add_row_name` ("Add another cost") shows
    # the page again with what was typed and one more blank row, validating and saving nothing. With
    # JavaScript (static/js/add-another.js) the same button adds the row in the page.
    add_row_name = ""

    @property
    def adding_a_row(self) -> bool:
        return (
            bool(self.add_row_name)
            and self.request.method == "POST"
            and self.add_row_name in self.request.POST
        )

    def post(self, request, *args, **kwargs):
        if not self.adding_a_row:
            return super().post(request, *args, **kwargs)
        self.object = self.get_object() if isinstance(self, BaseUpdateView) else None
        form = self.get_form()
        unchecked(form, self.formset)
        return self.render_to_response(self.get_context_data(form=form))

    # Rules across the form and its rows.

    def check_together(self, form, rows: list) -> None:
        """Rules that join the form's record and its rows (`rows`: the instances of the rows kept), which
        the service applies too (both ask the same model method): raise a ValidationError keyed by the
        form's fields. Checked in the same round as every field's own rules, so all errors show at once."""

    def rules_together_hold(self, form) -> bool:
        if not hasattr(self, "_together_hold"):
            kept, _ = formset_rows(self.formset) if self.formset is not None else ([], [])
            try:
                self.check_together(form, [row.instance for row in kept])
                self._together_hold = True
            except ValidationError as error:
                add_errors_not_yet_shown(form, error)
                self._together_hold = False
        return self._together_hold

    def form_valid(self, form):
        if self.formset is not None and not self.formset.is_valid():
            return self.form_invalid(form)
        if not self.rules_together_hold(form):
            return self.form_invalid(form)
        self.kept_rows, self.removed_rows = formset_rows(self.formset) if self.formset else ([], [])
        token_key = form.cleaned_data.pop(TOKEN_FIELD, "")
        posted_version = form.cleaned_data.pop(VERSION_FIELD, "")
        try:
            return self.save_in_transaction(form, token_key, posted_version)
        except DatabaseError as error:
            refusal = database_refusal(error)
            if refusal is None:
                raise
            # The transaction rolled back as a whole (the token too): the person keeps what they typed.
            log_refusal(self.request, error, refusal)
            form.add_error(None, SAVE_REFUSED[refusal])
            return self.form_invalid(form)

    def save_in_transaction(self, form, token_key: str, posted_version: str):
        with transaction.atomic():
            token, claimed = (None, False)
            if token_key:
                token, claimed = services.form_token_claim(key=token_key, by=self.request.user)
                if not claimed:
                    messages.success(self.request, ALREADY_SAVED)
                    return redirect(token.redirect_to or "/")
            try:
                self.stale_edit = self.check_version(form, posted_version)
                if self.stale_edit is not None:
                    transaction.set_rollback(True)  # the token too: saving again must be possible
                    form.add_error(None, STALE_MESSAGE)
                    return self.form_invalid(form)
                self.object = self.save(form)
            except ValidationError as error:
                transaction.set_rollback(True)
                apply_validation_error(form, error, rows=self.kept_rows)
                return self.form_invalid(form)
            success_url = self.get_success_url()
            if token is not None:
                services.form_token_record_result(token=token, redirect_to=success_url)
        messages.success(self.request, self.get_success_message())
        return redirect(success_url)

    # The version of an edit: what it covers, read when the page is shown and again, locked, on save.

    def versioned_record(self, form) -> models.Model | None:
        """The saved record the page edits (a FormView that changes one says which); None on a create."""
        instance = getattr(form, "instance", None)
        return instance if instance is not None and instance.pk is not None else None

    def version_names(self, form, record) -> list[str]:
        return self.version_fields or model_fields(type(record), form.fields)

    @property
    def row_formset(self):
        """The formset, when it edits rows of the record (an inline formset); its rows are versioned."""
        return self.formset if hasattr(self.formset, "fk") else None

    def version_row_names(self) -> list[str]:
        if self.row_formset is None:
            return []
        fk, model = self.row_formset.fk.name, self.row_formset.model
        return [name for name in model_fields(model, self.row_formset.form.base_fields) if name != fk]

    def version_rows(self, record, *, lock=False) -> list[models.Model]:
        if self.row_formset is None:
            return []
        manager = self.row_formset.model._default_manager  # the rows the formset shows
        rows = manager.filter(**{self.row_formset.fk.name: record.pk}).order_by("pk")
        return list(rows.select_for_update(of=("self",)) if lock else rows)

    def read_version(self, form, record, *, lock=False) -> Version:
        rows = self.version_rows(record, lock=lock)
        return read_version(record, self.version_names(form, record), rows, self.version_row_names())

    def add_guard_fields(self, form) -> None:
        """The hidden token and version; crispy renders hidden fields its layout does not name."""
        form.fields[TOKEN_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, max_length=64, initial=secrets.token_urlsafe(32)
        )
        record = self.versioned_record(form)
        if record is not None:
            # Lazily: a POST that saves never renders it, so never reads it.
            form.fields[VERSION_FIELD] = forms.CharField(
                widget=forms.HiddenInput,
                required=False,
                initial=lambda: self.read_version(form, record).token(),
            )
        if getattr(form, "helper", None) is not None:
            form.helper.render_hidden_fields = True

    def check_version(self, form, posted: str) -> StaleEdit | None:
        """Inside the save's transaction: lock the record (and its rows) and compare what is saved now
        with the version the form was read at. On a difference, the refusal, and the form carries the
        new version. A form posted without a version (an older page, a script) is not checked."""
        record = self.versioned_record(form)
        if not posted or record is None:
            return None
        current = type(record)._base_manager.select_for_update(of=("self",)).filter(pk=record.pk).first()
        if current is None:
            raise ValidationError("This record was removed after you opened the page")
        now = self.read_version(form, current, lock=True)
        try:
            read = Version.from_token(posted)
        except (signing.BadSignature, KeyError, TypeError):
            read = Version(record={})
        if not read.differs_from(now):
            return None
        rows = self.row_formset
        who, when = last_saved(current, rows.model if rows else None, rows.fk.attname if rows else "")
        if when is not None and read.read_at and when <= datetime.datetime.fromisoformat(read.read_at):
            who, when = None, None  # the change left no history (a many-to-many choice): say "someone"
        changes = changes_since(
            read,
            now,
            record=current,
            form=form,
            rows=self.version_rows(current),
            row_forms=rows.forms if rows else (),
            row_label=getattr(rows, "row_label", "Row"),
        )
        data = form.data.copy()
        data[form.add_prefix(VERSION_FIELD)] = now.token()
        form.data = data
        return StaleEdit(who=who, when=when, changes=changes)

    def form_invalid(self, form):
        if self.formset is not None:
            self.formset.is_valid()  # every row's errors in the same round as the form's
        self.rules_together_hold(form)  # and the rules across them, on the fields not already in error
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["form"] = self.get_form()  # on a first GET: builds the formset's rows with it
        kwargs.setdefault("formset", self.formset)
        kwargs.setdefault("stale_edit", getattr(self, "stale_edit", None))
        kwargs.setdefault("add_row_name", self.add_row_name)
        return super().get_context_data(title=self.title, intro=self.intro, crumbs=self.crumbs(), **kwargs)


class FormsetGroup:
    """Several row formsets on one page, seen by the kit as one formset: validated together, their rows
    kept or removed together, one error summary (the service tells the kinds of row apart, e.g. a
    Cabinet report's recommendations, meetings and consultations)."""

    can_delete = True
    row_label = "Row"

    def __init__(self, formsets):
        self.formsets = formsets

    def is_valid(self) -> bool:
        return all([formset.is_valid() for formset in self.formsets])

    @property
    def forms(self):
        return [row for formset in self.formsets for row in formset.forms]

    def total_error_count(self) -> int:
        return sum(formset.total_error_count() for formset in self.formsets)

    def non_form_errors(self):
        return [error for formset in self.formsets for error in formset.non_form_errors()]

    def __iter__(self):
        return iter(self.forms)

    def is_multipart(self) -> bool:
        return False
