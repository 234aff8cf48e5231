"""The form of the gifts and hospitality register."""

from django import forms

from intlinks.forms import GovukModelForm
from partnerships.models import Activity, Gift, Partnership


class GiftForm(GovukModelForm):
    submit_label = "Save the entry"

    class Meta:
        model = Gift
        fields = [
            "direction",
            "kind",
            "person",
            "counterparty",
            "counterparty_kind",
            "partnership",
            "activity",
            "description",
            "value",
            "given_on",
            "registered_on",
            "declared",
            "handed_to_council",
            "source",
        ]
        widgets = {
            "direction": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "counterparty_kind": forms.RadioSelect,
            "source": forms.TextInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Pickers offer current records only, and whatever this record already points at.
        self.fields["partnership"].queryset = Partnership.objects.current(
            keep=self.instance.partnership_id
        ).select_related("place")
        self.fields["activity"].queryset = Activity.objects.current(keep=self.instance.activity_id).order_by(
            "-starts_on"
        )
