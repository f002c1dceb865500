"""The meeting page's agenda pack link, and a paper's PDF address (the page's own address
with a suffix, as the meeting's .ics)."""

from django import template

from papers.packs import contents, services

register = template.Library()


def _suffixed(page, request, suffix: str) -> str:
    url = page.get_url(request) or ""
    return url.rstrip("/") + suffix if url else ""


@register.inclusion_tag("packs/includes/agenda_pack_link.html", takes_context=True)
def agenda_pack_link(context, meeting):
    """Nothing before the agenda is published; then the link, or 'being prepared'."""
    if not contents.has_published_agenda(meeting):
        return {"has_agenda": False}
    return {
        "has_agenda": True,
        "pack": services.servable_pack(meeting),
        "has_failed": services.has_failed(meeting),
        "url": _suffixed(meeting, context.get("request"), "/agenda-pack.pdf"),
    }


@register.simple_tag(takes_context=True)
def paper_pdf_url(context, paper) -> str:
    return _suffixed(paper, context.get("request"), ".pdf")
