"""A Steering Group member raises a membership issue (from the dashboard's panel)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from home.http_caching import kept_private
from home.roles import is_steering_group_member

from . import services
from .forms import MembershipIssueForm


@never_cache
@login_required
def raise_issue(request):
    if not is_steering_group_member(request):
        response = render(
            request,
            "403.html",
            {
                "refusal": "Membership issues are raised by Steering Group members. Anyone else "
                "may write to the Partnership team."
            },
            status=403,
        )
        return kept_private(response)
    form = MembershipIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.raise_issue(request.user, **form.cleaned_data)
        messages.success(request, "Your membership issue is with the Partnership team.")
        return redirect("members_dashboard")
    status = 400 if request.method == "POST" else 200
    return render(request, "membership_issues/raise.html", {"form": form}, status=status)
