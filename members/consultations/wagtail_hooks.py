"""What consultation responses add to the rest of the site through hooks: the response panel
of a consultation page or a paper open for comments (kcp_consultation_response), the personal
data responses hold (kcp_personal_data), the admin menu's link to the officers' screens, and
the refusal to delete a page that people responded to."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.extension_points import (
    AUDIT_ACTIONS,
    CONSULTATION_RESPONSE,
    PERSONAL_DATA,
    Panel,
    RegisterEntry,
    TakingResponses,
    rows,
)

from . import services
from .audit import Action
from .forms import LinkRequestForm, ResponseForm
from .models import Response


@hooks.register(CONSULTATION_RESPONSE)
def response_panel(taking: TakingResponses, request) -> Panel:
    """The form for a signed-in person (filled in with their response, if they sent one), the
    email form or the sign-in link for others, why it is not open, and the totals once
    closed. Two queries at most: the person's response, or the totals."""
    user = request.user
    context = {
        "taking": taking,
        "refusal": services.refusal(taking),
        "respond_path": services.respond_path(taking.page),
        "link_path": reverse("consultations_link", args=[taking.page.pk]),
    }
    if context["refusal"] is None and user.is_authenticated:
        responder = services.Responder(user=user)
        existing = services.response_of(taking.page, responder)
        context.update(existing=existing, form=ResponseForm(taking=taking, response=existing))
    elif context["refusal"] is None and taking.allows_non_members:
        context["link_form"] = LinkRequestForm()
    if taking.status in ("closed", "results"):
        context["totals"] = services.totals(taking)
    return Panel("consultations/includes/respond_panel.html", context)


def _responses_of(user):
    """Online by the account or its address, or recorded by an officer against the person's
    membership (a postal member who later made an account)."""
    by_address = Q(email__iexact=user.email) & ~Q(email="")
    return Response.objects.filter(Q(user=user) | Q(member__user=user) | by_address)


def _responses_of_member(member):
    """What an officer recorded for a membership, account or not."""
    return Response.objects.filter(member=member)


class ResponsesData:
    """The personal data responses hold, for a person's export and erasure."""

    name = "Consultation responses"
    models = (Response,)
    register = (
        RegisterEntry(
            "Your responses to consultations and comments on papers: your name, email or "
            "postal address, the organisation you responded for, your answers, the paragraph "
            "you commented on, how and when we received it, and whether officers have read it",
            ("consultations.Response.*",),
            "To take your views into account and report what was done with them. Responses "
            "are never published; only totals and a summary are.",
            "Performance of a task in the public interest (UK GDPR article 6(1)(e))",
            "You; Partnership officers; the lead officers of the group consulting see what you "
            "said and your organisation, never your name or contact details",
            "As long as the consultation's records are kept; if you ask us to erase your "
            "data, your name, contact details, organisation and written answers are removed "
            "and only your choices are kept, unnamed, in the totals.",
        ),
    )

    def export(self, user) -> list[dict]:
        return rows(_responses_of(user).order_by("received_on", "pk"))

    def export_member(self, member) -> list[dict]:
        """For a member without an account: the responses officers recorded for them."""
        return rows(_responses_of_member(member).order_by("received_on", "pk"))

    @transaction.atomic
    def erase(self, user) -> None:
        """Responses stay for the totals, unnamed: name, email, address, organisation, account
        and written answers go; choices stay. Officers who recorded responses are forgotten
        (what they looked at stays in the audit trail under their number: home.personal_data)."""
        _anonymise(_responses_of(user))
        Response.objects.filter(recorded_by=user).update(recorded_by=None)

    @transaction.atomic
    def erase_member(self, member) -> None:
        """Called before the membership goes (which would only unlink the responses): the
        responses recorded for it are anonymised like online ones."""
        _anonymise(_responses_of_member(member))


def _anonymise(responses) -> None:
    """Kept for the totals: the organisation goes too, as a sole trader's names the person."""
    for response in responses.select_related("page"):
        chosen = _choice_keys(response)
        response.answers = [
            answer
            if answer.get("key") in chosen or not answer.get("answer")
            else {**answer, "answer": "(erased)"}
            for answer in response.answers
        ]
        response.name = ""
        response.email = ""
        response.address = ""
        response.organisation = ""
        response.user = None
        response.member = None
        response.is_anonymised = True
        response.save()


def _choice_keys(response: Response) -> set[str]:
    """The questions of the response's page answered by a choice (not written in words)."""
    taking = services.taking_responses(response.page, response.updated_at)
    return {q["key"] for q in taking.questions if q["type"] == "choice"} if taking else set()


@hooks.register(PERSONAL_DATA)
def responses_data():
    return ResponsesData()


@hooks.register("before_delete_page")
def keep_pages_that_people_responded_to(request, page):
    """Responses are records that nothing deletes by accident: a page (or a section above
    it) with responses cannot be deleted; unpublish it instead."""
    if not Response.objects.filter(page__path__startswith=page.path).exists():
        return None
    messages.error(
        request,
        "People have responded to this page, so it cannot be deleted: unpublish it instead.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class ResponsesMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(services.pages_taking_responses_for(request.user))


@hooks.register("register_admin_menu_item")
def responses_menu_item():
    return ResponsesMenuItem(
        "Consultation responses", reverse("consultations_manage"), icon_name="comment", order=920
    )


@hooks.register(AUDIT_ACTIONS)
def consultations_audit_actions() -> dict[str, str]:
    return dict(Action.choices)
