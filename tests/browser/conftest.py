"""Browser tests: Playwright drives Debian's Chromium against a live server, fenced so that
nothing leaves this machine."""

import os
import shutil

import pytest

from tests.browser.signing_in import sign_in_with_two_factor

INSTALL_HINT = (
    "Chromium is needed for the browser tests. Install it with: apt-get install -y chromium"
)

# Chromium tries to reach Google hosts on start; a dead proxy and resolver rules send every
# request but loopback nowhere, so a page that loads anything from another host fails loudly.
FENCE_ARGS = [
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=127.0.0.1;localhost",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    "--gaia-url=http://127.0.0.1:9/",
    "--component-updater=url-source=http://127.0.0.1:9/",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-domain-reliability",
    "--disable-sync",
    "--no-first-run",
    "--no-pings",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        raise RuntimeError(INSTALL_HINT)
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        "args": [*browser_type_launch_args.get("args", []), *FENCE_ARGS],
    }


def pytest_collection_modifyitems(items):
    """Every browser test talks to a live server in another thread, so its data must be
    committed; serialized rollback restores the migrated content (home page, roles) each time."""
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(autouse=True)
def uploads_in_tmp(media_in_tmp):
    """Every browser test keeps its uploads in its own folder."""


@pytest.fixture
def site_url(live_server):
    return live_server.url


@pytest.fixture(autouse=True)
def fresh_cache(transactional_db):
    """The database cache (rate limits, used two-factor codes) is not flushed between
    transactional tests: start each browser test with an empty one."""
    from django.core.cache import cache

    cache.clear()


CSP_REPORT = "Content Security Policy"
# The admin's report-only policy without 'unsafe-inline' (issue 29) logs what Wagtail's inline
# scripts would break: findings for the report endpoint, not refusals a person would meet.
REPORT_ONLY = "The policy is report-only"


@pytest.fixture(autouse=True)
def no_content_security_policy_violations(browser):
    """Every page any browser test opens, public or admin, in any context it makes: the
    Content-Security-Policy refuses nothing. Chromium reports each refusal as a console
    error naming the policy, in the page or any frame of it (the admin's preview)."""
    violations: list[str] = []
    open_context = browser.new_context

    def new_context(*args, **kwargs):
        context = open_context(*args, **kwargs)
        context.on(
            "console",
            lambda message: (
                violations.append(f"{message.page and message.page.url}: {message.text}")
                if CSP_REPORT in message.text and REPORT_ONLY not in message.text
                else None
            ),
        )
        return context

    browser.new_context = new_context
    yield violations
    browser.new_context = open_context
    assert not violations, "Content-Security-Policy refused:\n" + "\n".join(violations)


@pytest.fixture
def officer_page(page, site_url, officer):
    """The browser, signed in as a Partnership officer with two-factor set up."""
    sign_in_with_two_factor(page, site_url, officer)
    return page
