"""Officers' Postal mailing screens (Partnership officers only): the open batch and the past
ones, each batch's letters (for the browser's print, one by one or all), its PDF, labels
(a 21-up sheet and a CSV), posted and returned, and the form for a change a postal member
asked for by post or telephone. Every view of the letters and addresses is audited (the
services do it)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from wagtail.admin.widgets import AdminDateInput

from home.audit import record_access
from home.officer_screens import AdminScreen
from home.roles import is_partnership_officer
from members.audit.actions import Action
from members.exceptions import MembersError
from members.models import Member, MembershipChange, PostalBatch, PostalLetter
from members.partnership.forms import InterestsField
from members.postal.batches import (
    batch_letters,
    build_batch,
    last_posted_batch,
    letters_for_print,
    mark_posted,
    members_with_returned_letters,
    record_returned_letter,
)
from members.postal.changes_by_post import (
    ChangeAskedByPost,
    LettersChoice,
    record_change_asked_by_post,
)
from members.postal.labels import label_sheets, labels_csv
from members.postal.letters import envelope_window
from members.postal.pdf import open_pdf, request_pdf

EARLIEST_DATE_MESSAGE = "Enter a date from this century, like 27 3 2026."


class OfficersOnlyMixin(LoginRequiredMixin):
    """Signed out: the sign-in page. Signed in but not a Partnership officer: 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not is_partnership_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _no_future(value, what: str):
    if value and value > timezone.localdate():
        raise forms.ValidationError(f"{what} cannot be in the future: check the date.")
    if value and value.year < 2000:
        raise forms.ValidationError(EARLIEST_DATE_MESSAGE)
    return value


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


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


class PostalMailingView(OfficersOnlyMixin, AdminScreen):
    """The open batch (or the button that builds it), past batches, and the members whose
    letters came back."""

    page_title = "Postal mailing"
    header_icon = "mail"
    template_name = "members/admin/postal/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batches = PostalBatch.objects.annotate(letter_count=Count("letters")).order_by(
            "-built_at", "-pk"
        )
        returned = list(members_with_returned_letters())
        record_access(
            self.request.user,
            Action.VIEWED_POSTAL_BATCH,
            count=len(returned),
            details={"screen": "postal mailing"},
        )
        previous = last_posted_batch()
        context.update(
            open_batch=next((batch for batch in batches if not batch.is_posted), None),
            posted_batches=[batch for batch in batches if batch.is_posted],
            returned=returned,
            since=previous.covers_until if previous else None,
        )
        return context

    def post(self, request):
        try:
            batch = build_batch(request.user)
        except MembersError as error:
            messages.error(request, error.message)
            return redirect("members_postal_mailing")
        messages.success(request, f"Postal batch {batch.pk} is built: check it, then print it.")
        return redirect("members_postal_batch", batch.pk)


class PostalBatchView(OfficersOnlyMixin, AdminScreen):
    header_icon = "mail"
    template_name = "members/admin/postal/batch.html"

    def get_page_title(self):
        return f"Postal batch {self.kwargs['pk']}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("members_postal_mailing"), "label": "Postal mailing"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, posted_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = get_object_or_404(PostalBatch, pk=self.kwargs["pk"])
        letters = list(
            batch_letters(batch).annotate(posting_count=Count("postings")).order_by("position")
        )
        record_access(
            self.request.user,
            Action.VIEWED_POSTAL_BATCH,
            count=len(letters),
            details={"batch": batch.pk},
        )
        context.update(
            batch=batch,
            letters=letters,
            postings=batch.postings.order_by("posted_at", "pk"),
            posted_form=posted_form or PostedForm(batch=batch),
            envelope=envelope_window(batch.envelope),
        )
        return context

    def post(self, request, pk):
        batch = get_object_or_404(PostalBatch, pk=pk)
        form = PostedForm(request.POST, batch=batch)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(posted_form=form))
        try:
            mark_posted(request.user, batch, posted_on=form.cleaned_data["posted_on"])
        except MembersError as error:  # posted meanwhile, or a page unpublished since built
            messages.error(request, error.message)
            return redirect("members_postal_batch", batch.pk)
        messages.success(request, f"Postal batch {batch.pk} is posted; the next starts after it.")
        return redirect("members_postal_batch", batch.pk)


