"""One way to write a form page: view -> form -> service -> redirect, with errors back beside the fields.

A page declares its form (and, if it edits rows with it, a formset) and one `save(form)` hook that
calls a service. Validation of the form and the formset runs in the same round; a `ValidationError`
raised by the service, whatever its shape, is put beside the fields it names, or beside the rows it
names (`RowErrors`), and the page is shown again with one error summary.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.shortcuts import redirect

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


def service_action(request, call: Callable[[], object], *, success: str) -> bool:
    """A small POST action (approve, accept, mark complete): its one service call, and then its success
    or the service's refusal as a message for the page it redirects to. Says whether it succeeded."""
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success)
    return True


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
        return form

    def get_formset(self, form):
        if self.formset_class is None:
            return None
        data = self.request.POST if self.request.method == "POST" else None
        return self.formset_class(data, instance=form.instance, prefix=self.formset_prefix)

    def form_valid(self, form):
        if self.formset is not None and not self.formset.is_valid():
            return self.form_invalid(form)
        self.kept_rows, self.removed_rows = formset_rows(self.formset) if self.formset else ([], [])
        try:
            self.object = self.save(form)
        except ValidationError as error:
            apply_validation_error(form, error, rows=self.kept_rows)
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        if self.formset is not None:
            self.formset.is_valid()  # every row's errors in the same round as the form's
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["form"] = self.get_form()  # on a first GET: builds the formset's rows with it
        kwargs.setdefault("formset", self.formset)
        return super().get_context_data(title=self.title, intro=self.intro, crumbs=self.crumbs(), **kwargs)
