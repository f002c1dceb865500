"""The wider partnership's own pages: joining, the confirmation, a member's preferences,
renewing consent and leaving."""

from allauth.account.views import SignupView
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from wagtail.models import Site

from home.http_caching import kept_private
from home.models import PartnershipSettings, PrivacyNoticePage, PrivacyNoticeVersion
from members.exceptions import MembersError
from members.models import ConsentRecord, Member
from members.partnership import consent
from members.partnership import services as partnership
from members.partnership.forms import HONEYPOT_FIELD, JoinForm, PreferencesForm

# The code a visitor arrived with (a campaign's /j/<code>, members.outreach), shown on the
# join form's "where did you hear about us?".
JOIN_CODE_SESSION_KEY = "join_code"


def _privacy_notice_url(request) -> str:
    notice = PrivacyNoticePage.objects.live().public().first()
    return notice.get_url(request) if notice else ""


class JoinView(SignupView):
    """allauth's sign-up, passwordless and enumeration-safe: a new address and one that
    already has an account both lead to the same "check your email" page."""

    template_name = "members/join.html"
    form_class = JoinForm

    def form_valid(self, form):
        # One transaction for the account and its membership: a database that gives up
        # midway (a lock held too long: home.busy_database) leaves neither behind.
        with transaction.atomic():
            return super().form_valid(form)

    def get_initial(self):
        return {
            **super().get_initial(),
            "heard_from": self.request.session.get(JOIN_CODE_SESSION_KEY, ""),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = Site.find_for_request(self.request)
        contact = PartnershipSettings.for_site(site) if site else None
        context.update(
            consent_statement=consent.consent_statement(),
            honeypot=context["form"][HONEYPOT_FIELD],
            privacy_notice_url=_privacy_notice_url(self.request),
            privacy_notice_version=PrivacyNoticeVersion.current(),
            contact=contact,
            contact_address=", ".join(
                line.strip() for line in (contact.address if contact else "").splitlines()
            ),
        )
        return context


def join_confirmed(request):
    member = None
    if request.user.is_authenticated:
        member = Member.objects.filter(user=request.user).first()
    return kept_private(render(request, "members/join_confirmed.html", {"member": member}))


def _membership_or_none(request) -> Member | None:
    return Member.objects.filter(user=request.user).prefetch_related("interests").first()


@login_required
def preferences(request):
    member = _membership_or_none(request)
    if member is None:
        return kept_private(render(request, "members/no_membership.html", status=404))
    initial = {
        "interests": list(member.interests.all()),
        "route": member.route if member.route in Member.EMAIL_ROUTES or member.is_postal else None,
        "is_paused": member.status == Member.Status.PAUSED,
        "papers_by_post": member.papers_by_post,
    }
    form = PreferencesForm(
        request.POST if request.method == "POST" else None, initial=initial, member=member
    )
    if request.method == "POST" and form.is_valid():
        try:
            changes = partnership.change_own_preferences(member, form.cleaned_data)
        except MembersError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                "Your choices are saved."
                if changes
                else "Nothing changed: your choices are as they were.",
            )
            return redirect("members_preferences")
    context = {
        "member": member,
        "form": form,
        "needs_renewal": consent.needs_renewal(member),
        "latest_consent": consent.latest_consent(member),
        "current_version": PrivacyNoticeVersion.current(),
        "privacy_notice_url": _privacy_notice_url(request),
    }
    return kept_private(render(request, "members/preferences.html", context))


@login_required
@require_POST
def renew_consent(request):
    member = _membership_or_none(request)
    if member is not None:
        consent.renew_consent(member, ConsentRecord.Method.RENEWED_ONLINE)
        messages.success(request, "Thank you: your consent is renewed.")
    return redirect("members_preferences")


@login_required
def leave(request):
    member = _membership_or_none(request)
    if member is None:
        return kept_private(render(request, "members/no_membership.html", status=404))
    if request.method == "POST":
        partnership.leave_partnership(member)
        messages.success(
            request,
            "You have left the wider partnership: we will send you nothing more. To delete "
            "everything we hold about you as well, use “Delete my membership and account”.",
        )
        return redirect("members_your_data")
    return kept_private(render(request, "members/leave.html", {"member": member}))
