"""The form an action's owner (or an officer) posts progress with."""

from django import forms

from .models import ActionStatus


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label="Status now", choices=ActionStatus.choices)
    note = forms.CharField(
        label="Progress since the last update",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What has been done, and what is next. It is shown on the action tracker.",
    )
    reason = forms.CharField(
        label="Why it was dropped",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only if you choose Dropped.",
    )
