"""The response form (built from the page's questions), the form that asks a non-member for
their email address, and the officers' forms: a response received offline, a comment period."""

import re

from django import forms
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from home.extension_points import TakingResponses
from members.exceptions import MembersError
from members.models import Member
from members.postal.reference import postal_member_with_reference
from papers.models import PAPER_PAGE_MODELS, ConsultationPage

from .models import Response

ANSWER_PREFIX = "answer_"
MAX_ORGANISATION = 200
# Something that looks like an HTML tag or entity: a response is plain text, as in a letter.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&#?\w+;")
PARAGRAPH = re.compile(r"^\d+(\.\d+)*[a-z]?$")
# "on paragraph 2.6.4", "para. 2.6.4": the number is what is kept.
PARAGRAPH_WORDS = re.compile(r"^(on\s+)?(paragraph|para\.?)?\s*")
PAPERS_LISTED = 200


def _plain(value: str, what: str) -> str:
    if MARKUP.search(value or ""):
        raise forms.ValidationError(
            f"{what} cannot contain HTML such as <b> or &amp;: write it as plain text, as you "
            "would in a letter."
        )
    if any(ord(character) < 32 and character not in "\n\r\t" for character in value or ""):
        raise forms.ValidationError(f"{what} contains characters that cannot be saved.")
    return value.strip()


class AnswersMixin:
    """A field for each of the page's questions, cleaned to plain text, and the answers as
    [{"key", "question", "answer"}] in the questions' order."""

    def add_question_fields(self, taking: TakingResponses, *, for_officer: bool = False):
        self.taking = taking
        limit = settings.KCP_RESPONSE_MAX_CHARACTERS
        for question in taking.questions:
            name = f"{ANSWER_PREFIX}{question['key']}"
            required = question["is_required"] and not for_officer
            if question["type"] == "choice":
                self.fields[name] = forms.ChoiceField(
                    label=question["question"],
                    help_text=question["help_text"],
                    required=required,
                    choices=[("", "Choose one")] + [(c, c) for c in question["choices"]],
                    error_messages={
                        "required": f"Choose an answer to “{question['question']}”.",
                        "invalid_choice": "Choose one of the answers in the list.",
                    },
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question["question"],
                    help_text=question["help_text"],
                    required=required,
                    max_length=limit,
                    widget=forms.Textarea(attrs={"rows": 6}),
                    error_messages={
                        "required": f"Write your answer to “{question['question']}”.",
                        "max_length": f"Keep your answer to {limit:,} characters or fewer "
                        "(it has %(show_value)d,): shorten it, or send the rest by post.",
                    },
                )

    def clean(self):
        cleaned = super().clean()
        for question in self.taking.questions:
            name = f"{ANSWER_PREFIX}{question['key']}"
            if question["type"] == "free_text" and cleaned.get(name):
                try:
                    cleaned[name] = _plain(cleaned[name], "Your answer")
                except forms.ValidationError as error:
                    self.add_error(name, error)
        if not self.errors and not any(
            cleaned.get(f"{ANSWER_PREFIX}{q['key']}") for q in self.taking.questions
        ):
            raise forms.ValidationError("Answer at least one question before you send.")
        return cleaned

    def answers(self) -> list[dict]:
        return [
            {
                "key": question["key"],
                "question": question["question"],
                "answer": self.cleaned_data.get(f"{ANSWER_PREFIX}{question['key']}", ""),
            }
            for question in self.taking.questions
        ]

    def clean_organisation(self):
        return _plain(self.cleaned_data.get("organisation", ""), "The organisation's name")

    def clean_paragraph(self):
        paragraph = self.cleaned_data.get("paragraph", "").strip().lower()
        paragraph = PARAGRAPH_WORDS.sub("", paragraph).strip()
        if paragraph and not PARAGRAPH.match(paragraph):
            raise forms.ValidationError(
                "Give the paragraph's number as printed, like 2.6.4, or leave it blank."
            )
        return paragraph


def _organisation_field():
    return forms.CharField(
        label="Organisation you respond for (optional)",
        required=False,
        max_length=MAX_ORGANISATION,
        help_text="Leave blank if you respond for yourself.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={
            "max_length": f"Keep the organisation's name to {MAX_ORGANISATION} characters."
        },
    )


def _paragraph_field():
    return forms.CharField(
        label="Paragraph you comment on (optional)",
        required=False,
        max_length=40,
        help_text="The number as printed in the paper, for example 2.6.4.",
        error_messages={"max_length": "Give just the paragraph's number, like 2.6.4."},
    )


