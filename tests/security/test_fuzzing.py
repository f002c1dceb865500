"""A few hundred hostile values sent to every public GET view's parameters (issue 12): no
answer is a server error, and nothing sent comes back as markup. The suite runs it on
PostgreSQL; test_fuzzing_on_sqlite.py runs this file again on SQLite, in its own process."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from tests.security.markup import injected_markup

pytestmark = pytest.mark.django_db

SCRIPT = '"><script>alert(1)</script>'
HANDLER = "x onfocus=alert(1) autofocus y"

HOSTILE_VALUES = [
    "", " ", "a\x00b", "\x00", "%00", "\x00" * 50, '"', "'", '""', '"priorities', "'; --",
    "' OR 1=1 --", '" OR ""="', "\\", "\\x00", "`", "%", "%%", "_", "*", "**", "a*", "(", ")",
    "()", "[", "]", "{}", "<", ">", "&", "&amp;", "&#0;", SCRIPT, HANDLER, "javascript:alert(1)",
    "AND", "OR", "NOT", "NEAR(a b)", "a AND", "-a", "+a", "a -", "^", "~", ":", "a:b", "col:x",
    "\r\n", "a\r\nSet-Cookie: x=1", "\t", "\x1b[31m", "\x7f", "\u200b", "\u202e", "\ufeff",
    "\ufffd", "é", "ß", "ǅ", "👩‍👩‍👧", "😀" * 100, "中文搜索", "مرحبا", "a\u0301" * 50,
    "x" * 201, "x" * 5000, "priority " * 300, "-1", "0", "-0", "00", "1", "2", "9" * 30,
    "-9999999999", "1e309", "1.5", "NaN", "inf", "-inf", "0x10", "1_000", "２００９", "٣",
    "2009", "1899", "2201", "99999", "steering-group", "../../etc/passwd", "/", "//evil.example",
    "http://evil.example/", "%2e%2e%2f", "null", "None", "undefined", "true", "[]", "{}",
    "a" * 100 + "\x00",
]  # fmt: skip

# Each public GET view and the parameters it reads (and one it does not).
PARAMETERS = {
    "/": ["page", "unknown"],
    "/papers/": ["q", "year", "body", "status", "kind", "page"],
    "/search/": ["query", "page"],
    "/meetings/": ["body", "page"],
    "/papers/feed/": ["page"],
    "/meetings/calendar.ics": ["body"],
    "/steering-group/": ["page"],
    "/steering-group/2009-05-13/kcp-review/": ["q"],
    "/accounts/login/": ["next"],
}


# The search boxes get every value; the other parameters (numbers, choices, slugs, where
# the code drops what makes no sense) one of each kind, so the run stays quick.
SEARCHES = {("/papers/", "q"), ("/search/", "query")}
ONE_OF_EACH_KIND = [
    "a\x00b", '"', "' OR 1=1 --", SCRIPT, HANDLER, "\r\nX: y", "😀" * 100, "x" * 5000,
    "-1", "9" * 30, "1e309", "２００９", "../../etc/passwd", "//evil.example",
]  # fmt: skip


def hostile_requests():
    for path, names in PARAMETERS.items():
        for name in names:
            values = HOSTILE_VALUES if (path, name) in SEARCHES else ONE_OF_EACH_KIND
            for value in values:
                yield path, [(name, value)]
            yield path, [(name, "a"), (name, SCRIPT)]  # repeated: a list, last one wins
            yield path, [(f"{name}[]", SCRIPT), (f"{name}[0]", "1")]


@pytest.fixture
def public_site(paper_archive, meetings_index, report, theme_groups):
    return report


def test_no_hostile_parameter_gets_a_server_error_or_comes_back_as_markup(public_site):
    client = Client(raise_request_exception=False)
    failures, sent = [], 0
    for path, params in hostile_requests():
        sent += 1
        response = client.get(f"{path}?{urlencode(params)}")
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {path} {params!r}")
            continue
        if response.get("Content-Type", "").startswith("text/html") and response.content:
            html = response.content.decode("utf-8", errors="replace")
            if SCRIPT in html or injected_markup(html):
                failures.append(f"reflected {path} {params!r}: {injected_markup(html)}")
    assert sent > 400
    assert not failures, f"{len(failures)} of {sent} requests failed:\n" + "\n".join(failures)


@pytest.mark.parametrize(
    "path",
    [
        "/papers/feed/%00/",
        "/papers/feed/" + "x" * 300 + "/",
        "/meetings/calendar/%22.ics",
        "/meetings/calendar/" + "x" * 300 + ".ics",
        "/steering-group/2009-05-13.ics",
        "/documents/99999999999999999999/x.pdf",
        "/documents/1/%00.pdf",
        "/%00/",
        "/steering-group/%F0%9F%98%80/",
    ],
)
def test_hostile_paths_get_a_page_not_a_server_error(public_site, path):
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code < 500
