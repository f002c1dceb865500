"""What a browser would make of a page: every element and attribute, so a test can say that
hostile text stayed text (no `onfocus` attribute, no script element without a source)."""

from html.parser import HTMLParser


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def injected_markup(html: str) -> list[str]:
    """Event-handler attributes, autofocus and inline scripts: none is ever in our templates,
    so any of them is editor text that became markup."""
    found = []
    for tag, attrs in elements(html):
        found += [f"{tag}[{a}]" for a in attrs if a.startswith("on") or a == "autofocus"]
        if tag == "script" and not attrs.get("src") and attrs.get("type") != "application/json":
            found.append("inline script")
    return found