class PostalPdfView(OfficersOnlyMixin, View):
    """POST: make (or make again) the batch's PDF in the background. GET: download it."""

    def post(self, request, pk):
        batch = get_object_or_404(PostalBatch, pk=pk)
        try:
            request_pdf(request.user, batch)
        except MembersError as error:  # a page was unpublished or restricted since the build
            messages.error(request, error.message)
            return redirect("members_postal_batch", batch.pk)
        messages.success(
            request,
            "The PDF is being made. You will get an email when it is ready, and it will be "
            "on this page.",
        )
        return redirect("members_postal_batch", batch.pk)

    def get(self, request, pk):
        batch = get_object_or_404(PostalBatch, pk=pk)
        if batch.pdf_state != PostalBatch.PdfState.READY or not batch.pdf:
            messages.error(request, "The PDF is not ready: make it first, from this page.")
            return redirect("members_postal_batch", batch.pk)
        try:
            pdf = open_pdf(request.user, batch)
        except MembersError as error:
            messages.error(request, error.message)
            return redirect("members_postal_batch", batch.pk)
        response = FileResponse(
            pdf,
            content_type="application/pdf",
            as_attachment=True,
            filename=f"postal-batch-{batch.pk}.pdf",
        )
        return _no_store(response)


class PostalLettersView(OfficersOnlyMixin, View):
    """Every letter of the batch, or one, as HTML for the browser's print."""

    def get(self, request, pk, letter_pk=None):
        batch = get_object_or_404(PostalBatch, pk=pk)
        letters = batch_letters(batch)
        if letter_pk is not None:
            letters = [get_object_or_404(letters, pk=letter_pk)]
        else:
            letters = list(letters)
        try:
            document = letters_for_print(
                request.user,
                batch,
                letters,
                back_url=reverse("members_postal_batch", args=[batch.pk]),
            )
        except MembersError as error:
            messages.error(request, error.message)
            return redirect("members_postal_batch", batch.pk)
        return _no_store(HttpResponse(document))


class PostalLabelsView(OfficersOnlyMixin, View):
    """The batch's addresses on A4 sheets of 21 labels (63.5 x 38.1 mm, 3 across, 7 down),
    a page of its own to print from the browser."""

    def get(self, request, pk):
        batch = get_object_or_404(PostalBatch, pk=pk)
        response = render(
            request,
            "members/admin/postal/labels.html",
            {
                "batch": batch,
                "sheets": label_sheets(request.user, batch),
                "back_url": reverse("members_postal_batch", args=[batch.pk]),
            },
        )
        return _no_store(response)


class PostalLabelsCsvView(OfficersOnlyMixin, View):
    def get(self, request, pk):
        batch = get_object_or_404(PostalBatch, pk=pk)
        response = HttpResponse(
            labels_csv(request.user, batch), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="postal-batch-{batch.pk}.csv"'
        return _no_store(response)


class ReturnedLetterView(OfficersOnlyMixin, AdminScreen):
    page_title = "Record a returned letter"
    header_icon = "mail"
    template_name = "members/admin/postal/returned.html"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        letter = get_object_or_404(
            PostalLetter.objects.select_related("batch", "member"), pk=self.kwargs["pk"]
        )
        context.update(letter=letter, form=form or ReturnedForm(letter=letter))
        return context

    def post(self, request, pk):
        letter = get_object_or_404(PostalLetter.objects.select_related("batch"), pk=pk)
        form = ReturnedForm(request.POST, letter=letter)
        if form.is_valid():
            try:
                record_returned_letter(
                    request.user,
                    letter,
                    returned_on=form.cleaned_data["returned_on"],
                    reason=form.cleaned_data["reason"],
                )
            except MembersError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    f"Letter recorded as returned: member {letter.member_id}'s letters are "
                    "paused until you check their address.",
                )
                return redirect("members_postal_batch", letter.batch_id)
        return self.render_to_response(self.get_context_data(form=form))


class ChangeByPostView(OfficersOnlyMixin, AdminScreen):
    """A change a postal member asked for by post, telephone or in person."""

    page_title = "Record a change asked for by post or telephone"
    header_icon = "mail"
    template_name = "members/admin/postal/change_by_post.html"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        member = get_object_or_404(Member, pk=self.kwargs["pk"], route=Member.Route.POST)
        context.update(member=member, form=form or ChangeByPostForm(member=member))
        return context

    def post(self, request, pk):
        member = get_object_or_404(Member, pk=pk, route=Member.Route.POST)
        form = ChangeByPostForm(request.POST, member=member)
        if form.is_valid():
            try:
                changes = record_change_asked_by_post(
                    request.user, member, form.change(), request=request
                )
            except MembersError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    f"{len(changes)} change{'s' if len(changes) != 1 else ''} recorded for "
                    f"member {member.pk}."
                    if changes
                    else "Nothing changed: what they asked for is what they already have.",
                )
                return redirect("member:inspect", member.pk)
        return self.render_to_response(self.get_context_data(form=form))
