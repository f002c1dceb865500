"""Forms of the wider partnership: joining (allauth's sign-up form with the membership's
questions), a member's own preferences and confirmations, and the officers' form for a postal
member."""

import datetime

from allauth.account import app_settings as allauth_settings
from allauth.account.forms import SignupForm
from django import forms
from django.utils import timezone

from home.models import Interest
from members.models import ConsentRecord, Member
from members.partnership.services import MembershipDetails, sign_up_member

NAME_MAX = 150


ORGANISATION_MAX = 200


MARKUP_CHARACTERS = set("<>")


HONEYPOT_FIELD = allauth_settings.SIGNUP_FORM_HONEYPOT_FIELD


def _no_markup(value: str, what: str) -> str:
    value = " ".join(value.split())
    if MARKUP_CHARACTERS & set(value):
        raise forms.ValidationError(
            f"{what} cannot contain < or >: enter it as you would write it on a letter."
        )
    if any(ord(character) < 32 for character in value):
        raise forms.ValidationError(f"{what} can only contain letters, spaces and punctuation.")
    return value


class InterestsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Interest.objects.filter(is_offered=True),
            label="What do you want to hear about?",
            help_text="Choose as many as you like.",
            error_messages={
                "required": "Choose at least one subject you want to hear about.",
                "invalid_choice": "Choose subjects from the list.",
                "invalid_pk_value": "Choose subjects from the list.",
            },
            **kwargs,
        )


class InterestGroupsMixin:
    """The interests' checkboxes in two groups (theme groups, strategy subjects), each shown
    as its own fieldset."""

    def interest_groups(self):
        groups = {kind: [] for kind, _ in Interest.Kind.choices}
        for checkbox in self["interests"]:
            groups[checkbox.data["value"].instance.kind].append(checkbox)
        return [(label, groups[kind]) for kind, label in Interest.Kind.choices if groups[kind]]


EMAIL_ROUTE_CHOICES = [
    (route.value, route.label) for route in (Member.Route.EMAIL_AT_ONCE, Member.Route.WEEKLY_DIGEST)
]
POST_ROUTE_CHOICE = (Member.Route.POST.value, "By post, as letters")


