"""Agenda packs and single papers as tagged PDFs: each paper is rendered with its own page
template (paper_page.html takes its frame from `paper_frame`), so the PDF shows what the web
page shows, with the print styles; WeasyPrint then makes one PDF/UA-1 pass.

WeasyPrint 70 writes the structure tree (tags) and the PDF/UA identification for
pdf_variant="pdf/ua-1" but validates nothing: tests read the tree back with pikepdf."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Page

from papers.exceptions import PdfUnavailable
from papers.models import MeetingPage

from .contents import PackItem

PDF_VARIANT = "pdf/ua-1"
STYLESHEETS = ("css/site.css", "css/papers.css", "css/print.css", "css/packs-print.css")
# A paper enclosed in a postal letter: without the online response panel, and for a
# large-print member every text 16 pt or more.
ENCLOSURE_STYLESHEET = "css/packs-enclosure.css"
LARGE_PRINT_STYLESHEET = "css/packs-large-print.css"
IN_PACK_FRAME = "packs/paper_in_pack.html"
OWN_DOCUMENT_FRAME = "packs/paper_document.html"

PANGO_MISSING = (
    "PDFs cannot be made on this server: WeasyPrint needs the Pango text library "
    "(Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation)."
)


def _weasyprint():
    try:
        # Imported here, not at the top: WeasyPrint loads Pango (a system library) on import,
        # and the site must run without it.
        import weasyprint
    except (ImportError, OSError) as error:
        raise PdfUnavailable(PANGO_MISSING) from error
    return weasyprint


def reader_request(page: Page) -> HttpRequest:
    """A request as an anonymous reader of the page's site would make it, for rendering in
    the background where there is no request."""
    site = page.get_site()
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = page.url_path
    request.META = {"SERVER_NAME": site.hostname, "SERVER_PORT": str(site.port)}
    request.user = AnonymousUser()
    request._wagtail_site = site  # what Site.find_for_request would answer
    return request


def paper_html(paper: Page, request: HttpRequest, frame: str) -> str:
    context = paper.get_context(request)
    context["paper_frame"] = frame
    return render_to_string(paper.get_template(request), context, request=request)


def _stylesheets(weasyprint, extra: tuple[str, ...] = ()) -> list:
    return [weasyprint.CSS(filename=finders.find(path)) for path in (*STYLESHEETS, *extra)]


def write_pdf(html: str, *, extra_stylesheets: tuple[str, ...] = ()) -> bytes:
    weasyprint = _weasyprint()
    return weasyprint.HTML(string=html).write_pdf(
        stylesheets=_stylesheets(weasyprint, extra_stylesheets), pdf_variant=PDF_VARIANT
    )


def paper_pdf(paper: Page, request: HttpRequest) -> bytes:
    return write_pdf(paper_html(paper, request, OWN_DOCUMENT_FRAME))


def print_copy_pdf(paper: Page, *, is_large_print: bool = False) -> bytes:
    """The paper as a print copy for an envelope: the same document as its own PDF (its
    paragraph numbers, tables, statuses and contact), in large print when asked."""
    return write_pdf(
        paper_html(paper, reader_request(paper), OWN_DOCUMENT_FRAME),
        extra_stylesheets=(ENCLOSURE_STYLESHEET, LARGE_PRINT_STYLESHEET)
        if is_large_print
        else (ENCLOSURE_STYLESHEET,),
    )


def pack_html(meeting: MeetingPage, items: list[PackItem]) -> str:
    request = reader_request(meeting)
    sections = [
        (item, paper_html(item.paper, request, IN_PACK_FRAME))
        for item in items
        if item.paper is not None
    ]
    return render_to_string(
        "packs/pack.html",
        {"meeting": meeting, "items": items, "sections": sections},
        request=request,
    )


def pack_pdf(meeting: MeetingPage, items: list[PackItem]) -> bytes:
    return write_pdf(pack_html(meeting, items))
