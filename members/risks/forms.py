"""The officers' form for drafting a report to the wider KCP from a review."""

from django import forms
from django.utils import timezone

from papers.models import MeetingPage


class DraftReportForm(forms.Form):
    meeting = forms.ModelChoiceField(
        queryset=MeetingPage.objects.none(),
        label="Meeting the report goes to",
        error_messages={"required": "Choose the meeting the report will go to."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        since = timezone.now() - timezone.timedelta(days=365)
        self.fields["meeting"].queryset = MeetingPage.objects.filter(start__gte=since).order_by(
            "start"
        )
        self.fields["meeting"].label_from_instance = lambda meeting: meeting.title
