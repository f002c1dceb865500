"""Steering Group members' induction actions: marking a module or a pairing done, and answering
the skills and interests audit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.http_caching import kept_private
from home.roles import is_steering_group_member
from members.exceptions import InvalidPairing, NotASteeringGroupMember, UnknownModule
from members.induction import services as induction
from members.induction import shadowing, skills_audit
from members.induction.forms import SkillsAuditForm


def _refuse(request, message: str):
    """A clear 403 for someone signed in who may not do this: never a sign-in loop."""
    return kept_private(render(request, "403.html", {"refusal": message}, status=403))


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
