"""Officers' Postal mailing screens (Partnership officers only): the open batch and the past
ones, each batch's letters (for the browser's print, one by one or all), its PDF, labels
(a 21-up sheet and a CSV), posted and returned, and the form for a change a postal member
asked for by post or telephone. Every view of the letters and addresses is audited (the
services do it)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from home.audit import record_access
from home.officer_screens import AdminScreen
from home.roles import is_partnership_officer
from members.audit.actions import Action
from members.exceptions import MembersError
from members.models import Member, PostalBatch, PostalLetter
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
    record_change_asked_by_post,
)
from members.postal.labels import label_sheets, labels_csv
from members.postal.letters import envelope_window
from members.postal.officer_forms import ChangeByPostForm, PostedForm, ReturnedForm
from members.postal.pdf import open_pdf, request_pdf
from members.postal.postage import batch_postage, is_printed_on_both_sides


class OfficersOnlyMixin(LoginRequiredMixin):
    """Signed out: the sign-in page. Signed in but not a Partnership officer: 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not is_partnership_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


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
            postage=batch_postage(batch),
            is_duplex=is_printed_on_both_sides(),
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
                "title": f"Address labels for postal batch {batch.pk}",
                "sheets": label_sheets(request.user, batch),
                "back_url": reverse("members_postal_batch", args=[batch.pk]),
                "back_text": "Back to the batch",
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
