"""The "start my alerts again" step of the unsubscribe confirmation: the consent statement,
a box to tick, and the alerts back on."""

from django import forms
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home.http_caching import kept_private
from members.alerts import matching as alerts_matching
from members.alerts.resubscribing import resubscribe
from members.partnership import consent


class ConsentAgainForm(forms.Form):
    consent = forms.BooleanField(
        label="I agree to the statement above.",
        error_messages={
            "required": "Tick the box to agree, so that we can send you the news you chose."
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def resubscribe_view(request, token: str):
    member = alerts_matching.member_for_token(token)
    if member is None:
        return kept_private(render(request, "members/unsubscribe_invalid.html", status=400))
    form = ConsentAgainForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        resubscribe(member)
        return kept_private(render(request, "members/resubscribed.html", {"member": member}))
    context = {"member": member, "form": form, "statement": consent.consent_statement()}
    return kept_private(render(request, "members/resubscribe.html", context))
