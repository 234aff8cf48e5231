"""Forms of working party meetings: the meeting and its agenda items as rows."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.contrib.auth import get_user_model

from intlinks.forms import GovukModelForm, govuk_fields
from intlinks.roles import MEMBER
from intlinks.templatetags.intlinks import person_name
from partnerships.models import AgendaItem, GrantApplication, Meeting, Partnership


class MembersField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return person_name(user) or user.get_username()


class MeetingForm(GovukModelForm):
    submit_label = None  # the page's one button follows the agenda

    members_present = MembersField(
        queryset=get_user_model().objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Meeting
        fields = ["held_on", "title", "members_present", "minutes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Members of the working party, and whoever this meeting already names (so that a save says
        # why they can no longer be present, rather than losing them silently).
        users = get_user_model().objects.order_by("first_name", "last_name", "username")
        named = self.instance.members_present.values("pk") if self.instance.pk else []
        self.fields["members_present"].queryset = (
            users.filter(groups__name=MEMBER) | users.filter(pk__in=named)
        ).distinct()
        self.helper.layout.fields[2] = Field.checkboxes("members_present", small=True)


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["kind", "title", "grant_application", "partnership", "financial_year", "notes"]
        labels = {
            "financial_year": "Financial year (for the dashboard)",
            "partnership": "Link (for a review)",
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keep = self.instance.grant_application_id
        self.fields["grant_application"].queryset = GrantApplication.objects.current(keep=keep).filter(
            state__in=GrantApplication.STEP_FROM["consider"]
        ) | GrantApplication.objects.filter(pk=keep)
        self.fields["grant_application"].queryset = self.fields["grant_application"].queryset.select_related(
            "organisation"
        )
        self.fields["partnership"].queryset = Partnership.objects.current(
            keep=self.instance.partnership_id
        ).select_related("place")
        govuk_fields(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.select("kind"),
            Field.text("title"),
            Field.select("grant_application"),
            Field.select("partnership"),
            Field.text("financial_year", field_width=10),
            Field.textarea("notes", rows=2),
        )


AgendaItemFormSet = forms.inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemForm, extra=3, can_delete=True
)
AgendaItemFormSet.row_label = "Agenda item"
