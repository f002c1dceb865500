"""A member's own data: the readable page, the JSON download, and deleting their membership and
account after confirming."""

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from home.http_caching import kept_private
from home.roles import is_partnership_officer
from members.data_rights import readable
from members.data_rights import services as data_rights
from members.partnership.forms import ConfirmForm
from members.partnership.services import membership_of


@login_required
def your_data(request):
    member = membership_of(request.user)
    if member is not None:
        held = data_rights.export_member(member)["held"]
    else:
        held = {
            holder.name: holder.export(request.user)
            for holder in data_rights.personal_data_holders()
        }
    context = {"member": member, "subjects": readable.subjects(held)}
    return kept_private(render(request, "members/your_data.html", context))


@login_required
def download_your_data(request):
    member = membership_of(request.user)
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
    return kept_private(response)


@login_required
def delete_your_data(request):
    member = membership_of(request.user)
    if is_partnership_officer(request.user) or request.user.is_staff:
        return kept_private(render(request, "members/delete_refused.html", status=403))
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
    return kept_private(render(request, "members/delete.html", {"member": member, "form": form}))


def deleted(request):
    return render(request, "members/deleted.html")
