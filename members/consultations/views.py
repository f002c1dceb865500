"""Responding online (with a confirmed email address for a non-member) and the officers'
screens: the pages taking responses, one page's responses (search, mark read), the CSV
export, the printable list, recording a response received offline and opening a paper for
comments. Each action calls members.consultations.services; refusals show its message."""

import functools

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from home.audit import record_access
from home.http_caching import kept_private
from home.roles import is_partnership_officer
from home.search import search_words
from home.spreadsheets import download
from papers.exceptions import PapersError
from papers.services import open_for_comments as open_paper_for_comments

from . import export, services
from .audit import Action
from .exceptions import NotAllowedToSee, ResponsesError
from .forms import LinkRequestForm, OpenForCommentsForm, RecordResponseForm, ResponseForm

LONGEST_SEARCH = 200


def _visible_page(request, page_id: int):
    """The live page and what it takes, if the visitor may see the page; else None and the
    response Wagtail would give (404, or the sign-in for a restricted page)."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404("No page takes responses at this address.")
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            if not request.user.is_authenticated:
                return None, None, redirect_to_login(request.get_full_path())
            return None, None, kept_private(render(request, "403.html", status=403))
    taking = services.taking_responses(page, timezone.now())
    if taking is None:
        raise Http404("This page does not take responses.")
    return page.specific, taking, None


def _responder(request, page) -> tuple[services.Responder | None, str]:
    if request.user.is_authenticated:
        user = request.user
        return services.Responder(user=user, name=user.get_full_name()), ""
    token = request.POST.get("link") or request.GET.get("link") or ""
    return services.responder_from_token(page, token), token


@never_cache
@require_http_methods(["GET", "POST"])
def respond(request, page_id: int):
    """The response form on a page of its own: to change a response, to see what is wrong
    with one, or to respond from the emailed link."""
    page, taking, refused = _visible_page(request, page_id)
    if refused is not None:
        return refused
    responder, token = _responder(request, page)
    existing = services.response_of(page, responder)
    problem = services.refusal(taking)
    form = None
    status = 200
    if problem is None and not services.may_respond(taking, responder):
        if token:
            problem = (
                "That link has expired or is not for this page. Ask for a new one below."
                if taking.allows_non_members
                else "Sign in to respond."
            )
        elif request.method == "POST":
            problem = "Sign in to respond" + (
                ", or confirm your email address first." if taking.allows_non_members else "."
            )
        status = 403 if request.method == "POST" else 200
    elif problem is None:
        form = ResponseForm(request.POST or None, taking=taking, response=existing)
        if request.method == "POST" and form.is_valid():
            try:
                services.respond(
                    taking,
                    responder,
                    answers=form.answers(),
                    organisation=form.cleaned_data.get("organisation", ""),
                    paragraph=form.cleaned_data.get("paragraph", ""),
                )
            except ResponsesError as error:
                problem, status = error.message + " Nothing has been saved.", 400
            else:
                messages.success(
                    request,
                    "Thank you: your response is saved. You can change it until "
                    f"{services.when_text(taking.closes_at)}.",
                )
                return redirect(f"{page.url}#respond")
        elif request.method == "POST":
            problem = "Check the answers marked below: nothing has been saved yet."
            status = 400
    elif request.method == "POST":
        problem += " Nothing has been saved."
        status = 400
    return kept_private(
        render(
            request,
            "consultations/respond.html",
            {
                "page": page,
                "taking": taking,
                "form": form,
                "problem": problem,
                "existing": existing,
                "link": token if responder else "",
                "link_form": LinkRequestForm() if taking.allows_non_members else None,
                "login_next": services.respond_path(page),
            },
            status=status,
        )
    )


@never_cache
@require_POST
def request_link(request, page_id: int):
    """A non-member asks for the link that lets them respond as their email address."""
    page, taking, refused = _visible_page(request, page_id)
    if refused is not None:
        return refused
    form = LinkRequestForm(request.POST)
    problem = services.refusal(taking)
    if problem is None and not taking.allows_non_members:
        problem = "Only members can respond to this: sign in to respond."
    if problem is None and form.is_valid():
        services.send_response_link(
            taking,
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            site_url=request.build_absolute_uri("/").rstrip("/"),
        )
        return kept_private(
            render(
                request,
                "consultations/check_email.html",
                {"page": page, "email": form.cleaned_data["email"]},
            )
        )
    if problem is None:
        problem = "Check the details marked below: no email has been sent yet."
    return kept_private(
        render(
            request,
            "consultations/respond.html",
            {
                "page": page,
                "taking": taking,
                "problem": problem,
                "link_form": form if taking.allows_non_members else None,
                "login_next": services.respond_path(page),
            },
            status=400,
        )
    )


# --- Officers' screens ----------------------------------------------------------------------


def _signed_in(view):
    """Signed-out visitors go to sign in; refusals are a 403 page; nothing is cached."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            return kept_private(view(request, *args, **kwargs))
        except NotAllowedToSee as error:
            return kept_private(render(request, "403.html", {"refusal": error.message}, status=403))

    return never_cache(wrapped)


