"""The officers' forms of outreach: a list, a CSV import, a campaign, a poster's place."""

from django import forms

from .models import Channel, Contact, OutreachList

CSV_MAX_BYTES = 2 * 1024 * 1024


class ListForm(forms.Form):
    name = forms.CharField(
        label="Name of the list",
        max_length=150,
        error_messages={"required": "Enter a name for the list."},
    )
    description = forms.CharField(label="What it is for", required=False, widget=forms.Textarea)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if OutreachList.objects.filter(name=name).exists():
            raise forms.ValidationError("A list has this name already: choose another.")
        return name


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: "
        + ", ".join(
            (
                "name",
                "organisation",
                "kind",
                "email",
                "is_corporate_email",
                "postal_address",
                "postcode",
                "source",
                "lawful_basis",
                "has_consented_to_email",
            )
        )
        + ". Kinds: "
        + ", ".join(Contact.Kind.values)
        + ".",
        error_messages={"required": "Choose the CSV file to import."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > CSV_MAX_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB: split it into parts.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError("Save the file as CSV in UTF-8 and try again.") from error


class CampaignForm(forms.Form):
    name = forms.CharField(
        label="Name of the campaign",
        max_length=150,
        error_messages={"required": "Enter a name for the campaign."},
    )
    starts_on = forms.DateField(
        label="Starts on",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter the day it starts.", "invalid": "Enter a date."},
    )
    ends_on = forms.DateField(
        label="Ends on",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter the day it ends.", "invalid": "Enter a date."},
    )
    lists = forms.ModelMultipleChoiceField(
        label="Lists to reach",
        queryset=OutreachList.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    kinds = forms.MultipleChoiceField(
        label="Kinds of contact (none ticked: every kind)",
        choices=Contact.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    message = forms.CharField(
        label="Message",
        help_text="What the letters and emails say, in plain text.",
        widget=forms.Textarea,
        error_messages={"required": "Write the message the letters and emails carry."},
    )


class PosterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind",
        choices=[
            (Channel.Kind.POSTER, "Poster (A4)"),
            (Channel.Kind.FLYER, "Flyer (A5)"),
            (Channel.Kind.PRESS, "Press or newsletter"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose poster, flyer or press."},
    )
    place = forms.CharField(
        label="Where it goes",
        max_length=150,
        help_text="A library, a reception, a newspaper: each gets its own code.",
        error_messages={"required": "Say where it goes."},
    )
