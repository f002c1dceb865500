"""The registration form (the event's own questions, name and email, and needs asked with
explicit consent) and the officers' small forms."""

from django import forms

from .models import EventPage, EventQuestion
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