@_signed_in
def manage_list(request):
    pages = services.pages_taking_responses_for(request.user)
    is_officer = is_partnership_officer(request.user)
    if not pages and not is_officer:
        raise PermissionDenied
    now = timezone.now()
    rows = [(page, services.taking_responses(page, now)) for page in pages]
    return render(
        request,
        "consultations/manage/list.html",
        {
            "rows": rows,
            "is_officer": is_officer,
            "open_form": OpenForCommentsForm() if is_officer else None,
        },
    )


@_signed_in
@require_POST
def open_for_comments(request):
    if not is_partnership_officer(request.user):
        raise PermissionDenied
    form = OpenForCommentsForm(request.POST)
    if form.is_valid():
        try:
            period = open_paper_for_comments(
                form.cleaned_data["paper"],
                closes_at=form.cleaned_data["closes_at"],
                by=request.user,
            )
        except PapersError as error:
            form.add_error("closes_at", error.message)
        else:
            record_access(request.user, Action.OPENED_FOR_COMMENTS, page=period.page)
            messages.success(request, f"“{period.page.title}” is open for comments.")
            return redirect("consultations_manage_page", page_id=period.page_id)
    pages = services.pages_taking_responses_for(request.user)
    now = timezone.now()
    return render(
        request,
        "consultations/manage/list.html",
        {
            "rows": [(page, services.taking_responses(page, now)) for page in pages],
            "is_officer": True,
            "open_form": form,
        },
        status=400,
    )


@_signed_in
@require_http_methods(["GET", "POST"])
def manage_page(request, page_id: int):
    """One page's responses with their channel, date and organisation (and, for officers,
    names and contact details); search; mark as read; the totals."""
    page = services.managed_page(request.user, page_id)
    taking = services.taking_responses(page, timezone.now())
    if request.method == "POST":
        ids = [int(value) for value in request.POST.getlist("read") if value.isdigit()]
        marked = services.mark_read(request.user, page, ids)
        messages.success(request, f"{marked} response{'s' if marked != 1 else ''} marked as read.")
        return redirect("consultations_manage_page", page_id=page.pk)
    words = search_words(request.GET.get("q") or "", LONGEST_SEARCH)
    with_names = services.may_see_names(request.user)
    rows = services.response_rows(request.user, page, words)
    record_access(
        request.user,
        Action.VIEWED,
        page=page,
        details={"included_names": with_names, "words_searched": bool(words)},
    )
    return render(
        request,
        "consultations/manage/page.html",
        {
            "page": page.specific,
            "taking": taking,
            "rows": rows,
            "words": words,
            "with_names": with_names,
            "totals": services.totals(taking),
        },
    )


def _officers_only(request):
    if not services.may_see_names(request.user):
        raise NotAllowedToSee(
            "Only the Partnership's officers can export or print responses with names."
        )


@_signed_in
def export_responses(request, page_id: int):
    _officers_only(request)
    page = services.managed_page(request.user, page_id)
    taking = services.taking_responses(page, timezone.now())
    rows = services.response_rows(request.user, page)
    record_access(request.user, Action.EXPORTED, page=page, details={"included_names": True})
    return download(
        f"responses-{page.slug}",
        export.response_headings(taking.questions),
        export.response_cells(rows, taking.questions),
        request.GET.get("format"),
    )


@_signed_in
def print_responses(request, page_id: int):
    _officers_only(request)
    page = services.managed_page(request.user, page_id)
    taking = services.taking_responses(page, timezone.now())
    rows = services.response_rows(request.user, page)
    record_access(request.user, Action.PRINTED, page=page, details={"included_names": True})
    return render(
        request,
        "consultations/manage/print.html",
        {"page": page, "taking": taking, "rows": rows, "totals": services.totals(taking)},
    )


@_signed_in
@require_http_methods(["GET", "POST"])
def record_response(request, page_id: int):
    _officers_only(request)
    page = services.managed_page(request.user, page_id)
    taking = services.taking_responses(page, timezone.now())
    form = RecordResponseForm(request.POST or None, taking=taking)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_response(
                page,
                by=request.user,
                channel=data["channel"],
                received_on=data["received_on"],
                answers=form.answers(),
                member=data.get("member"),
                name=data.get("name", ""),
                address=data.get("address", ""),
                organisation=data.get("organisation", ""),
                paragraph=data.get("paragraph", ""),
            )
        except ResponsesError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "The response is recorded and counts in the totals.")
            return redirect("consultations_manage_page", page_id=page.pk)
    return render(
        request,
        "consultations/manage/record.html",
        {"page": page, "taking": taking, "form": form},
        status=400 if form.is_bound else 200,
    )
