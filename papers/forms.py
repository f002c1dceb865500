"""Forms for papers in the Wagtail admin: uploading a paper to import."""

from django import forms
from wagtail.admin.widgets import AdminDateInput

from .exceptions import PaperFormatError, UnknownGroup
from .services import IMPORTABLE_SUFFIXES, ImportPreview, preview_import, read_uploaded_paper


class GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class ImportPaperForm(forms.Form):
    """A paper file, the group it went to and, if it prints none, the meeting date. A valid
    form holds the paper's text and a preview of what importing it will do."""

    file = forms.FileField(
        label="Paper",
        help_text="A Word document (.docx), a PDF or plain text (.txt, .md) of up to 10 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(IMPORTABLE_SUFFIXES)}),
        error_messages={"required": "Choose the paper's file to upload."},
    )
    group = GroupChoiceField(
        label="Group",
        queryset=None,
        empty_label=None,
        help_text="The group the paper went to. Its meeting is found, or made, from the date.",
    )
    meeting_date = forms.DateField(
        label="Meeting date",
        required=False,
        widget=AdminDateInput,
        help_text="Only if the paper prints no date, or went to a meeting on another day.",
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.text = ""
        self.preview: ImportPreview | None = None

    def clean(self):
        cleaned = super().clean()
        upload, group = cleaned.get("file"), cleaned.get("group")
        if not upload or not group:
            return cleaned
        try:
            self.text = read_uploaded_paper(upload)
            self.preview = preview_import(
                self.text,
                source_name=upload.name,
                group=group,
                meeting_date=cleaned.get("meeting_date"),
            )
        except PaperFormatError as error:
            self.add_error("file", f"{error}.")
        except UnknownGroup as error:
            self.add_error("group", error.message)
        return cleaned


class MeetingDateForm(forms.Form):
    """The date of the meeting a report went to, asked for on the preview when the paper
    prints none: a report page always sits at its meeting."""

    meeting_date = forms.DateField(
        label="Meeting date",
        widget=AdminDateInput,
        help_text="The paper prints no meeting date. Give the date of the meeting it went to.",
        error_messages={
            "required": "Give the date of the meeting the paper went to.",
            "invalid": "Write the date as YYYY-MM-DD, for example 2009-05-13.",
        },
    )
