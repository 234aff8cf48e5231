"""GOV.UK forms for every page: layouts chosen by widget, date inputs, messages for empty fields.

Forms validate and normalise; they never save. A page hands `form.instance` or `form.cleaned_data`
to a service through `intlinks.editing.ServiceFormMixin`.
"""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm


def date_input() -> forms.DateInput:
    """A browser date picker; a new widget each time, as crispy writes attributes onto it."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# The pack styles text, e-mail and password inputs; these widgets need the GOV.UK class themselves.
GOVUK_CLASSES = {
    forms.NumberInput: "govuk-input govuk-input--width-10",
    forms.DateInput: "govuk-input govuk-input--width-10",
    forms.URLInput: "govuk-input",
    forms.FileInput: "govuk-file-upload",
}


def _add_govuk_class(widget: forms.Widget) -> None:
    for widget_class, css_class in GOVUK_CLASSES.items():
        if type(widget) is widget_class:
            widget.attrs["class"] = css_class


def gds_layout(form: forms.BaseForm, submit_label: str | None) -> FormHelper:
    """A GOV.UK layout for every field of the form, chosen by its widget, and one submit button.

    With `submit_label=None` the form is part of a larger <form> (a page with a formset): no
    <form> tag and no button of its own.
    """
    fields = []
    for name, field in form.fields.items():
        widget = field.widget
        _add_govuk_class(widget)
        if isinstance(widget, forms.HiddenInput):
            fields.append(Field(name))
        elif isinstance(widget, forms.CheckboxSelectMultiple):
            fields.append(Field.checkboxes(name, legend_size=Size.SMALL, small=True))
        elif isinstance(widget, forms.RadioSelect):
            fields.append(Field.radios(name, legend_size=Size.SMALL, inline=len(list(field.choices)) <= 4))
        elif isinstance(widget, forms.Select):
            fields.append(Field.select(name))
        elif isinstance(widget, forms.Textarea):
            fields.append(Field.textarea(name, rows=3))
        elif isinstance(widget, forms.CheckboxInput | forms.FileInput):
            fields.append(Field(name))
        else:
            fields.append(Field.text(name))
    helper = FormHelper()
    if submit_label is None:
        helper.form_tag = False
        helper.layout = Layout(*fields)
    else:
        helper.layout = Layout(*fields, Submit("submit", submit_label))
    return helper


def required_messages(form: forms.BaseForm) -> None:
    """GOV.UK style messages for empty required fields ("Enter the date signed", "Select the decision")
    and for text that is too long ("Enter 10,000 characters or fewer")."""
    for field in form.fields.values():
        label = str(field.label or "")
        label = label[:1].lower() + label[1:]
        verb = "Select" if isinstance(field, forms.ChoiceField | forms.ModelChoiceField) else "Enter"
        field.error_messages["required"] = f"{verb} the {label}"
        if getattr(field, "max_length", None):  # text bounded by intlinks/bounds.py or a CharField
            field.error_messages["max_length"] = f"Enter {field.max_length:,} characters or fewer"


class GovukModelForm(forms.ModelForm):
    """A model form laid out the GOV.UK way: date pickers, radios without a blank option, messages
    for empty fields that name the field, and one submit button labelled `submit_label`.

    Set `submit_label = None` for a form that sits in a page with a formset.
    """

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = date_input()
            if isinstance(field.widget, forms.RadioSelect) and field.required:
                # A required choice as radios needs no "---------" option.
                field.choices = [(value, label) for value, label in field.choices if value != ""]
        required_messages(self)
        self.helper = gds_layout(self, self.submit_label)


class SignInForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(autocomplete="username", spellcheck="false")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("username", field_width=20),
            Field.text("password", field_width=20),
            Submit("submit", "Sign in"),
        )


class AccountPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("old_password", field_width=20),
            Field.text("new_password1", field_width=20),
            Field.text("new_password2", field_width=20),
            Submit("submit", "Change password"),
        )
