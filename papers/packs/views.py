"""Downloading a meeting's agenda pack and a single paper as PDF, at the page's own address
with a suffix. Both refuse what the visitor may not see: 404 for the public, 403 for someone
signed in (never the login loop), and a stale or unbuilt pack is a 404 with a message."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from wagtail.models import Page, Site

from home.http_caching import kept_private
from papers.exceptions import PdfUnavailable
from papers.models import MeetingPage, PaperPage

from . import rendering, services


def _page_at(request, page_path: str) -> Page:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site answers at this address.")
    page = Page.objects.filter(url_path=f"{site.root_page.url_path}{page_path}/").first()
    if page is None:
        raise Http404("No page has that address.")
    return page.specific


def _refused(request, page) -> HttpResponse | None:
    if services.may_see(page, request):
        return None
    if request.user.is_authenticated:
        return render(request, "403.html", status=403)
    raise Http404("No published page has that address.")


def _private_if_restricted(response, page):
    return kept_private(response) if page.get_view_restrictions() else response


def agenda_pack(request, meeting_path: str):
    meeting = _page_at(request, meeting_path)
    if not isinstance(meeting, MeetingPage):
        raise Http404("That page is not a meeting.")
    refusal = _refused(request, meeting)
    if refusal is not None:
        return refusal
    pack = services.servable_pack(meeting)
    if pack is None:
        raise Http404("The agenda pack is being prepared: try again in a few minutes.")
    response = FileResponse(
        pack.pdf.open("rb"),
        content_type="application/pdf",
        filename=f"{meeting.slug}-agenda-pack.pdf",
    )
    return _private_if_restricted(response, meeting)


def paper_pdf(request, page_path: str):
    paper = _page_at(request, page_path)
    if not isinstance(paper, PaperPage):
        raise Http404("That page is not a paper.")
    refusal = _refused(request, paper)
    if refusal is not None:
        return refusal
    try:
        pdf = rendering.paper_pdf(paper, request)
    except PdfUnavailable as error:
        return render(request, "packs/pdf_unavailable.html", {"message": error.message}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{paper.slug}.pdf"'
    return _private_if_restricted(response, paper)
