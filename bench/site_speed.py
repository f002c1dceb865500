"""How fast the site is with a realistic archive: `.venv/bin/python bench/site_speed.py`.

One run measures the site on both databases:

- PostgreSQL (production): a throwaway server (unix socket only), filled once with --papers
  papers (10,000 by default; bench/paper_builder.py) and kept as a dump in bench/.cache/ to
  reuse (pg_restore instead of building again);
- SQLite (`make run`): a temporary file filled with --sqlite-papers papers, kept in
  bench/.cache/ too.

and prints:

- median and p95 render time (Django test client, in process, page cache off) of a paper
  page, the archive and a paper search, on PostgreSQL; then each benchmark word's search p95
  with every match ranked (before) and with bounded ranking (after, home/search_backend.py);
- requests per second (Debian's `wrk`) of the home page, a paper page, the archive and search
  served by gunicorn with production settings on loopback, as a percentage of the requests
  per second of a static file from the same server in the same run: cold (page cache off)
  and with the page cache (its hits), on each database, next to the figures recorded before;
- the size of a paper page's HTML plus its CSS, and the machine's load average (the figures
  are only as steady as the machine is quiet).

Targets (issues 21 and 29): uncached pages at least 10% of the static rate, page-cache hits at least
50%; search p95 under 150 ms at 10,000 papers; a paper page's HTML + CSS under 50 KB.
Not a test: figures vary by machine.
"""

import argparse
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE_DIR = REPO / "bench" / ".cache"
PYTHON = sys.executable
DATABASE = "kcp_bench"
SEARCH_WORDS = [
    "priority",
    "community safety",
    "housing",
    "equalities",
    "health inequalities",
    "carnival",
    "regeneration",
    "neighbourhood renewal",
    "voluntary sector",
    "indicators",
]
HTTPS = {"X-Forwarded-Proto": "https"}
BEFORE = (
    "before, issue 29, cold on PostgreSQL at 10,000 papers, load from Python processes: "
    "home 3.9-5.0%, paper 4.0-6.6%, archive 1.1-2.2%; search p95 272-286 ms"
)

sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from paper_builder import generate  # noqa: E402  (bench/ is not a package)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_tool(name: str, *args: str, socket_dir: str) -> None:
    subprocess.run(
        [name, "-h", socket_dir, "-U", "postgres", *args], check=True, capture_output=True
    )


def postgres_url(socket_dir: str) -> str:
    return f"postgres://postgres@{socket_dir.replace('/', '%2F')}/{DATABASE}"


def site_env(database_url: str, static_root: str, cache_seconds: int) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PG", "KCP_"))},
        "DJANGO_SETTINGS_MODULE": "kcp_site.settings.production",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "KCP_OUTREACH_SUPPRESSION_KEY": "bench-only-" + "o" * 50,
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,testserver,localhost",
        "STATIC_ROOT": static_root,
        "KCP_PAGE_CACHE_SECONDS": str(cache_seconds),
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str) -> None:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")


# --- Measuring ---------------------------------------------------------------------------------


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def timings_ms(client, urls: list[str], repeat: int) -> tuple[float, float]:
    samples = []
    for n in range(repeat):
        url = urls[n % len(urls)]
        started = time.perf_counter()
        response = client.get(url, headers=HTTPS)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


# wrk (Debian `wrk`) asks for each address in turn: a different paper, archive page or word
# on every request, as readers would.
ROTATING_PATHS_LUA = """
local paths = {%s}
local next_path = 0
request = function()
  next_path = next_path %% #paths + 1
  return wrk.format("GET", paths[next_path])
end
"""


def requests_per_second(port: int, urls: list[str], seconds: float, connections: int) -> float:
    wrk_binary = shutil.which("wrk")
    if wrk_binary is None:
        raise SystemExit("wrk is needed: apt-get install -y wrk")
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(ROTATING_PATHS_LUA % ", ".join(f'"{url}"' for url in urls))
        script.flush()
        output = subprocess.run(
            [wrk_binary, "-t2", f"-c{connections}", f"-d{seconds:.0f}s", "-s", script.name]
            + [f"-H{name}: {value}" for name, value in HTTPS.items()]
            + [f"http://127.0.0.1:{port}/"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"Some answers were not 200:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def search_p95s(client, words: list[str], repeat: int) -> dict[str, float]:
    """p95 render time of each word's search as Wagtail does it (the planner's choice of scan,
    every match scored: before) and as home/search_backend.py does (after)."""
    # Imported here: Django is set up in main(), after this module is imported.
    from home import search_backend

    bounded = search_backend.RANKED_CANDIDATES
    figures = {}
    for label, candidates, from_index in (("before", None, False), ("after", bounded, True)):
        search_backend.RANKED_CANDIDATES = candidates
        search_backend.MATCHES_FROM_THE_INDEX = from_index
        for word in words:
            url = f"/papers/?q={urllib.request.quote(word)}"
            figures[label, word] = timings_ms(client, [url], repeat)[1]
    search_backend.RANKED_CANDIDATES = bounded
    search_backend.MATCHES_FROM_THE_INDEX = True
    return figures


def serve(env: dict, workers: int):
    port = free_port()
    process = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "kcp_site.wsgi:application",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers),
            "--forwarded-allow-ips", "*",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2)
            return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"gunicorn did not start: {process.stderr.read()[-2000:]!r}")


