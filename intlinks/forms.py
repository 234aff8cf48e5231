"""GOV.UK forms for every page: layouts chosen by widget, date inputs, prompts and messages drawn from
the labels, "(optional)" on optional fields.

Forms validate and normalise; they never save. A page hands `form.instance` or `form.cleaned_data`
to a service through `intlinks.editing.ServiceFormMixin`.

Every form calls `govuk_fields(self)` once its fields are set (a `GovukModelForm` does it itself), then
lays them out with `gds_layout` or its own crispy `FormHelper`.
"""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.validators import MaxLengthValidator
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates

from intlinks.date_input import GovukDateField

OPTIONAL = " (optional)"
# GOV.UK puts yes/no radios side by side; three or more choices read better one under another.
MOST_INLINE_RADIOS = 2

# The pack styles text, e-mail and password inputs; these widgets need the GOV.UK class themselves.
GOVUK_CLASSES = {
    forms.NumberInput: "govuk-input govuk-input--width-10",
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
            fields.append(Field.radios(name, legend_size=Size.SMALL, inline=is_yes_or_no(field)))
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


def is_yes_or_no(field: forms.Field) -> bool:
    return len([value for value, _ in field.choices if value != ""]) <= MOST_INLINE_RADIOS


def govuk_fields(form: forms.BaseForm) -> None:
    """Every field the GOV.UK way: dates in the date input, no "---------" (a "Choose …" prompt, or
    no blank radio for a required choice), and messages that name the field."""
    for name, field in list(form.fields.items()):
        if isinstance(field, forms.DateField) and not isinstance(field, GovukDateField):
            form.fields[name] = GovukDateField.replacing(field)
        elif isinstance(field.widget, forms.RadioSelect) and field.required:
            field.choices = [(value, label) for value, label in field.choices if value != ""]
        elif type(field.widget) is forms.Select:
            prompt_first(field)
    required_messages(form)


def prompt_first(field: forms.ChoiceField) -> None:
    """A select's empty option says what to do instead of showing "---------"."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = choose_prompt(field)
    elif isinstance(field, forms.ChoiceField):
        prompt = choose_prompt(field)
        field.choices = [(value, prompt if value == "" else label) for value, label in field.choices]


def choose_prompt(field: forms.Field) -> str:
    """The empty first option of a select, from its label: "Choose a budget line"."""
    label = str(field.label or "one")
    label = label[:1].lower() + label[1:]
    article = "an" if label[:1] in "aeiou" else "a"
    return f"Choose {article} {label}"


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
    """A model form laid out the GOV.UK way (`govuk_fields`) with one submit button labelled
    `submit_label`.

    Set `submit_label = None` for a form that sits in a page with a formset.
    """

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_fields(self)
        self.helper = gds_layout(self, self.submit_label)


class GovukBoundField(BoundField):
    """A field as a page shows it: the label of an optional field of a GOV.UK form ends "(optional)".

    A GOV.UK form is one laid out by crispy (it has a `helper`); a list's filters are all optional and
    say so in their heading instead. A single yes/no checkbox is never "required" in Django's sense, so
    it is never marked; nor is a field that cannot be changed, nor one the form lists in
    `conditionally_required` (required by another answer: "the amount, if the grant is approved").
    """

    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        if is_marked_optional(form, field) and name not in getattr(form, "conditionally_required", ()):
            self.label = f"{self.label}{OPTIONAL}"


def is_marked_optional(form: forms.BaseForm, field: forms.Field) -> bool:
    return (
        hasattr(form, "helper")
        and not field.required
        and not field.disabled
        and not isinstance(field.widget, forms.CheckboxInput | forms.HiddenInput)
    )


class GovukFormRenderer(DjangoTemplates):
    """The project's form renderer (settings.FORM_RENDERER): every form's fields are GovukBoundFields."""

    bound_field_class = GovukBoundField


class SignInForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django sets the user name's max_length after the field is made, so it is not checked: a name
        # longer than any account's reached the sign-in limits' log, whose column refused it (a 500).
        longest = self.fields["username"].max_length
        self.fields["username"].validators.append(
            MaxLengthValidator(longest, message=f"User name must be {longest} characters or fewer")
        )
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


class TwoFactorCodeForm(forms.Form):
    """The six-digit code from an authenticator app. It only checks the code's shape: whether it is
    right is the device's to say (intlinks.services.totp_device_check)."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code the app shows for International links now.",
        max_length=12,
    )

    def __init__(self, *args, submit_label: str = "Continue", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            autocomplete="one-time-code", inputmode="numeric", spellcheck="false"
        )
        govuk_fields(self)
        self.fields["code"].error_messages["required"] = "Enter the code from your authenticator app"
        self.helper = FormHelper()
        self.helper.layout = Layout(Field.text("code", field_width=5), Submit("submit", submit_label))

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (len(code) == 6 and code.isdigit()):
            raise forms.ValidationError("Enter the 6-digit code, for example 123456", code="shape")
        return code