class JoinForm(InterestGroupsMixin, SignupForm):
    """/join/: allauth's sign-up form (email only, no password) plus the membership."""

    name = forms.CharField(
        label="Your full name",
        max_length=NAME_MAX,
        error_messages={
            "required": "Enter your name.",
            "max_length": f"Enter your name in {NAME_MAX} characters or fewer.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    kind = forms.ChoiceField(
        label="How are you connected to the borough?",
        choices=Member.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you are connected to the borough.",
            "invalid_choice": "Choose one of the connections listed.",
        },
    )
    organisation_name = forms.CharField(
        label="Name of the group, organisation or agency",
        help_text="Only if you join on behalf of one.",
        max_length=ORGANISATION_MAX,
        required=False,
        error_messages={
            "max_length": f"Enter the organisation's name in {ORGANISATION_MAX} characters "
            "or fewer."
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    interests = InterestsField()
    route = forms.ChoiceField(
        label="How do you want to hear from us?",
        choices=EMAIL_ROUTE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you want to hear from us.",
            "invalid_choice": "Choose one of the ways listed.",
        },
    )
    heard_from = forms.CharField(
        label="Where did you hear about us? (optional)",
        help_text="If a letter, an email or a poster gave you a code, enter it here.",
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"max_length": "Enter the code in 60 characters or fewer."},
    )
    consent = forms.BooleanField(
        label="I agree to the statement above.",
        error_messages={
            "required": "Tick the box to agree, so that we can keep your details and send "
            "you the news you chose."
        },
    )

    field_order = [
        "name",
        "email",
        "kind",
        "organisation_name",
        "interests",
        "route",
        "heard_from",
        "consent",
        "website",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = "Email address"
        email.help_text = "We will send you a link to confirm it. Nothing else until you do."
        email.max_length = 254
        email.widget.attrs.pop("placeholder", None)
        email.widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        email.error_messages = {
            "required": "Enter your email address.",
            "invalid": "Enter an email address in the right format, like name@example.com.",
            "max_length": "Enter an email address in 254 characters or fewer.",
        }
        # allauth's honeypot (ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD): a form that fills it in is
        # answered as if it had joined, and nothing is saved or sent. The stylesheet hides it
        # from people, and aria-hidden from their screen readers.
        honeypot = self.fields[HONEYPOT_FIELD]
        honeypot.label = "Leave this empty"
        honeypot.widget.attrs = {"tabindex": "-1", "autocomplete": "off"}

    def clean_name(self):
        return _no_markup(self.cleaned_data["name"], "Your name")

    def clean_organisation_name(self):
        return _no_markup(self.cleaned_data["organisation_name"], "The organisation's name")

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind")
        if kind in Member.KINDS_WITH_ORGANISATION and not cleaned_data.get("organisation_name"):
            self.add_error(
                "organisation_name",
                "Enter the name of the group, organisation or agency you join on behalf of.",
            )
        return cleaned_data

    def membership_details(self) -> MembershipDetails:
        return MembershipDetails(
            name=self.cleaned_data["name"],
            kind=self.cleaned_data["kind"],
            organisation_name=self.cleaned_data.get("organisation_name", ""),
            interests=tuple(self.cleaned_data["interests"]),
            route=self.cleaned_data["route"],
        )

    def custom_signup(self, request, user):
        sign_up_member(user, self.membership_details())


class PreferencesForm(InterestGroupsMixin, forms.Form):
    interests = InterestsField()
    route = forms.ChoiceField(
        label="How do you want to hear from us?",
        choices=EMAIL_ROUTE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you want to hear from us.",
            "invalid_choice": "Choose one of the ways listed.",
        },
    )
    is_paused = forms.BooleanField(
        label="Pause my membership: send me nothing until I come back and untick this",
        required=False,
    )
    papers_by_post = forms.ChoiceField(
        label="What should your letters bring?",
        choices=[
            (Member.PapersByPost.SUMMARIES, "A summary of each paper"),
            (Member.PapersByPost.INTERESTED, "The full papers on the subjects I chose"),
            (Member.PapersByPost.CONSULTATIONS, "The full papers of open consultations only"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what your letters bring.",
            "invalid_choice": "Choose what your letters bring from the three choices listed.",
        },
    )

    def __init__(self, *args, member: Member, **kwargs):
        super().__init__(*args, **kwargs)
        if member.is_postal:
            # A postal member with an account keeps the post among the ways to hear.
            self.fields["route"].choices = [*EMAIL_ROUTE_CHOICES, POST_ROUTE_CHOICE]
        else:
            del self.fields["papers_by_post"]


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand this cannot be undone",
        error_messages={"required": "Tick the box to confirm, or go back to keep everything."},
    )


class MemberAdminForm(forms.ModelForm):
    """Officers' form for a member: a postal member's details and address, or an email
    member's subjects and route. New postal members need how and when they consented."""

    interests = InterestsField()
    consent_method = forms.ChoiceField(
        label="How did they consent?",
        choices=[(method.value, method.label) for method in ConsentRecord.OFFICER_METHODS],
        required=False,
    )
    consent_given_on = forms.DateField(
        label="When did they consent?",
        help_text="The date on the paper form, or of the call or the event.",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Member
        fields = [
            "name",
            "kind",
            "organisation_name",
            "postal_address",
            "postcode",
            "is_large_print",
            "interests",
            "route",
        ]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        self.is_new = self.instance.pk is None
        self.fields["interests"].queryset = Interest.objects.all()
        if self.is_new or self.instance.is_postal:
            del self.fields["route"]
            self.fields["postal_address"].required = True
            self.fields["postcode"].required = True
        else:
            self.fields["route"].choices = EMAIL_ROUTE_CHOICES
            del self.fields["postal_address"]
            del self.fields["postcode"]
            del self.fields["is_large_print"]
        if self.is_new:
            self.fields["consent_method"].required = True
            self.fields["consent_given_on"].required = True
        else:
            del self.fields["consent_method"]
            del self.fields["consent_given_on"]

    def clean_name(self):
        return _no_markup(self.cleaned_data["name"], "The name")

    def clean_organisation_name(self):
        return _no_markup(self.cleaned_data["organisation_name"], "The organisation's name")

    def clean_consent_given_on(self):
        given_on = self.cleaned_data.get("consent_given_on")
        if given_on and given_on > timezone.localdate():
            raise forms.ValidationError("The date of consent cannot be in the future.")
        if given_on and given_on < datetime.date(2000, 1, 1):
            raise forms.ValidationError("Enter the date consent was given, like 27 3 2026.")
        return given_on

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("kind") in Member.KINDS_WITH_ORGANISATION and not cleaned_data.get(
            "organisation_name"
        ):
            self.add_error(
                "organisation_name", "Enter the name of the group, organisation or agency."
            )
        return cleaned_data
