"""The upload form: a file, refused by size before a byte of it is parsed."""

from django import forms
from django.core.exceptions import ValidationError

from intlinks.forms import gds_layout
from intlinks.imports.files import refuse_if_too_large


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet",
        help_text="CSV or Excel (.xlsx), at most 5 MB, with the template's column headings in the first row.",
        error_messages={"required": "Choose a spreadsheet to upload", "empty": "The file is empty"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, "Upload and preview")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            refuse_if_too_large(upload.size)
        except ValidationError as error:
            raise ValidationError(error.messages) from None
        return upload
