"""The risk register as Steering Group members and officers read it under /members/risks/:
the register with its heat map and table, a risk with its history, the reviews; and the
officers' "draft a report to the wider KCP" from a review. Never cached, never public."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.http_caching import kept_private
from home.roles import is_partnership_officer

from .exceptions import RisksError
from .forms import DraftReportForm
from .models import RegisterReview, Risk, RiskScore
from .scoring import IMPACT_LABELS, LIKELIHOOD_LABELS, SCORING_RULE, heat_map
from .services import check_may_see_register, draft_report_from_review, next_review_due


def _refuse(request, message: str):
    """A clear 403 for someone signed in who may not see the register: never a sign-in loop."""
    return kept_private(render(request, "403.html", {"refusal": message}, status=403))


def register_view(view):
    """Signed in, never cached, and only for those who may see the register."""

    @never_cache
    @login_required
    def wrapped(request, *args, **kwargs):
        try:
            check_may_see_register(request)
        except RisksError as error:
            return _refuse(request, error.message)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@register_view
def register(request):
    risks = list(Risk.objects.select_related("owner").order_by("is_closed", "-id"))
    risks.sort(key=lambda risk: (risk.is_closed, -risk.score, risk.title))
    open_risks = [risk for risk in risks if not risk.is_closed]
    return render(
        request,
        "risks/register.html",
        {
            "open_risks": open_risks,
            "closed_risks": [risk for risk in risks if risk.is_closed],
            "heat_map": heat_map([(r.likelihood_after, r.impact_after) for r in open_risks]),
            "scoring_rule": SCORING_RULE,
            "next_review_on": next_review_due(),
            "latest_review": RegisterReview.objects.first(),
            "is_officer": is_partnership_officer(request.user),
        },
    )


@register_view
def risk_detail(request, risk_id: int):
    risk = get_object_or_404(
        Risk.objects.select_related("owner").prefetch_related(
            Prefetch("history", queryset=RiskScore.objects.select_related("scored_by"))
        ),
        pk=risk_id,
    )
    return render(
        request,
        "risks/risk.html",
        {
            "risk": risk,
            "likelihood_labels": LIKELIHOOD_LABELS,
            "impact_labels": IMPACT_LABELS,
            "scoring_rule": SCORING_RULE,
            "is_officer": is_partnership_officer(request.user),
        },
    )


@register_view
def reviews(request):
    return render(
        request,
        "risks/reviews.html",
        {"reviews": RegisterReview.objects.prefetch_related("changes__risk")},
    )


@register_view
def review_detail(request, review_id: int, form=None, status=200):
    review = get_object_or_404(RegisterReview, pk=review_id)
    is_officer = is_partnership_officer(request.user)
    return render(
        request,
        "risks/review.html",
        {
            "review": review,
            "changes": review.changes.select_related("risk"),
            "is_officer": is_officer,
            "form": (form or DraftReportForm()) if is_officer else None,
            "report": review.report,
        },
        status=status,
    )


@never_cache
@login_required
@require_POST
def draft_report(request, review_id: int):
    if not is_partnership_officer(request.user):
        return _refuse(request, "Only Partnership officers draft reports from a review.")
    review = get_object_or_404(RegisterReview, pk=review_id)
    form = DraftReportForm(request.POST)
    if not form.is_valid():
        return review_detail(request, review_id, form=form, status=400)
    try:
        report = draft_report_from_review(request.user, review, form.cleaned_data["meeting"])
    except RisksError as error:
        form.add_error(None, error.message)
        return review_detail(request, review_id, form=form, status=400)
    messages.success(
        request, f"The draft “{report.title}” is ready: edit it, then publish it as any paper."
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[report.pk]))
