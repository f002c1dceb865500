"""What lower layers let higher ones add: dashboard panels and holders of personal data.
Each is a Wagtail hook named here and filled from above (members, themegroups), the way
pretix's plugins register personal data with its "shredder"."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from wagtail import hooks

# A function taking the request and returning a DashboardPanel, or None when the panel has
# nothing for this person.
DASHBOARD_PANELS_HOOK = "kcp_dashboard_panels"
# A function taking nothing and returning a PersonalDataHolder.
PERSONAL_DATA_HOOK = "kcp_personal_data"


@dataclass(frozen=True)
class DashboardPanel:
    """One panel of the members' dashboard: a heading and a template rendered with
    `context`. Panels are shown by `order`, lowest first."""

    heading: str
    template_name: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100
    slug: str = ""


def dashboard_panels(request) -> list[DashboardPanel]:
    panels = (make_panel(request) for make_panel in hooks.get_hooks(DASHBOARD_PANELS_HOOK))
    return sorted((panel for panel in panels if panel is not None), key=lambda p: p.order)


@dataclass(frozen=True)
class PersonalDataHolder:
    """Personal data one feature keeps: `export(user)` gives it as plain data (for a subject
    access request), `erase(user)` removes it."""

    name: str
    models: tuple[type, ...]
    export: Callable[[Any], Iterable[dict] | dict]
    erase: Callable[[Any], None]


def personal_data_holders() -> list[PersonalDataHolder]:
    return [make_holder() for make_holder in hooks.get_hooks(PERSONAL_DATA_HOOK)]
