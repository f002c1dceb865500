"""Navigation built from the page tree: live, public pages marked 'show in menus', and the
breadcrumbs every app's pages show. Menu and footer come from the site chrome
(home.site_chrome), built once per site and cache generation."""

from django import template

from home.site_chrome import chrome_for_request

register = template.Library()


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    request = context.get("request")
    if request is None:
        return {"menu_pages": [], "request": request}
    items = [
        {
            "title": item.title,
            "url": item.url,
            "is_current": bool(item.url) and request.path.startswith(item.url),
        }
        for item in chrome_for_request(request).menu
    ]
    return {"menu_pages": items, "request": request}


@register.simple_tag(takes_context=True)
def site_page_url(context, page_type: str):
    """The URL of the one live page of a type (one of site_chrome.FOOTER_PAGE_TYPES)."""
    request = context.get("request")
    return chrome_for_request(request).footer_urls.get(page_type, "") if request else ""


@register.simple_tag
def breadcrumb_pages(page):
    """The pages above this one, from the home page down (one query)."""
    return page.get_ancestors().filter(depth__gt=1).only("title", "url_path", "path", "depth")
