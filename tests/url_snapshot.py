"""Every named URL of the site with a sample path: written once before the members app moved, so a
test can show that every URL that answered before still answers at the same path."""

import json
from pathlib import Path

from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse

SNAPSHOT = Path(__file__).with_name("url_snapshot.json")
SAMPLE_ARGUMENTS = {"int": "7", "str": "sample", "slug": "sample-slug", "path": "a/b", "uuid": ""}


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry


def _sample_path(name: str, pattern: URLPattern) -> str | None:
    converters = getattr(pattern.pattern, "converters", {})
    kwargs = {}
    for key, converter in converters.items():
        kind = type(converter).__name__.replace("Converter", "").lower()
        if kind == "uuid":
            kwargs[key] = "12345678-1234-5678-1234-567812345678"
        else:
            kwargs[key] = SAMPLE_ARGUMENTS.get(kind, "sample")
    try:
        return reverse(name, kwargs=kwargs)
    except Exception:  # noqa: BLE001 - regex routes and admin internals have no simple sample
        return None


def _view_at(path: str | None) -> str | None:
    """The view that answers a sample path (a shadowed route answers with the view before it)."""
    if path is None:
        return None
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def current_urls() -> dict[str, dict[str, str | None]]:
    """Every named URL, ours and the admin's (our viewsets live there), with a sample path each."""
    urls = {}
    for name, route, pattern in _walk(get_resolver()):
        sample = _sample_path(name, pattern)
        urls.setdefault(name, {"route": route, "sample": sample, "answers": _view_at(sample)})
    return dict(sorted(urls.items()))


def write_snapshot() -> None:
    SNAPSHOT.write_text(json.dumps(current_urls(), indent=1) + "\n")
