"""Crawl the site as an anonymous visitor and check every page with the Nu HTML checker."""

import json
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

VNU_JAR = (
    Path(__file__).resolve().parents[1] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("a", "link") and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in ("script", "img") and attributes.get("src"):
            self.links.append(attributes["src"])


def crawl(client, start: str = "/", limit: int = 500) -> dict[str, object]:
    """Every internal address reachable from `start`, with its response."""
    seen: dict[str, object] = {}
    queue = [start]
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        collector = LinkCollector()
        collector.feed(response.content.decode())
        for href in collector.links:
            url = urldefrag(urljoin(path, href)).url
            parsed = urlparse(url)
            if parsed.scheme in ("", "http") and parsed.netloc in ("", "testserver"):
                if not parsed.path.startswith(("/admin/", "/accounts/logout")):
                    queue.append(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    return seen


def html_errors(documents: dict[str, str]) -> list[str]:
    """The Nu HTML checker's errors for each document (one Java start for all of them)."""
    java = shutil.which("java")
    if not java:
        raise RuntimeError(
            "Java is needed for the Nu HTML checker: apt-get install -y default-jre-headless"
        )
    if not VNU_JAR.exists():
        raise RuntimeError(f"The Nu HTML checker is not installed at {VNU_JAR}: run `npm ci`.")
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for index, (path, html) in enumerate(documents.items()):
            file = Path(folder) / f"page{index}.html"
            file.write_text(html)
            names[str(file)] = path
        result = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, names)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{names.get(message.get('url', '').removeprefix('file:'), message.get('url'))} "
        f"line {message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
