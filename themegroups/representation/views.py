"""The public "express an interest in joining this group" pages: the form, the link's
confirmation, and what happens next. Never cached: they hold a form or a person's details."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from themegroups.models import GroupPage

from . import services
from .exceptions import RepresentationError
from .forms import InterestForm


def _group(page_id: int) -> GroupPage:
    group = GroupPage.objects.live().public().filter(pk=page_id).first()
    if group is None:
        raise Http404("No group has that number.")
    return group


@never_cache
def express_interest(request, page_id: int):
    group = _group(page_id)
    user = request.user if request.user.is_authenticated else None
    form = InterestForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if user is not None:
            interest = services.Interest(
                user.get_full_name() or user.email,
                user.email,
                data["organisation"],
                data["message"],
            )
            services.express_interest(group, interest, user=user)
            return render(request, "representation/interest_sent.html", {"group": group})
        interest = services.Interest(
            data["name"], data["email"], data["organisation"], data["message"]
        )
        services.send_confirmation_link(group, interest)
        return render(
            request,
            "representation/interest_link_sent.html",
            {"group": group, "email": interest.email},
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request, "representation/interest_form.html", {"group": group, "form": form}, status=status
    )


@never_cache
def confirm_interest(request, token: str):
    """GET shows what the link carries and a button; POST makes the request (a link
    checker or mail scanner following the link makes nothing)."""
    try:
        group, interest = services.interest_from_link(token)
    except RepresentationError as error:
        return render(
            request, "representation/link_not_valid.html", {"message": error.message}, status=400
        )
    if request.method == "POST":
        services.confirm_interest(token)
        return render(request, "representation/interest_sent.html", {"group": group})
    return render(
        request, "representation/confirm_interest.html", {"group": group, "interest": interest}
    )
