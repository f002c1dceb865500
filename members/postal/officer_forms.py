"""The forms of the officers' Postal mailing screens: posted, returned, and a change a postal
member asked for by post or telephone."""

from django import forms
from django.utils import timezone
from wagtail.admin.widgets import AdminDateInput

from members.models import Member, MembershipChange, PostalBatch, PostalLetter
from members.partnership.forms import InterestsField
from members.postal.changes_by_post import ChangeAskedByPost, LettersChoice

EARLIEST_DATE_MESSAGE = "Enter a date from this century, like 27 3 2026."


def _no_future(value, what: str):
    if value and value > timezone.localdate():
        raise forms.ValidationError(f"{what} cannot be in the future: check the date.")
    if value and value.year < 2000:
        raise forms.ValidationError(EARLIEST_DATE_MESSAGE)
    return value


class PostedForm(forms.Form):
    posted_on = forms.DateField(
        label="The day the letters went in the post",
        widget=AdminDateInput,
        error_messages={"required": "Enter the day the letters were posted, like 27 3 2026."},
    )

    def __init__(self, *args, batch: PostalBatch, **kwargs):
        super().__init__(*args, **kwargs)
        self.batch = batch

    def clean_posted_on(self):
        posted_on = _no_future(self.cleaned_data["posted_on"], "The day they were posted")
        if posted_on < timezone.localdate(self.batch.built_at):
            raise forms.ValidationError(
                "The letters cannot have been posted before the batch was built on "
                f"{timezone.localdate(self.batch.built_at):%-d %B %Y}: check the date."
            )
        return posted_on


class ReturnedForm(forms.Form):
    returned_on = forms.DateField(
        label="The day it came back",
        widget=AdminDateInput,
        error_messages={"required": "Enter the day the letter came back, like 27 3 2026."},
    )
    reason = forms.CharField(
        label="What the envelope says",
        max_length=200,
        help_text="For example “Addressee gone away” or “Not known at this address”.",
        error_messages={
            "required": "Say why it came back, as the envelope or Royal Mail's label says.",
            "max_length": "Keep the reason to 200 characters or fewer.",
        },
    )

    def __init__(self, *args, letter: PostalLetter, **kwargs):
        super().__init__(*args, **kwargs)
        self.letter = letter

    def clean_returned_on(self):
        returned_on = _no_future(self.cleaned_data["returned_on"], "The day it came back")
        posted_at = self.letter.batch.posted_at
        if posted_at and returned_on < timezone.localdate(posted_at):
            raise forms.ValidationError(
                "A letter cannot come back before it was posted on "
                f"{timezone.localdate(posted_at):%-d %B %Y}: check the date."
            )
        return returned_on


EMAIL_ROUTES = [(route.value, route.label) for route in Member.Route if route != Member.Route.POST]


class ChangeByPostForm(forms.Form):
    how_asked = forms.ChoiceField(
        label="How did they ask?",
        choices=[(choice.value, choice.label) for choice in MembershipChange.OFFICER_CHANNELS],
        widget=forms.RadioSelect,
        error_messages={"required": "Say how they asked: by post, by telephone or in person."},
    )
    asked_on = forms.DateField(
        label="When did they ask?",
        help_text="The date on their letter, or of the call.",
        widget=AdminDateInput,
        error_messages={"required": "Enter the day they asked, like 27 3 2026."},
    )
    letters = forms.ChoiceField(
        label="Their letters",
        choices=LettersChoice.choices,
        widget=forms.RadioSelect,
        initial=LettersChoice.KEEP,
        error_messages={"required": "Choose what happens to their letters."},
    )
    interests = InterestsField()
    is_large_print = forms.BooleanField(label="Large print letters", required=False)
    papers_by_post = forms.ChoiceField(
        label="What their letters bring",
        choices=Member.PapersByPost.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what their letters bring: summaries or papers.",
            "invalid_choice": "Choose what their letters bring from the three choices listed.",
        },
    )
    email = forms.EmailField(
        label="Email address (only when switching to email)",
        required=False,
        error_messages={"invalid": "Enter the email address like name@example.org."},
    )
    email_route = forms.ChoiceField(
        label="By email: how often?", choices=EMAIL_ROUTES, required=False
    )

    def __init__(self, *args, member: Member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].label = "The subjects they want to hear about"
        if not self.is_bound:
            self.initial.update(
                interests=list(member.interests.all()),
                is_large_print=member.is_large_print,
                papers_by_post=member.papers_by_post,
                email_route=Member.Route.EMAIL_AT_ONCE,
            )

    def clean_asked_on(self):
        return _no_future(self.cleaned_data["asked_on"], "The day they asked")

    def clean(self):
        data = super().clean()
        if data.get("letters") == LettersChoice.LEAVE:
            # Leaving needs no subjects: drop the error an empty choice raised.
            self.errors.pop("interests", None)
            self.errors.pop("papers_by_post", None)
        if data.get("letters") == LettersChoice.EMAIL:
            self.errors.pop("papers_by_post", None)  # email members read the papers online
        if data.get("letters") == LettersChoice.EMAIL and not data.get("email"):
            if "email" not in self.errors:
                self.add_error("email", "Enter the email address they want their news sent to.")
        return data

    def change(self) -> ChangeAskedByPost:
        data = self.cleaned_data
        return ChangeAskedByPost(
            how_asked=data["how_asked"],
            asked_on=data["asked_on"],
            interests=tuple(data.get("interests") or ()),
            letters=data["letters"],
            is_large_print=data["is_large_print"],
            papers_by_post=data.get("papers_by_post") or Member.PapersByPost.SUMMARIES,
            email=data.get("email", ""),
            email_route=data.get("email_route") or Member.Route.EMAIL_AT_ONCE,
        )
