"""What a site serves, to compare two copies of it (a site and its restored backup): run in
the site's own process through `manage.py shell -c`, printing JSON."""

import hashlib
import json
import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Collection

from papers.models import ReportPage

SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Parts of a page that differ on every request.
VOLATILE = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def add_minutes_document() -> None:
    """An uploaded file that a published report uses as an annex (only then is it served),
    so the backup has media to carry."""
    report = ReportPage.objects.live().public().order_by("pk").first()
    document = Document.objects.create(
        title="Minutes, 13 May 2009",
        file=ContentFile(b"Minutes of the Steering Group, 13 May 2009.", name="minutes.txt"),
        collection=Collection.get_first_root_node(),
    )
    report.annexes = [
        {"type": "document", "value": {"reference": "Annex Z", "document": document.pk}}
    ]
    report.save_revision().publish()


def page_urls(client: Client) -> list[str]:
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    urls = [urlsplit(element.text).path for element in sitemap.iter(f"{SITEMAP_NAMESPACE}loc")]
    # What anyone may fetch: documents in a restricted collection (the induction's, for the
    # Steering Group) send an anonymous visitor to sign in. Their files are still in the
    # backup and counted by the restore.
    public_documents = Document.objects.filter(collection__view_restrictions__isnull=True)
    return ["/", *urls, *(document.url for document in public_documents.order_by("pk"))]


def print_snapshot() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    snapshot = {}
    for url in page_urls(client):
        response = client.get(url)
        content = b"".join(response) if response.streaming else response.content
        snapshot[url] = [
            response.status_code,
            hashlib.sha256(VOLATILE.sub(b"", content)).hexdigest(),
        ]
    print(json.dumps(snapshot))  # noqa: T201 - the caller reads this from stdout
