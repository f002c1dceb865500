"""Admin menu items for Partnership officers' screens, which every app adds to the admin."""

from wagtail.admin.menu import MenuItem

from .roles import is_partnership_officer


class OfficersMenuItem(MenuItem):
    """Shown to Partnership officers only; the screen behind it refuses everyone else too."""

    def is_shown(self, request):
        return is_partnership_officer(request.user)
