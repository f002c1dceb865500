"""Outreach's public pages: a campaign's short code (/j/<code>), which carries the code into
the join form, and the one-click unsubscribe of its emails (a POST, from the mail program or
the page's button, unsubscribes; a GET only asks)."""

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from home.http_caching import kept_private
from members.partnership.views import JOIN_CODE_SESSION_KEY

from .campaigns import channel_for_code
from .exceptions import UnknownCode
from .sending import contact_for_token, unsubscribe


@never_cache
def follow_code(request, code: str):
    """The code goes into the visitor's session and on to the join form, where it is shown
    and can be changed; a code nobody issued says so and still offers the form."""
    try:
        channel = channel_for_code(code)
    except UnknownCode as error:
        return kept_private(
            render(request, "outreach/unknown_code.html", {"message": error.message}, status=404)
        )
    request.session[JOIN_CODE_SESSION_KEY] = channel.code
    return redirect("members_join")


@csrf_exempt
@never_cache
def unsubscribe_view(request, token: str):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    contact = contact_for_token(token)
    if request.method == "POST":
        if contact is not None:
            unsubscribe(contact)
        # Said the same whether or not the entry was still there: the outcome is the same.
        return kept_private(render(request, "outreach/unsubscribed.html"))
    return kept_private(
        render(request, "outreach/unsubscribe.html", {"is_known": contact is not None})
    )
