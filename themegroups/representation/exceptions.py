"""Domain errors of representation."""

from themegroups.exceptions import ThemeGroupError


class RepresentationError(ThemeGroupError):
    code = "representation"


class LinkNotValid(RepresentationError):
    code = "link_not_valid"
