"""The form a Steering Group member raises a membership issue with."""

from django import forms


class MembershipIssueForm(forms.Form):
    subject = forms.CharField(
        max_length=200,
        help_text="In a few words, e.g. “A seat for the youth forum”.",
        error_messages={"required": "Give the issue a subject in a few words."},
    )
    details = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text="Which group, and what you would like the Partnership to consider.",
        error_messages={"required": "Say what the issue is, so officers can act on it."},
    )
