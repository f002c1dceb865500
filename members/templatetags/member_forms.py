"""Form helpers for the members' pages: where an error summary's link should land."""

from django import template

register = template.Library()

GROUPED_WIDGETS = {"radioselect", "checkboxselectmultiple"}


@register.filter
def is_grouped(field) -> bool:
    """Radios and checkbox lists are a fieldset with a legend, not one labelled input."""
    return field.widget_type in GROUPED_WIDGETS


@register.filter
def field_anchor(field) -> str:
    """The id of the input an error summary links to: a group's first option."""
    if field.widget_type in GROUPED_WIDGETS:
        return f"{field.auto_id}_0"
    return field.id_for_label


@register.filter
def join_if_list(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value) or "(none)"
    return str(value)
