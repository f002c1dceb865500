"""Forms for papers in the Wagtail admin: uploading a paper to import, and the officer's
choices on its preview."""

from django import forms

from .exceptions import PaperFormatError, UnknownGroup
from .printed_titles import sentence_case
from .services import IMPORTABLE_SUFFIXES, ImportPreview, preview_import, read_uploaded_paper


def date_input() -> forms.DateInput:
    """The browser's own date field: its calendar opens apart from the page, so unlike the
    admin's pop-up calendar it never covers the button below it, at any width."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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
        widget=date_input(),
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
        widget=date_input(),
        help_text="The paper prints no meeting date. Give the date of the meeting it went to.",
        error_messages={
            "required": "Give the date of the meeting the paper went to.",
            "invalid": "Write the date as YYYY-MM-DD, for example 2009-05-13.",
        },
    )


class TitleCaseForm(forms.Form):
    """Offered on the preview when the paper prints its title in capitals: the officer
    chooses whether the page takes it in sentence case."""

    use_sentence_case = forms.BooleanField(required=False)

    def __init__(self, *args, title: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.sentence_case_title = sentence_case(title)
        self.fields[
            "use_sentence_case"
        ].label = f"Write the title in sentence case: “{self.sentence_case_title}”"
        self.fields["use_sentence_case"].help_text = (
            f"The paper prints it in capitals: “{title}”. Acronyms such as KCP and NHS stay "
            "in capitals; check the draft's title for other names."
        )

    def chosen_title(self) -> str:
        """The sentence-case title when chosen, else "" (the title as printed)."""
        return self.sentence_case_title if self.cleaned_data.get("use_sentence_case") else ""
