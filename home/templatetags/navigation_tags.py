"""Navigation built from the page tree: live, public pages marked 'show in menus', and the
breadcrumbs every app's pages show."""

from django import template
from django.apps import apps
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"menu_pages": [], "request": request}
    root = site.root_page
    menu_pages = root.get_children().live().public().in_menu().only("title", "url_path", "path")
    current_path = request.path
    items = []
    for page in menu_pages:
        url = page.get_url(request)
        items.append(
            {"title": page.title, "url": url, "is_current": current_path.startswith(url or "#")}
        )
    return {"menu_pages": items, "root_url": root.get_url(request), "request": request}


@register.simple_tag(takes_context=True)
def site_page_url(context, page_type: str):
    """The URL of the one live page of a type (e.g. 'home.AccessibilityStatementPage')."""
    request = context.get("request")
    model = apps.get_model(page_type)
    page = model.objects.live().public().first()
    return page.get_url(request) if page else ""


@register.simple_tag
def breadcrumb_pages(page):
    """The pages above this one, from the home page down (one query)."""
    return page.get_ancestors().filter(depth__gt=1).only("title", "url_path", "path", "depth")
