"""Forms of the wider partnership: joining (allauth's sign-up form with the membership's
questions), a member's own preferences, and officers' forms for postal members; and of the
members' area: the skills and interests audit, officers' pairings and the attendance of a
Steering Group meeting."""

import datetime

from allauth.account import app_settings as allauth_settings
from allauth.account.forms import LoginForm, SignupForm
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import Interest, SteeringGroupSeat
from members.exceptions import MembersError
from members.models import ConsentRecord, MeetingAttendance, Member, Pairing
from members.models.skills_audit import CommunityStrategyTheme, TrainingTopic
from members.services.attendance import Entry
from members.services.partnership import MembershipDetails, sign_up_member
from members.services.shadowing import check_pairing
from papers.models import MeetingPage

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


class SignInForm(LoginForm):
    """/accounts/login/: officers and editors sign in with their password (then two-factor);
    members ask for an emailed code at /accounts/login/code/. allauth drops the password
    field when sign-up asks for none, which would leave officers without theirs."""

    def _setup_password_field(self) -> None:
        """Keep the password, required."""


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


class AttendanceForm(forms.Form):
    """One meeting's attendance: for each seat held that day, a choice of present, apologies,
    absent or deputy attended, and the deputy's name. Field names carry the seat's id; only
    the seats given are read, so a seat added to the request by hand is ignored."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            seat, record = row.seat, row.record
            self.fields[f"status_{seat.pk}"] = forms.ChoiceField(
                label=f"{seat.person.get_full_name() or seat.person.email}, "
                f"{seat.organisation.name}",
                choices=MeetingAttendance.Status.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=record.status if record else None,
                error_messages={
                    "invalid_choice": "Choose present, apologies, absent or deputy attended."
                },
            )
            self.fields[f"deputy_{seat.pk}"] = forms.CharField(
                label="Deputy's name, if a deputy attended",
                max_length=255,
                required=False,
                initial=(record.deputy_name if record and record.deputy_name else seat.deputy),
                error_messages={"max_length": "Keep the deputy's name to 255 characters."},
            )

    def row_fields(self):
        """(row, its choice field, its deputy field) for the template: one row per seat."""
        return [
            (row, self[f"status_{row.seat.pk}"], self[f"deputy_{row.seat.pk}"]) for row in self.rows
        ]

    def clean(self):
        cleaned = super().clean()
        for row in self.rows:
            status = cleaned.get(f"status_{row.seat.pk}")
            deputy = (cleaned.get(f"deputy_{row.seat.pk}") or "").strip()
            if status == MeetingAttendance.Status.DEPUTY and not deputy:
                self.add_error(
                    f"deputy_{row.seat.pk}",
                    f"Name the deputy who attended for "
                    f"{row.seat.person.get_full_name() or row.seat.person.email}.",
                )
        return cleaned

    def entries(self) -> list[Entry]:
        entries = []
        for row in self.rows:
            status = self.cleaned_data.get(f"status_{row.seat.pk}")
            if status:
                entries.append(
                    Entry(
                        seat_id=row.seat.pk,
                        status=status,
                        deputy_name=self.cleaned_data.get(f"deputy_{row.seat.pk}", ""),
                    )
                )
        return entries
