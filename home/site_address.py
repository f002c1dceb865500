"""The site's public address: every absolute link built outside a request comes from here.

`WAGTAILADMIN_BASE_URL` is the one setting (`make run` sets it from `PORT`, production from
the environment). Wagtail's default Site record is kept in step with it after every migrate,
so `page.get_full_url()` and the sitemap agree with the emails and letters.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site


def base_url() -> str:
    """The site's address without a trailing slash, e.g. `http://127.0.0.1:8000`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (as `reverse()` gives it) on the site's public address."""
    return base_url() + path


def page_url(page: Page) -> str:
    """A page's public address, from the setting rather than the request or Site record."""
    parts = page.get_url_parts()
    return absolute_url(parts[2]) if parts else ""


def sync_default_site(**kwargs) -> None:
    """Point the default Wagtail Site at WAGTAILADMIN_BASE_URL's host and port."""
    address = urlsplit(base_url())
    if not address.hostname:
        return
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (address.hostname, port):
        return
    site.hostname, site.port = address.hostname, port
    site.save(update_fields=["hostname", "port"])