def fill_sqlite(path: Path, papers: int) -> None:
    """Run in a child process (Django is set up once per process, for one database)."""
    env = site_env(f"sqlite:///{path}", tempfile.gettempdir(), cache_seconds=0)
    manage(env, "migrate", "--no-input")
    result = subprocess.run(
        [PYTHON, __file__, "--fill-sqlite", str(path), "--sqlite-papers", str(papers)],
        cwd=REPO,
        env=env,
        text=True,
    )
    if result.returncode:
        raise RuntimeError("filling the SQLite database failed")


def _fill_sqlite_here(papers: int) -> None:
    import django

    django.setup()
    generate(papers, print)


def get(port: int, url: str) -> bytes:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{url}", headers=HTTPS)
    with urllib.request.urlopen(request) as response:
        return response.read()


def throughput(database: str, database_url: str, static_root: str, urls: dict, args) -> None:
    """Requests per second of each kind of page, as a share of a static file's, through the
    same gunicorn: cold, then every request a page-cache hit."""
    for label, seconds_cached in (("cold (no page cache)", 0), ("page-cache hits", 300)):
        gunicorn, port = serve(site_env(database_url, static_root, seconds_cached), args.workers)
        try:
            html = get(port, urls["paper"][0])
            static_url = (
                re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', html).group(1).decode()
            )
            # Each worker keeps its own page cache: warm every worker (several passes, as
            # gunicorn hands requests to whichever worker is free) when the cache is on.
            for _ in range(3 * args.workers if seconds_cached else 1):
                for url in [u for group in urls.values() for u in group]:
                    get(port, url)
            static = requests_per_second(port, [static_url], args.seconds, args.connections)
            figures = []
            for name in urls:
                rate = requests_per_second(port, urls[name], args.seconds, args.connections)
                figures.append(f"{name} {rate:5.0f}/s = {100 * rate / static:4.1f}%")
            print(f"  {database:<10} {label:<21} static {static:5.0f}/s   " + "   ".join(figures))
        finally:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=60)  # a graceful stop takes a while on a busy machine
            except subprocess.TimeoutExpired:
                gunicorn.kill()
                gunicorn.wait()


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000, help="on PostgreSQL")
    parser.add_argument("--sqlite-papers", type=int, default=1_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="per throughput figure")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections")
    parser.add_argument("--repeat", type=int, default=200, help="requests per render figure")
    parser.add_argument("--fill-sqlite", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill_sqlite:
        _fill_sqlite_here(args.sqlite_papers)
        return

    from tests.throwaway_postgres import ThrowawayPostgres

    print(f"Start: {load_average()}")
    server = ThrowawayPostgres()
    socket_dir = server.start()
    static_root = tempfile.mkdtemp(prefix="kcp-bench-static-")
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        sqlite_path = CACHE_DIR / f"site-{args.sqlite_papers}-papers.sqlite3"
        if not sqlite_path.exists():
            print(f"Generating {args.sqlite_papers} papers on SQLite (once; kept in {sqlite_path})")
            partial = sqlite_path.with_suffix(".partial")
            partial.unlink(missing_ok=True)
            fill_sqlite(partial, args.sqlite_papers)
            partial.rename(sqlite_path)
        # A kept database has the schema it was made with: bring it up to date.
        manage(
            site_env(f"sqlite:///{sqlite_path}", static_root, cache_seconds=0),
            "migrate",
            "--no-input",
        )
        dump = CACHE_DIR / f"site-{args.papers}-papers.dump"
        env = site_env(postgres_url(socket_dir), static_root, cache_seconds=0)
        postgres_tool("createdb", DATABASE, socket_dir=socket_dir)
        manage(env, "collectstatic", "--no-input", "-v0")
        if dump.exists():
            print(f"Restoring {args.papers} papers from {dump.relative_to(REPO)}")
            postgres_tool(
                "pg_restore", "-d", DATABASE, "--no-owner", str(dump), socket_dir=socket_dir
            )
            # The dump keeps the schema it was made with: bring it up to date.
            manage(env, "migrate", "--no-input")
        else:
            print(f"Generating {args.papers} papers (once; kept in {dump.relative_to(REPO)})")
            manage(env, "migrate", "--no-input")
            os.environ.update(env)
            import django

            django.setup()
            generate(args.papers, print)
            from django.db import connections

            connections.close_all()
            postgres_tool("pg_dump", "-Fc", "-f", str(dump), DATABASE, socket_dir=socket_dir)
        # A restored or freshly filled database has no planner statistics yet.
        postgres_tool("vacuumdb", "--analyze", "-d", DATABASE, socket_dir=socket_dir)
        os.environ.update(env)
        import django

        django.setup()
        from django.test import Client
        from wagtail.models import Page

        from papers.models import PAPER_PAGE_MODELS

        rng = random.Random(6)
        paper_urls = [
            page.url for page in Page.objects.live().type(*PAPER_PAGE_MODELS).order_by("?")[:60]
        ]
        archive_urls = (
            ["/papers/"]
            + [f"/papers/?page={rng.randint(2, max(2, args.papers // 20))}" for _ in range(5)]
            + ["/papers/?year=2009&group=steering-group", "/papers/?kind=minutes&year=2015"]
        )
        search_urls = [f"/papers/?q={urllib.request.quote(w)}" for w in SEARCH_WORDS]

        client = Client()
        for url in paper_urls[:3] + archive_urls[:2] + search_urls[:2]:
            client.get(url, headers=HTTPS)
        print(
            f"\nRender time in process on PostgreSQL, {args.papers} papers, page cache off "
            f"({args.repeat} requests each):"
        )
        for name, urls in (
            ("paper page", paper_urls),
            ("archive", archive_urls),
            ("search", search_urls),
        ):
            median, p95 = timings_ms(client, urls, args.repeat)
            print(f"  {name:<11} median {median:6.1f} ms   p95 {p95:6.1f} ms")
        repeat = max(10, args.repeat // 10)
        print(
            f"\nSearch p95 per word ({repeat} requests each; target 150 ms), Wagtail's "
            "own search (before) and home/search_backend.py's (after):"
        )
        p95s = search_p95s(client, SEARCH_WORDS, repeat)
        for word in SEARCH_WORDS:
            print(
                f"  {word:<24} before {p95s['before', word]:6.1f} ms   "
                f"after {p95s['after', word]:6.1f} ms"
            )

        html = client.get(paper_urls[0], headers=HTTPS).content
        css = sum(
            len(body_of(client.get(href.decode(), headers=HTTPS)))
            for href in re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
        )
        print(
            f"\nPaper page size: HTML {len(html) / 1024:.1f} KB + CSS {css / 1024:.1f} KB "
            f"= {(len(html) + css) / 1024:.1f} KB (uncompressed)"
        )
        from django.db import connections

        connections.close_all()

        print(
            f"\nRequests per second, gunicorn ({args.workers} sync workers, production "
            f"settings), wrk with {args.connections} connections, {args.seconds:.0f} s each, "
            f"as % of a static file from the same server:\n  ({BEFORE})"
        )
        postgres_urls = {
            "home": ["/"],
            "paper": paper_urls[:20],
            "archive": archive_urls,
            "search": search_urls,
        }
        throughput("PostgreSQL", postgres_url(socket_dir), static_root, postgres_urls, args)
        sqlite_urls = {"home": ["/"], "paper": _sqlite_paper_urls(sqlite_path)}
        sqlite_urls["archive"] = archive_urls[:1] + [
            f"/papers/?page={rng.randint(2, max(2, args.sqlite_papers // 20))}" for _ in range(5)
        ]
        throughput("SQLite", f"sqlite:///{sqlite_path}", static_root, sqlite_urls, args)
        print(f"\nEnd: {load_average()}")
    finally:
        server.stop()
        shutil.rmtree(static_root, ignore_errors=True)


def _sqlite_paper_urls(path: Path) -> list[str]:
    """Paper addresses from the SQLite file, read without Django (set up for PostgreSQL)."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT p.url_path FROM wagtailcore_page p JOIN django_content_type t "
            "ON p.content_type_id = t.id WHERE t.app_label = 'papers' AND t.model IN "
            "('reportpage', 'minutespage') AND p.live ORDER BY p.path LIMIT 20"
        ).fetchall()
    return ["/" + url_path.split("/", 2)[2] for (url_path,) in rows]


if __name__ == "__main__":
    main()
