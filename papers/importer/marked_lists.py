"""Lists whose items are printed with markers ("(a)", "(iv)", "(3)"): each item keeps its
marker, read in the scheme it continues, and the list belongs to the numbered paragraph above
it, whose number qualifies the items' anchors (so two paragraphs can each have an "(a)")."""

from .lines import collapse_space
from .parsed import Bullet, Section
from .schemes import list_item_scheme


def list_parent(section: Section | None) -> str:
    """The number of the paragraph a new list belongs to: the last numbered item of the
    section, unless a list came after it; else the section's own number."""
    if section is None:
        return ""
    numbered = [item.number for item in section.items if item.number]
    if numbered and section.items[-1].kind != "list":
        return numbered[-1]
    return section.number


def marked_item(label: str, text: str, before: list[Bullet]) -> Bullet:
    """'(i)' after '(h)' is the ninth letter; after nothing, or after roman items, roman."""
    previous = before[-1] if before else None
    scheme = list_item_scheme(
        label, (previous.number.strip("()"), previous.scheme) if previous else None
    )
    return Bullet(collapse_space(text), 0, f"({label})", scheme)
