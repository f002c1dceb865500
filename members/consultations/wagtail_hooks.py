"""What consultation responses add to the rest of the site through hooks: the response panel
of a consultation page or a paper open for comments (kcp_consultation_response), the personal
data responses hold (kcp_personal_data), the admin menu's link to the officers' screens, and
the refusal to delete a page that people responded to."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.extension_points import (
    AUDIT_ACTIONS,
    CONSULTATION_RESPONSE,
    PERSONAL_DATA,
    Panel,
    TakingResponses,
)

from . import services
from .audit import Action
from .forms import LinkRequestForm, ResponseForm
from .models import Response
from .personal_data import ResponsesData


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


@hooks.register(PERSONAL_DATA)
def responses_data() -> ResponsesData:
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
