"""The members' area's front page at /members/: every panel the apps add, for anyone signed in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from home.extension_points import DASHBOARD_PANELS, panels


@never_cache
@login_required
def dashboard(request):
    """The signed-in person's dashboard: whatever panels the site's features give them."""
    rendered = [panel.render(request) for panel in panels(DASHBOARD_PANELS, request)]
    return render(request, "members/dashboard.html", {"panels": rendered})