class ResponseForm(AnswersMixin, forms.Form):
    def __init__(self, *args, taking: TakingResponses, response: Response | None = None, **kw):
        is_bound = bool(args and args[0] is not None) or kw.get("data") is not None
        if response is not None and not is_bound:
            initial = {
                f"{ANSWER_PREFIX}{a.get('key')}": a.get("answer", "") for a in response.answers
            }
            initial.update(organisation=response.organisation, paragraph=response.paragraph)
            kw.setdefault("initial", initial)
        super().__init__(*args, **kw)
        if taking.is_comment_period:
            self.fields["paragraph"] = _paragraph_field()
        self.add_question_fields(taking)
        self.fields["organisation"] = _organisation_field()


class LinkRequestForm(forms.Form):
    """A non-member's name and address: we email them the link to respond with."""

    name = forms.CharField(
        label="Your name",
        max_length=200,
        error_messages={"required": "Enter your name, so we know who responded."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Your email address",
        help_text="We email you a link to respond with, to check the address is yours.",
        error_messages={
            "required": "Enter your email address, so we can send you the link.",
            "invalid": "Enter an email address in the right form, like name@example.org.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_name(self):
        return _plain(self.cleaned_data["name"], "Your name")


class RecordResponseForm(AnswersMixin, forms.Form):
    """A response received by post, telephone or at an event, typed in by an officer."""

    channel = forms.ChoiceField(
        label="How it came",
        choices=[(c, Response.Channel(c).label) for c in Response.OFFLINE],
        error_messages={"required": "Choose how the response came."},
    )
    received_on = forms.DateField(
        label="Date received",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Give the date the response was received.",
            "invalid": "Give the date as day, month and year.",
        },
    )
    member = forms.ModelChoiceField(
        label="A postal member",
        queryset=Member.objects.none(),
        required=False,
        help_text="Choose them here, or give a name and address below.",
    )
    reference = forms.CharField(
        label="Or their member reference",
        max_length=20,
        required=False,
        help_text="As printed on their reply form or letter, like 1234-4.",
    )
    name = forms.CharField(label="Name", max_length=200, required=False)
    address = forms.CharField(
        label="Address", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, taking: TakingResponses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.filter(route=Member.Route.POST).order_by(
            "name"
        )
        if taking.is_comment_period:
            self.fields["paragraph"] = _paragraph_field()
        self.add_question_fields(taking, for_officer=True)
        self.fields["organisation"] = _organisation_field()

    def clean_name(self):
        return _plain(self.cleaned_data.get("name", ""), "The name")

    def clean_address(self):
        return _plain(self.cleaned_data.get("address", ""), "The address")

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError("The date received cannot be in the future.")
        return received_on

    def clean_reference(self):
        reference = self.cleaned_data.get("reference", "").strip()
        if not reference:
            return None
        try:
            return postal_member_with_reference(reference)
        except MembersError as error:
            raise forms.ValidationError(error.message) from error

    def clean(self):
        cleaned = super().clean()
        chosen, referenced = cleaned.get("member"), cleaned.get("reference")
        if chosen and referenced and chosen != referenced:
            self.add_error(
                "reference", "This reference is another member's: choose one or the other."
            )
        elif referenced:
            cleaned["member"] = referenced
        if (
            not cleaned.get("member")
            and not cleaned.get("name")
            and not self.has_error("reference")
        ):
            self.add_error("name", "Choose a postal member, or give the person's name.")
        return cleaned


class PaperChoiceField(forms.ModelChoiceField):
    """Each paper with its group, meeting date and kind: titles such as "Minutes" repeat."""

    def label_from_instance(self, obj) -> str:
        return obj.get_admin_display_title()


class OpenForCommentsForm(forms.Form):
    paper = PaperChoiceField(
        label="Paper",
        queryset=Page.objects.none(),
        error_messages={"required": "Choose the paper to open for comments."},
    )
    closes_at = forms.DateTimeField(
        label="Comments close on",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={
            "required": "Give the date and time comments close.",
            "invalid": "Give the date and time comments close, e.g. 30/06/2009 17:00.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        papers = [model for model in PAPER_PAGE_MODELS if model is not ConsultationPage]
        newest = Page.objects.live().type(*papers).order_by("-first_published_at")
        ids = list(newest.values_list("pk", flat=True)[:PAPERS_LISTED])
        self.fields["paper"].queryset = Page.objects.filter(pk__in=ids).order_by("title").specific()
