"""Forms of the induction: the skills and interests audit, and officers' pairings of a new
member with an existing one."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import SteeringGroupSeat
from members.exceptions import MembersError
from members.induction.models import CommunityStrategyTheme, TrainingTopic
from members.induction.shadowing import check_pairing
from members.models import Pairing
from papers.models import MeetingPage


class SkillsAuditForm(forms.Form):
    expertise = forms.CharField(
        label="Your areas of expertise",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What you know well from your work or life: for example housing law, "
        "running a charity, public health, budgets.",
        error_messages={
            "required": "Tell us at least one area you know well, in a few words.",
            "max_length": "Keep it to 2,000 characters or fewer: a few lines is plenty.",
        },
    )
    themes = forms.MultipleChoiceField(
        label="Community Strategy themes you are most interested in",
        choices=CommunityStrategyTheme.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose as many as you like.",
        error_messages={
            "required": "Choose at least one Community Strategy theme you are interested in."
        },
    )
    training = forms.MultipleChoiceField(
        label="Training you would like",
        choices=TrainingTopic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="The Partnership arranges development training each year.",
    )
    other_training = forms.CharField(
        label="Other training you would like",
        max_length=255,
        required=False,
        error_messages={"max_length": "Keep it to 255 characters or fewer."},
    )


def _seat_holders():
    return (
        get_user_model()
        .objects.filter(steering_group_seats__in=SteeringGroupSeat.objects.current())
        .distinct()
        .order_by("last_name", "first_name")
    )


class PairingForm(forms.ModelForm):
    """What an officer fills in to pair two members; the rules are the service's."""

    class Meta:
        model = Pairing
        fields = ["new_member", "existing_member", "kind", "meeting", "expectations"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_member"].queryset = _seat_holders()
        self.fields["existing_member"].queryset = _seat_holders()
        self.fields["meeting"].queryset = (
            MeetingPage.objects.live().filter(start__gte=timezone.now()).order_by("start")
        )

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            proposed = Pairing(
                pk=self.instance.pk,
                **{name: cleaned.get(name) for name in self._meta.fields},
            )
            try:
                check_pairing(proposed)
            except MembersError as error:
                raise forms.ValidationError(error.message) from error
        return cleaned
