"""Template filters for writing sentences around values: a time such as "6.30 p.m." already
ends with a full stop, so a sentence that ends with it must not add a second one."""

from django import template

register = template.Library()


@register.filter
def end_sentence(value) -> str:
    """The value with a full stop after it, unless it already ends with one ("6.30 p.m.")."""
    text = str(value)
    return text if text.endswith(".") else f"{text}."
