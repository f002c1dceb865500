"""Posting progress on an action: its owner (matched by a verified email address) or anyone
who may record the meeting's actions. Progress is public at once (see README.md)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from . import services
from .exceptions import GovernanceError
from .forms import ProgressForm
from .models import Action

ERROR_FIELDS = {"reason_required": "reason", "empty_update": "note", "unknown_status": "status"}


@login_required
def post_progress(request, action_id: int):
    action = get_object_or_404(Action.objects.select_related("meeting", "owner"), pk=action_id)
    if not (
        services.is_owner(request.user, action)
        or services.may_record_for(request.user, action.meeting)
    ):
        return render(request, "403.html", status=403)
    form = ProgressForm(request.POST or None, initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_progress(
                by=request.user,
                action=action,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                reason=form.cleaned_data["reason"],
            )
        except GovernanceError as error:
            form.add_error(ERROR_FIELDS.get(error.code), error.message)
        else:
            messages.success(request, "Your progress has been saved and is shown on the tracker.")
            return redirect("members_dashboard")
    history = action.updates.select_related("by").order_by("-created_at", "-pk")
    return render(
        request,
        "governance/post_progress.html",
        {"action": action, "form": form, "history": history},
    )
