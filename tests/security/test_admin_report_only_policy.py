"""The admin's scripts without 'unsafe-inline' (issue 29). Wagtail 8 still writes inline
scripts in a few widgets, so the strict policy runs report-only beside the enforced one, and
the widgets that need the exception are exactly the ones the settings and README name."""

import re
from pathlib import Path

import pytest
from django.apps import apps

from home.security import policy_of

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r'<script(\s+type="text/javascript")?>')
REPORT_ONLY = "Content-Security-Policy-Report-Only"
# What needs 'unsafe-inline' for scripts, as kcp_site/settings/base.py and the README say.
TEMPLATES_WITH_INLINE_SCRIPT = {
    "wagtailadmin/panels/inline_panel.html",
    "wagtailadmin/panels/multiple_chooser_panel.html",
    "wagtailadmin/widgets/date_input.html",
    "wagtailadmin/widgets/time_input.html",
    "wagtailadmin/widgets/datetime_input.html",
}


def directives(header: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in header.split(";"))}


def test_admin_screens_report_inline_scripts_without_blocking_them(officer_browser, report):
    response = officer_browser.get(f"/admin/pages/{report.pk}/edit/")
    assert response.status_code == 200
    strict = directives(response[REPORT_ONLY])
    assert strict["script-src"] == ["'self'"]
    assert strict["report-uri"] == ["/csp-report/"]
    assert "'unsafe-inline'" in directives(policy_of(response))["script-src"]


def test_public_pages_carry_no_report_only_policy(client, report):
    response = client.get(report.url)
    assert REPORT_ONLY not in response
    assert directives(policy_of(response))["script-src"] == ["'self'"]


def test_the_widgets_named_as_needing_inline_script_are_all_wagtails_that_do():
    """Of the installed Wagtail apps. On a Wagtail upgrade this says which exceptions went
    (or came): when the set is empty, enforce the strict policy."""
    installed = [
        Path(app.path) / "templates"
        for app in apps.get_app_configs()
        if app.name.startswith("wagtail")
    ]
    found = {
        str(path.relative_to(folder))
        for folder in installed
        for path in folder.rglob("*.html")
        if INLINE_SCRIPT.search(path.read_text(errors="ignore"))
    }
    assert found == TEMPLATES_WITH_INLINE_SCRIPT
