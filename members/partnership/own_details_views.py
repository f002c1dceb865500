"""The "your details" page: a signed-in person changes their name and, if their news comes by
post, their address. The email address has its own page (allauth's, which confirms it)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from home.http_caching import kept_private
from members.models import Member
from members.partnership.forms import _no_markup
from members.partnership.own_details import NAME_MAX, OwnDetails, change_own_details

ADDRESS_MAX = 500
POSTCODE_MAX = 10


class OwnDetailsForm(forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=NAME_MAX,
        error_messages={
            "required": "Enter your name.",
            "max_length": f"Enter your name in {NAME_MAX} characters or fewer.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    postal_address = forms.CharField(
        label="Postal address",
        help_text="Street and town, each on its own line. Your letters go here.",
        max_length=ADDRESS_MAX,
        error_messages={
            "required": "Enter the address your letters should go to.",
            "max_length": f"Enter the address in {ADDRESS_MAX} characters or fewer.",
        },
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    postcode = forms.CharField(
        label="Postcode",
        max_length=POSTCODE_MAX,
        error_messages={
            "required": "Enter your postcode.",
            "max_length": f"Enter a postcode in {POSTCODE_MAX} characters or fewer.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )

    def __init__(self, *args, is_postal: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_postal:
            del self.fields["postal_address"]
            del self.fields["postcode"]

    def clean_name(self):
        return _no_markup(self.cleaned_data["name"], "Your name")

    def clean_postcode(self):
        return " ".join(self.cleaned_data["postcode"].upper().split())

    def own_details(self) -> OwnDetails:
        return OwnDetails(
            name=self.cleaned_data["name"],
            postal_address=self.cleaned_data.get("postal_address", "").strip(),
            postcode=self.cleaned_data.get("postcode", ""),
        )


@login_required
def your_details(request):
    user = request.user
    member = Member.objects.filter(user=user).first()
    is_postal = member is not None and member.is_postal
    initial = {
        "name": member.name if member else user.get_full_name(),
        "postal_address": member.postal_address if member else "",
        "postcode": member.postcode if member else "",
    }
    form = OwnDetailsForm(
        request.POST if request.method == "POST" else None, initial=initial, is_postal=is_postal
    )
    if request.method == "POST" and form.is_valid():
        changed = change_own_details(user, form.own_details())
        messages.success(request, "Your details are saved." if changed else "Nothing had changed.")
        return redirect("members_your_details")
    context = {"form": form, "member": member, "is_postal": is_postal}
    return kept_private(render(request, "members/your_details.html", context))
