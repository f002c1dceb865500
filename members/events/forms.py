"""The registration form (the event's own questions, name and email, and needs asked with
explicit consent) and the officers' small forms."""

from django import forms

from .away_days import AwayDayAnswer
from .models import EventPage, EventQuestion, Registration, Reply
from .services import Applicant

QUESTION_PREFIX = "question_"
MAX_NOTE = 2000


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=200,
        error_messages={"required": "Enter your name, as it should appear on the sign-in sheet."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Your email address",
        help_text="We send your confirmation and a link to cancel here.",
        error_messages={
            "required": "Enter your email address, so we can confirm your place.",
            "invalid": "Enter an email address in the right form, like name@example.org.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    access_needs = forms.CharField(
        label="Access needs (optional)",
        required=False,
        max_length=2000,
        help_text="For example: wheelchair space, sign language interpreter, large print.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    dietary_needs = forms.CharField(
        label="Dietary needs (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    has_consented_to_needs = forms.BooleanField(
        label="I agree that the Partnership's officers may keep my access and dietary needs "
        "to arrange the event. Only they see them, and they are deleted after the event.",
        required=False,
    )

    field_order = ["name", "email"]

    def __init__(self, *args, event: EventPage, user=None, **kwargs):
        self.event = event
        self.user = user
        if user is not None and user.is_authenticated and not kwargs.get("data"):
            kwargs.setdefault("initial", {"name": user.get_full_name(), "email": user.email})
        super().__init__(*args, **kwargs)
        self.questions = list(event.questions.all())
        for question in self.questions:
            self.fields[f"{QUESTION_PREFIX}{question.pk}"] = self._field_for(question)
        order = ["name", "email"]
        order += [f"{QUESTION_PREFIX}{q.pk}" for q in self.questions]
        order += ["access_needs", "dietary_needs", "has_consented_to_needs"]
        self.order_fields(order)

    @staticmethod
    def _field_for(question: EventQuestion) -> forms.Field:
        required_message = f"Answer “{question.label}”: the organisers need to know."
        common = {
            "label": question.label if question.is_required else f"{question.label} (optional)",
            "required": question.is_required,
            "help_text": question.help_text,
            "error_messages": {"required": required_message},
        }
        if question.kind == EventQuestion.Kind.CHOICE:
            choices = [(choice, choice) for choice in question.choice_list]
            return forms.ChoiceField(choices=[("", "Choose one"), *choices], **common)
        widget = forms.Textarea(attrs={"rows": 3}) if question.kind == "long_text" else None
        return forms.CharField(max_length=2000, widget=widget, **common)

    def clean(self):
        cleaned = super().clean()
        has_needs = bool(cleaned.get("access_needs") or cleaned.get("dietary_needs"))
        if has_needs and not cleaned.get("has_consented_to_needs"):
            self.add_error(
                "has_consented_to_needs",
                "Tick this box so we may keep your access and dietary needs, or leave those "
                "boxes empty.",
            )
        return cleaned

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        answers = [
            {"question": question.label, "answer": data.get(f"{QUESTION_PREFIX}{question.pk}", "")}
            for question in self.questions
        ]
        return Applicant(
            name=data["name"],
            email=data["email"],
            answers=answers,
            access_needs=data.get("access_needs", ""),
            dietary_needs=data.get("dietary_needs", ""),
            has_consented_to_needs=data.get("has_consented_to_needs", False),
            user=self.user,
        )


class SomeoneForm(forms.Form):
    """An officer registers someone, perhaps someone without email who is telephoned."""

    name = forms.CharField(
        label="Their name",
        max_length=200,
        error_messages={"required": "Enter their name, as it should appear on the sign-in sheet."},
    )
    email = forms.EmailField(
        label="Their email address (optional)",
        required=False,
        error_messages={"invalid": "Enter an email address like name@example.org, or none."},
    )
    telephone = forms.RegexField(
        label="Their telephone number (optional)",
        required=False,
        max_length=40,
        regex=r"^[0-9 +()-]{6,40}$",
        help_text="For someone without email: officers telephone them with each reminder.",
        error_messages={"invalid": "Enter a telephone number in digits, like 020 7361 3000."},
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("telephone"):
            self.add_error("telephone", "Give an email address or a telephone number.")
        return cleaned

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        return Applicant(name=data["name"], email=data["email"], telephone=data["telephone"])


class PlacesForm(forms.Form):
    capacity = forms.IntegerField(
        label="Places",
        min_value=0,
        max_value=100000,
        error_messages={
            "required": "Enter the number of places.",
            "invalid": "Enter the number of places as a whole number, such as 40.",
        },
    )


class OfficerNoteForm(forms.Form):
    note = forms.CharField(
        label="Note (why)",
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write a note saying why, for the record."},
    )


class MoveForm(OfficerNoteForm):
    to_event = forms.ModelChoiceField(
        label="Move to event",
        queryset=EventPage.objects.none(),
        empty_label="Choose an event",
        error_messages={"required": "Choose the event to move this registration to."},
    )

    field_order = ["to_event", "note"]

    def __init__(self, *args, from_event: EventPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_event"].queryset = (
            EventPage.objects.live().exclude(pk=from_event.pk).order_by("start")
        )


class AwayDayAnswerForm(forms.Form):
    """A Steering Group member's answer to an away day: attending, not attending or tentative,
    with access and dietary needs (asked with explicit consent, as for any event) and a note."""

    reply = forms.ChoiceField(
        label="Will you come to the away day?",
        choices=Reply.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether you are attending, not attending or tentative.",
            "invalid_choice": "Choose whether you are attending, not attending or tentative.",
        },
    )
    access_needs = forms.CharField(
        label="Access needs (optional)",
        required=False,
        max_length=MAX_NOTE,
        help_text="For example: wheelchair space, sign language interpreter, large print.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep your access needs to 2,000 characters or fewer."},
    )
    dietary_needs = forms.CharField(
        label="Dietary needs (optional)",
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep your dietary needs to 2,000 characters or fewer."},
    )
    has_consented_to_needs = forms.BooleanField(
        label="I agree that the Partnership's officers may keep my access and dietary needs "
        "to arrange the away day. Only they see them, and they are deleted after it.",
        required=False,
    )
    note = forms.CharField(
        label="A note for the organisers (optional)",
        required=False,
        max_length=MAX_NOTE,
        help_text="For example: arriving late, or what would help you decide.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep your note to 2,000 characters or fewer."},
    )

    @classmethod
    def initial_from(cls, registration: Registration | None) -> dict:
        if registration is None:
            return {}
        needs = getattr(registration, "needs", None)
        return {
            "reply": registration.reply,
            "note": registration.note,
            "access_needs": needs.access_needs if needs else "",
            "dietary_needs": needs.dietary_needs if needs else "",
            "has_consented_to_needs": needs is not None,
        }

    def clean(self):
        cleaned = super().clean()
        has_needs = bool(cleaned.get("access_needs") or cleaned.get("dietary_needs"))
        if has_needs and not cleaned.get("has_consented_to_needs"):
            self.add_error(
                "has_consented_to_needs",
                "Tick this box so we may keep your access and dietary needs, or leave those "
                "boxes empty.",
            )
        return cleaned

    def answer(self) -> AwayDayAnswer:
        data = self.cleaned_data
        return AwayDayAnswer(
            reply=data["reply"],
            note=data.get("note", ""),
            access_needs=data.get("access_needs", ""),
            dietary_needs=data.get("dietary_needs", ""),
            has_consented_to_needs=data.get("has_consented_to_needs", False),
        )


class ReminderForm(forms.Form):
    """The officers' one action: its token makes a second submission send nothing more."""

    token = forms.RegexField(
        regex=r"^[0-9a-f]{32}$",
        widget=forms.HiddenInput,
        error_messages={
            "required": "Reload the page and press the button again: the form was incomplete.",
            "invalid": "Reload the page and press the button again: the form was incomplete.",
        },
    )
