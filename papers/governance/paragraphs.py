"""The numbered paragraphs of a published page, read from its live content (the page's own
row: a draft revision never changes it, so a renumbered draft breaks no link)."""

from wagtail.fields import StreamField
from wagtail.models import Page

from .exceptions import UnknownParagraph


def _numbers_in(data, found: set[str]) -> None:
    if isinstance(data, list):
        for item in data:
            _numbers_in(item, found)
    elif isinstance(data, dict):
        number = data.get("number")
        if isinstance(number, str) and number.strip():
            found.add(number.strip())
        for value in data.values():
            if isinstance(value, list | dict):
                _numbers_in(value, found)


def numbers_of(page: Page) -> set[str]:
    """Every paragraph, section and minute number in the page's stream fields."""
    specific = page.specific
    found: set[str] = set()
    for field in specific._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(specific, field.name)
            if value:
                _numbers_in(list(value.stream_block.get_prep_value(value)), found)
    return found


def _labelled_in(data, found: dict[str, str]) -> None:
    if isinstance(data, list):
        for item in data:
            _labelled_in(item, found)
    elif isinstance(data, dict):
        number = data.get("number")
        if isinstance(number, str) and number.strip() and number.strip() not in found:
            words = data.get("heading") or data.get("text") or ""
            found[number.strip()] = " ".join(str(words).split())[:70]
        for value in data.values():
            if isinstance(value, list | dict):
                _labelled_in(value, found)


def numbered_paragraphs(page: Page) -> list[tuple[str, str]]:
    """(number, its heading or first words) of each numbered paragraph, in page order: the
    choices an officer picks a minute from."""
    specific = page.specific
    found: dict[str, str] = {}
    for field in specific._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(specific, field.name)
            if value:
                _labelled_in(list(value.stream_block.get_prep_value(value)), found)
    return list(found.items())


def check_number(page: Page, number: str) -> None:
    if number not in numbers_of(page):
        raise UnknownParagraph(
            f"{page.title} has no paragraph numbered {number}: check the number printed in "
            "it, or leave the paragraph blank."
        )
