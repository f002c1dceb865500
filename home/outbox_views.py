"""The officers' Outbox screens in the admin: what is waiting, failed or sent, with the last
error and a "retry now" action. Bodies of confidential messages (sign-in codes, verification
and password-reset links) are never shown. Each view and retry goes to the audit log."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from . import outbox
from .audit import record_access
from .models import OutgoingEmail
from .officer_screens import AdminScreen, OfficersOnlyMixin

State = OutgoingEmail.State
# Each tab of the screen and the states it lists.
TABS = {
    "waiting": ("Waiting", [State.PENDING, State.SENDING]),
    "failed": ("Failed", [State.FAILED]),
    "sent": ("Sent", [State.SENT]),
    "withdrawn": ("Withdrawn", [State.WITHDRAWN]),
}
PER_PAGE = 50
LISTED_FIELDS = (
    "pk",
    "kind",
    "to",
    "subject",
    "state",
    "attempts",
    "last_error",
    "created_at",
    "next_attempt_at",
    "sent_at",
)


class OutboxScreen(OfficersOnlyMixin, AdminScreen):
    header_icon = "mail"


class OutboxView(OutboxScreen):
    page_title = "Outbox"
    template_name = "home/admin/outbox.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tab = self.request.GET.get("show")
        if tab not in TABS:
            tab = "waiting"
        label, states = TABS[tab]
        emails = OutgoingEmail.objects.filter(state__in=states).only(*LISTED_FIELDS)
        if tab == "sent":
            emails = emails.order_by("-sent_at", "-pk")
        page = Paginator(emails, PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            tabs=[(key, name, key == tab) for key, (name, _) in TABS.items()],
            tab=tab,
            tab_label=label,
            page_obj=page,
            emails=page.object_list,
        )
        return context


class OutgoingEmailView(OutboxScreen):
    page_title = "Email in the outbox"
    template_name = "home/admin/outgoing_email.html"

    def get_context_data(self, email_id, **kwargs):
        context = super().get_context_data(**kwargs)
        email = get_object_or_404(OutgoingEmail, pk=email_id)
        record_access(self.request.user, "home.viewed_email", subject=email)
        context["email"] = email
        return context


class RetryEmailView(OutboxScreen):
    http_method_names = ["post"]

    def post(self, request, email_id):
        email = get_object_or_404(OutgoingEmail, pk=email_id)
        if outbox.retry_now(email):
            record_access(request.user, "home.retried_email", subject=email)
            messages.success(
                request, f"“{email.subject}” to {', '.join(email.to)} will be sent now."
            )
        else:
            messages.warning(
                request,
                f"“{email.subject}” has already been sent or is being sent: nothing to retry.",
            )
        return redirect(request.POST.get("next") or reverse("home_outbox"))
