"""Stopping alerts from the link in an alert, RFC 8058 one-click: a POST stops them without
signing in; a GET only asks."""

from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from home.http_caching import kept_private
from members.alerts import matching as alerts_matching
from members.alerts import services as alerts
from members.models import Member


@csrf_exempt
@never_cache
def unsubscribe(request, token: str):
    """The unsubscribe link of every alert (RFC 8058). A POST, from the mail program's
    one-click button or from the confirmation page, stops the alerts: the signed token is the
    credential, so it needs no sign-in and no CSRF token (this view does nothing else). A GET
    only shows the confirmation page: link scanners follow GETs."""
    member = alerts_matching.member_for_token(token)
    if member is None:
        return kept_private(render(request, "members/unsubscribe_invalid.html", status=400))
    if request.method == "POST":
        alerts.unsubscribe(member)
        context = {"member": member, "token": token}
        return kept_private(render(request, "members/unsubscribed.html", context))
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    return kept_private(
        render(
            request,
            "members/unsubscribe.html",
            {
                "member": member,
                "token": token,
                "is_stopped": member.status != Member.Status.ACTIVE,
            },
        )
    )
