"""The wider partnership's pages: joining, a member's preferences and their data rights; and
the members' area: the dashboard at /members/, marking induction modules and pairings done,
and the skills and interests audit. Each action calls members.services; the officers'
screens (member records, the security log) are in members.admin_views."""

import json

from allauth.account.views import SignupView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Site

from home.extension_points import DASHBOARD_PANELS, panels
from home.models import PartnershipSettings, PrivacyNoticePage, PrivacyNoticeVersion
from home.roles import is_partnership_officer, is_steering_group_member

from .exceptions import InvalidPairing, MembersError, NotASteeringGroupMember, UnknownModule
from .forms import HONEYPOT_FIELD, ConfirmForm, JoinForm, PreferencesForm, SkillsAuditForm
from .models import ConsentRecord, Member
from .services import alerts, consent, data_rights, induction, partnership, shadowing, skills_audit


def _privacy_notice_url(request) -> str:
    notice = PrivacyNoticePage.objects.live().public().first()
    return notice.get_url(request) if notice else ""


def _no_store(response):
    """Pages about one person are never kept by a browser's or a proxy's cache."""
    response["Cache-Control"] = "private, no-cache, no-store"
    return response


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
    return _no_store(render(request, "members/join_confirmed.html", {"member": member}))


def _membership_or_none(request) -> Member | None:
    return Member.objects.filter(user=request.user).prefetch_related("interests").first()


@login_required
def preferences(request):
    member = _membership_or_none(request)
    if member is None:
        return _no_store(render(request, "members/no_membership.html", status=404))
    initial = {
        "interests": list(member.interests.all()),
        "route": member.route if member.route in Member.EMAIL_ROUTES else None,
        "is_paused": member.status == Member.Status.PAUSED,
    }
    form = PreferencesForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changes = partnership.change_preferences(
                member,
                interests=form.cleaned_data["interests"],
                route=form.cleaned_data["route"],
                is_paused=form.cleaned_data["is_paused"],
            )
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
    return _no_store(render(request, "members/preferences.html", context))


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
        return _no_store(render(request, "members/no_membership.html", status=404))
    if request.method == "POST":
        partnership.leave_partnership(member)
        messages.success(
            request,
            "You have left the wider partnership: we will send you nothing more. To delete "
            "everything we hold about you as well, use “Delete my membership and account”.",
        )
        return redirect("members_your_data")
    return _no_store(render(request, "members/leave.html", {"member": member}))


def readable_sections(held: dict) -> list[dict]:
    """The export as headed lists a person can read: one section per holder, one list of
    rows per kind of record."""
    sections = []
    for holder_name, content in held.items():
        parts = []
        for key, value in (content or {}).items() if isinstance(content, dict) else []:
            title = key.replace("_", " ").capitalize()
            if isinstance(value, dict):
                parts.append({"title": title, "rows": [list(value.items())]})
            elif isinstance(value, list):
                parts.append(
                    {
                        "title": title,
                        "rows": [
                            list(item.items()) if isinstance(item, dict) else [("", item)]
                            for item in value
                        ],
                    }
                )
            else:
                parts.append({"title": title, "rows": [[("", value)]]})
        sections.append({"title": holder_name, "parts": parts})
    return sections


@login_required
def your_data(request):
    member = _membership_or_none(request)
    if member is not None:
        held = data_rights.export_member(member)["held"]
    else:
        held = {
            holder.name: holder.export(request.user)
            for holder in data_rights.personal_data_holders()
        }
    context = {"member": member, "sections": readable_sections(held)}
    return _no_store(render(request, "members/your_data.html", context))


@login_required
def download_your_data(request):
    member = _membership_or_none(request)
    if member is not None:
        exported = data_rights.export_member(member)
    else:
        exported = {
            "held": {
                holder.name: holder.export(request.user)
                for holder in data_rights.personal_data_holders()
            }
        }
    response = HttpResponse(
        json.dumps(exported, indent=2, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="kcp-your-data.json"'
    return _no_store(response)


@login_required
def delete_your_data(request):
    member = _membership_or_none(request)
    if is_partnership_officer(request.user) or request.user.is_staff:
        return _no_store(render(request, "members/delete_refused.html", status=403))
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        if member is not None:
            data_rights.erase_member(member, by=None)
        else:
            for holder in data_rights.personal_data_holders():
                holder.erase(user)
            user.delete()
        return redirect(reverse("members_deleted"))
    return _no_store(render(request, "members/delete.html", {"member": member, "form": form}))


def deleted(request):
    return render(request, "members/deleted.html")


def _refuse(request, message: str):
    """A clear 403 for someone signed in who may not do this: never a sign-in loop."""
    response = render(request, "403.html", {"refusal": message}, status=403)
    response["Cache-Control"] = "private, no-cache, no-store"
    return response


@never_cache
@login_required
def dashboard(request):
    """The signed-in person's dashboard: whatever panels the site's features give them."""
    rendered = [panel.render(request) for panel in panels(DASHBOARD_PANELS, request)]
    return render(request, "members/dashboard.html", {"panels": rendered})


@never_cache
@login_required
@require_POST
def mark_module_done(request, module_id: int):
    try:
        completion = induction.mark_module_done(request.user, module_id)
    except NotASteeringGroupMember as error:
        return _refuse(request, error.message)
    except UnknownModule as error:
        raise Http404(error.message) from error
    messages.success(request, f"“{completion.module.title}” is marked as done.")
    return redirect(completion.module.url)


@never_cache
@login_required
@require_POST
def mark_pairing_done(request, pairing_id: int):
    try:
        pairing = shadowing.mark_pairing_done(request.user, pairing_id)
    except InvalidPairing as error:
        raise Http404(error.message) from error
    other = pairing.other_than(request.user)
    messages.success(request, f"Your {pairing.get_kind_display().lower()} with {other} is done.")
    return redirect("members_dashboard")


@never_cache
@login_required
def skills_audit_form(request):
    if not is_steering_group_member(request):
        return _refuse(
            request,
            "The skills and interests audit is for Steering Group members. If you have just "
            "joined the Steering Group, ask the Partnership team to record your seat.",
        )
    answers = skills_audit.answers_of(request.user)
    if request.method == "POST":
        form = SkillsAuditForm(request.POST)
        if form.is_valid():
            skills_audit.save_answers(request.user, **form.cleaned_data)
            messages.success(request, "Thank you: your skills and interests are saved.")
            return redirect("members_dashboard")
    else:
        initial = (
            {
                "expertise": answers.expertise,
                "themes": answers.themes,
                "training": answers.training,
                "other_training": answers.other_training,
            }
            if answers
            else {}
        )
        form = SkillsAuditForm(initial=initial)
    return render(request, "members/skills_audit_form.html", {"form": form, "answers": answers})


@csrf_exempt
@never_cache
def unsubscribe(request, token: str):
    """The unsubscribe link of every alert (RFC 8058). A POST, from the mail program's
    one-click button or from the confirmation page, stops the alerts: the signed token is the
    credential, so it needs no sign-in and no CSRF token (this view does nothing else). A GET
    only shows the confirmation page: link scanners follow GETs."""
    member = alerts.member_for_token(token)
    if member is None:
        return _no_store(render(request, "members/unsubscribe_invalid.html", status=400))
    if request.method == "POST":
        alerts.unsubscribe(member)
        return _no_store(render(request, "members/unsubscribed.html", {"member": member}))
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    return _no_store(
        render(
            request,
            "members/unsubscribe.html",
            {"member": member, "is_stopped": member.status != Member.Status.ACTIVE},
        )
    )
