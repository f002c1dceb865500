"""Lighthouse scores for the site's pages: `make lighthouse` (with `make run` serving).

Runs Lighthouse (from bench/lighthouse/node_modules) with Debian's Chromium, fenced so no
request leaves the machine, over every page in sitemap.xml plus the pages that are not in it
(sign-in, search results, not found), and prints each category's score. Target: 100 in all.

Signed-in pages: `--as EMAIL` signs in as that account (a session made in the site's database,
as `make run` uses it) and `--session-cookie VALUE` takes a session you already have; give
`--path` for the members' or officers' pages, e.g.
`python bench/lighthouse.py --as officer@kcp.example --path /admin/ --path /members/`.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Made by the site's own code, so the cookie is exactly what signing in would give.
MAKE_SESSION = """
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
client = Client()
client.force_login(get_user_model().objects.get(email__iexact={email!r}))
print(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
"""
LIGHTHOUSE = HERE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
EXTRA_PATHS = ["/accounts/login/", "/search/?query=partnership", "/no-such-page/"]
FENCE = [
    "--headless=new",
    "--no-sandbox",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=127.0.0.1;localhost",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def site_paths(base: str, limit: int) -> list[str]:
    with urllib.request.urlopen(base + "/sitemap.xml", timeout=10) as response:
        sitemap = response.read().decode()
    paths = [urlparse(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return (paths + EXTRA_PATHS)[:limit]


def session_of(email: str) -> tuple[str, str]:
    """The session cookie's name and value for a new session of the account `email`."""
    python = REPO / ".venv" / "bin" / "python"
    printed = subprocess.run(
        [str(python), "manage.py", "shell", "-c", MAKE_SESSION.format(email=email)],
        cwd=REPO, capture_output=True, text=True, check=True, timeout=120,
    ).stdout.split()  # fmt: skip
    return printed[-2], printed[-1]


def scores(url: str, cookie: str = "") -> dict[str, int]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=" + " ".join(FENCE),
                "--form-factor=mobile",
                *([f"--extra-headers={json.dumps({'Cookie': cookie})}"] if cookie else []),
            ],
            env={**os.environ, "CHROME_PATH": shutil.which("chromium") or "chromium"},
            check=True,
            timeout=180,
        )
        categories = json.loads(report.read_text())["categories"]
    return {name: round((categories[name]["score"] or 0) * 100) for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument(
        "--path", action="append", help="score only these paths (repeatable), not the sitemap"
    )
    parser.add_argument("--as", dest="email", help="score signed in as this account")
    parser.add_argument("--session-cookie", help="the value of a signed-in session cookie")
    parser.add_argument("--cookie-name", default="sessionid")
    arguments = parser.parse_args()
    cookie = ""
    if arguments.email:
        cookie = "=".join(session_of(arguments.email))
    elif arguments.session_cookie:
        cookie = f"{arguments.cookie_name}={arguments.session_cookie}"
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make lighthouse` (it runs npm ci first).")
    below_target = 0
    print(f"{'page':<60}" + "".join(f"{name:>16}" for name in CATEGORIES))
    for path in arguments.path or site_paths(arguments.base, arguments.limit):
        result = scores(arguments.base + path, cookie)
        below_target += any(score < 100 for score in result.values())
        print(f"{path:<60}" + "".join(f"{result[name]:>16}" for name in CATEGORIES))
    print(f"{below_target} page(s) below 100 in some category.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
