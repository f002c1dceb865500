"""Forms of the theme groups' admin screens: lead officers, and News and Views."""

from django import forms

from papers.models import MeetingPage

from .models import GroupPage


class AddLeadOfficerForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="The address they sign in with. They need an account on the site first.",
    )
    group = forms.ModelChoiceField(
        queryset=GroupPage.objects.order_by("title"), empty_label="Choose a group"
    )


class NewsAndViewsForm(forms.Form):
    group = forms.ModelChoiceField(queryset=GroupPage.objects.none(), empty_label=None)
    meeting = forms.ModelChoiceField(
        queryset=MeetingPage.objects.none(),
        empty_label=None,
        label="Steering Group meeting",
    )
    presenter = forms.CharField(
        max_length=255,
        label="Presented by",
        help_text="The Steering Group member who will present the update at the meeting.",
    )
    text = forms.CharField(
        label="Update",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=2000,
        help_text="A short update on the group's work: a paragraph or two, in plain words.",
    )

    def __init__(self, *args, groups, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.fields["meeting"].queryset = meetings
