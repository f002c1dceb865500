"""The Partnership officers' outreach screens: lists and their contacts (import, export,
erase), campaigns (channels and codes, letters and labels, posters and flyers, email), and
the membership figures. Officers only; everyone else gets a 403 and nothing is shown."""

import functools

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.audit import record_access
from home.charts import BarSeries, bar_chart
from home.http_caching import kept_private
from home.roles import is_partnership_officer
from home.spreadsheets import download
from members.exceptions import MembersError

from . import figures, printing, sending
from .audit import Action
from .campaigns import (
    CampaignDetails,
    add_channel,
    audience,
    channel_of,
    create_campaign,
    sign_ups_by_channel,
)
from .contacts import PECR_RULE, erase_contact, import_contacts
from .exceptions import NothingToPrint, OutreachError
from .forms import CampaignForm, ImportForm, ListForm, PosterForm
from .models import Campaign, Channel, Contact, MembershipTally, OutreachList

JOINED_COLOUR, LEFT_COLOUR = "#1d70b8", "#d4351c"


def _officers_only(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_partnership_officer(request.user):
            raise PermissionDenied
        return kept_private(view(request, *args, **kwargs))

    return never_cache(wrapped)


def _base_url(request) -> str:
    return settings.WAGTAILADMIN_BASE_URL or request.build_absolute_uri("/")


@_officers_only
def outreach_home(request):
    list_form = ListForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and list_form.is_valid():
        outreach_list = OutreachList.objects.create(**list_form.cleaned_data)
        messages.success(request, f"The list “{outreach_list.name}” is made: import its entries.")
        return redirect("outreach_list", outreach_list.pk)
    context = {
        "lists": OutreachList.objects.annotate(contact_count=Count("contacts")),
        "campaigns": Campaign.objects.all(),
        "list_form": list_form,
        "pecr_rule": PECR_RULE,
    }
    return render(request, "outreach/home.html", context, status=400 if list_form.errors else 200)


@_officers_only
def list_detail(request, list_id: int):
    outreach_list = get_object_or_404(OutreachList, pk=list_id)
    is_post = request.method == "POST"
    form = ImportForm(request.POST if is_post else None, request.FILES if is_post else None)
    if request.method == "POST" and form.is_valid():
        try:
            result = import_contacts(request.user, outreach_list, form.cleaned_data["file"])
        except OutreachError as error:
            form.add_error("file", error.message)
        else:
            messages.success(
                request,
                f"{result.added} entries added; {result.suppressed} left out because they "
                "asked not to be contacted.",
            )
            return redirect("outreach_list", outreach_list.pk)
    contacts = list(outreach_list.contacts.all())
    record_access(request.user, Action.VIEWED, subject=outreach_list, count=len(contacts))
    context = {
        "outreach_list": outreach_list,
        "contacts": contacts,
        "form": form,
        "pecr_rule": PECR_RULE,
    }
    return render(request, "outreach/list.html", context, status=400 if form.errors else 200)


@_officers_only
def export_list(request, list_id: int):
    outreach_list = get_object_or_404(OutreachList, pk=list_id)
    contacts = list(outreach_list.contacts.all())
    record_access(request.user, Action.EXPORTED, subject=outreach_list, count=len(contacts))
    headings = (
        "Name",
        "Organisation",
        "Kind",
        "Email",
        "Corporate email",
        "Address",
        "Postcode",
        "Source",
        "Lawful basis",
        "Consented to email",
    )
    rows = [
        (
            c.name,
            c.organisation,
            c.get_kind_display(),
            c.email,
            c.is_corporate_email,
            c.postal_address,
            c.postcode,
            c.source,
            c.get_lawful_basis_display(),
            c.has_consented_to_email,
        )
        for c in contacts
    ]
    return download(f"outreach-list-{outreach_list.pk}", headings, rows, request.GET.get("format"))


@_officers_only
@require_POST
def erase(request, contact_id: int):
    contact = get_object_or_404(Contact, pk=contact_id)
    list_id = contact.outreach_list_id
    erase_contact(request.user, contact)
    messages.success(request, "The entry is erased; a coded record keeps it from coming back.")
    return redirect("outreach_list", list_id)


@_officers_only
def new_campaign(request):
    form = CampaignForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = create_campaign(
                request.user,
                CampaignDetails(
                    name=data["name"].strip(),
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    lists=tuple(data["lists"]),
                    kinds=tuple(data["kinds"]),
                    message=data["message"],
                ),
            )
        except OutreachError as error:
            form.add_error(None, error.message)
        else:
            return redirect("outreach_campaign", campaign.pk)
    return render(
        request, "outreach/new_campaign.html", {"form": form}, status=400 if form.errors else 200
    )


@_officers_only
def campaign(request, campaign_id: int):
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    form = PosterForm(request.POST if request.POST.get("action") == "channel" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "channel" and form.is_valid():
            channel = add_channel(
                request.user, campaign, form.cleaned_data["kind"], form.cleaned_data["place"]
            )
            messages.success(request, f"{channel} has the code {channel.code}.")
            return redirect("outreach_campaign", campaign.pk)
        if action == "letters":
            sent = sending.prepare_letters(request.user, campaign)
            messages.success(request, f"{sent.count} new letters are ready to print.")
            return redirect("outreach_campaign", campaign.pk)
        if action == "email":
            sent = sending.send_emails(request.user, campaign)
            messages.success(request, f"{sent.count} emails are on their way.")
            return redirect("outreach_campaign", campaign.pk)
    context = {
        "campaign": campaign,
        "channels": sign_ups_by_channel().filter(campaign=campaign),
        "audience": audience(campaign),
        "form": form,
        "pecr_rule": PECR_RULE,
        "base_url": _base_url(request),
    }
    return render(request, "outreach/campaign.html", context, status=400 if form.errors else 200)


# The printable letters, label sheet, poster and flyer carry their print layout (page size, envelope
# window) in a <style> of our own template: no one's input, never cached, officers only.
PRINT_LAYOUT_STYLES = csp_update({"style-src": [UNSAFE_INLINE]})


@PRINT_LAYOUT_STYLES
@_officers_only
def letters(request, campaign_id: int):
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    channel = channel_of(campaign, Channel.Kind.LETTER)
    document = printing.letters_document(
        campaign,
        channel,
        _base_url(request),
        back_url=reverse("outreach_campaign", args=[campaign.pk]),
    )
    record_access(request.user, Action.PRINTED, subject=campaign)
    return HttpResponse(document)


@_officers_only
def letters_pdf(request, campaign_id: int):
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    channel = channel_of(campaign, Channel.Kind.LETTER)
    try:
        pdf = printing.letters_pdf(campaign, channel, _base_url(request))
    except NothingToPrint as error:
        messages.error(request, error.message)
        return redirect("outreach_campaign", campaign.pk)
    except MembersError as error:  # WeasyPrint's system libraries missing: say so
        return render(request, "outreach/no_pdf.html", {"message": error.message}, status=503)
    record_access(request.user, Action.PRINTED, subject=campaign, details={"format": "pdf"})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="outreach-letters-{campaign.pk}.pdf"'
    return response


@PRINT_LAYOUT_STYLES
@_officers_only
def labels_sheet(request, campaign_id: int):
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    sheets = printing.label_sheets(campaign)
    count = sum(len(sheet) for sheet in sheets)
    record_access(
        request.user, Action.PRINTED, subject=campaign, count=count, details={"format": "sheet"}
    )
    context = {
        "title": f"Address labels: {campaign.name}",
        "sheets": sheets,
        "back_url": reverse("outreach_campaign", args=[campaign.pk]),
        "back_text": "Back to the campaign",
    }
    return render(request, "members/admin/postal/labels.html", context)


@_officers_only
def labels(request, campaign_id: int):
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    rows = printing.labels_rows(campaign)
    record_access(request.user, Action.PRINTED, subject=campaign, count=len(rows))
    return download(f"outreach-labels-{campaign.pk}", printing.LABEL_HEADINGS, rows, "csv")


def _printable(channel_id: int) -> tuple[Channel, str]:
    channel = get_object_or_404(Channel.objects.select_related("campaign"), pk=channel_id)
    if channel.kind not in printing.SIZES:
        raise Http404("Only posters and flyers are printed.")
    return channel, printing.SIZES[channel.kind]


@PRINT_LAYOUT_STYLES
@_officers_only
def poster(request, channel_id: int):
    channel, size = _printable(channel_id)
    return HttpResponse(printing.poster_html(channel, _base_url(request), size=size))


@_officers_only
def poster_pdf(request, channel_id: int):
    channel, size = _printable(channel_id)
    try:
        pdf = printing.poster_pdf(channel, _base_url(request), size=size)
    except MembersError as error:  # WeasyPrint's system libraries missing: say so
        return render(request, "outreach/no_pdf.html", {"message": error.message}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{channel.kind}-{channel.code}.pdf"'
    return response


# --- Figures ----------------------------------------------------------------------------------

DIMENSIONS = {
    "kind": MembershipTally.Dimension.KIND,
    "route": MembershipTally.Dimension.ROUTE,
    "interest": MembershipTally.Dimension.INTEREST,
}


def _month_chart(months):
    labels = [month.month.strftime("%b %Y") for month in months]
    return bar_chart(
        chart_id="by-month",
        title="Members joined and left, by month",
        description="Bars per month: joined in blue, left in red. The table below gives the "
        "same figures.",
        labels=labels,
        series=[
            BarSeries("Joined", tuple(m.joined for m in months), JOINED_COLOUR),
            BarSeries("Left", tuple(m.left for m in months), LEFT_COLOUR),
        ],
    )


def _breakdown_chart(name: str, rows):
    return bar_chart(
        chart_id=f"by-{name}",
        title=f"Members joined and left, by {name}",
        description=f"Bars per {name}: joined in blue, left in red. The table below gives the "
        "same figures.",
        labels=[row.value for row in rows],
        series=[
            BarSeries("Joined", tuple(row.joined for row in rows), JOINED_COLOUR),
            BarSeries("Left", tuple(row.left for row in rows), LEFT_COLOUR),
        ],
    )


@_officers_only
def figures_view(request):
    months = figures.monthly()
    breakdowns = [
        (name, rows, _breakdown_chart(name, rows) if rows else None)
        for name, rows in (
            (name, figures.breakdown(dimension)) for name, dimension in DIMENSIONS.items()
        )
    ]
    context = {
        "months": months,
        "month_chart": _month_chart(months) if months else None,
        "breakdowns": breakdowns,
        "channels": [c for c in sign_ups_by_channel() if c.sign_up_count or c.contacted_count],
    }
    return render(request, "outreach/figures.html", context)


@_officers_only
def figures_csv(request, table: str):
    if table == "months":
        rows = [(m.month.isoformat(), m.joined, m.left, m.net) for m in figures.monthly()]
        return download("membership-by-month", ("Month", "Joined", "Left", "Net"), rows)
    if table == "campaigns":
        rows = [
            (c.campaign.name, str(c), c.code, c.contacted_count, c.sign_up_count)
            for c in sign_ups_by_channel()
        ]
        return download(
            "sign-ups-by-campaign", ("Campaign", "Channel", "Code", "Contacted", "Sign-ups"), rows
        )
    if table in DIMENSIONS:
        rows = [(b.value, b.joined, b.left, b.net) for b in figures.breakdown(DIMENSIONS[table])]
        return download(
            f"membership-by-{table}", (table.capitalize(), "Joined", "Left", "Net"), rows
        )
    raise Http404("No such table.")
