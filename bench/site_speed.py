"""How fast the site is with a realistic archive: `.venv/bin/python bench/site_speed.py`.

Starts a throwaway PostgreSQL server (unix socket only), fills it once with --papers papers
(10,000 by default) and keeps a dump in bench/.cache/ to reuse, then prints in one run:

- median and p95 render time (Django test client, in process, page cache off) of a paper page,
  the archive and a paper search;
- requests per second of a paper page and of the archive served by gunicorn with production
  settings on loopback, divided by requests per second of a static file from the same server,
  cold (page cache off) and with the page cache;
- the size of a paper page's HTML plus its CSS.

Targets (issue 6): ratio at least 10% uncached and 50% cached; search p95 under 150 ms at
10,000 papers; a paper page's HTML + CSS under 50 KB. Not a test: figures vary by machine.
"""

import argparse
import datetime
import multiprocessing
import os
import random
import re
import shutil
import socket
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
PAPERS_PER_MEETING = 5
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
GROUP_NAMES = [
    ("Steering Group", "steering-group", "steering_group"),
    ("Health and Well-Being Partnership", "health-and-well-being", "theme_group"),
    ("Community Safety Programme Board", "community-safety", "sub_partnership"),
    ("Learning, Work and Business theme group", "learning-work-and-business", "theme_group"),
    ("Voluntary Organisations Forum", "voluntary-organisations-forum", "theme_group"),
    ("Agenda Planning sub-group", "agenda-planning", "steering_group_sub_group"),
]
HTTPS = {"X-Forwarded-Proto": "https"}

sys.path.insert(0, str(REPO))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_tool(name: str, *args: str, socket_dir: str) -> None:
    subprocess.run(
        [name, "-h", socket_dir, "-U", "postgres", *args], check=True, capture_output=True
    )


def site_env(socket_dir: str, static_root: str, cache_seconds: int) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PG", "KCP_"))},
        "DJANGO_SETTINGS_MODULE": "kcp_site.settings.production",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "DATABASE_URL": f"postgres://postgres@{socket_dir.replace('/', '%2F')}/{DATABASE}",
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


# --- Content -----------------------------------------------------------------------------------


def corpus_sentences() -> list[str]:
    text = " ".join(
        path.read_text() for path in sorted((REPO / "papers" / "seed_papers").glob("*.txt"))
    )
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text)]
    return [s for s in sentences if 40 <= len(s) <= 400] or ["The Partnership met."]


def generate(papers: int, out) -> None:
    """Groups, meetings from 2004 onwards and `papers` reports and minutes (no revisions: the
    pages are saved live directly, which is quicker and renders the same)."""
    from django.db import transaction
    from wagtail.models import Page

    from home.models import HomePage
    from papers.models import (
        AgendaItem,
        MeetingIndexPage,
        MeetingPage,
        MinutesPage,
        PaperArchivePage,
        ReportPage,
    )
    from themegroups.models import GroupPage

    rng = random.Random(6)
    sentences = corpus_sentences()
    home = HomePage.objects.get()
    groups = []
    for title, slug, kind in GROUP_NAMES:
        group = GroupPage(
            title=title, slug=slug, kind=kind, purpose=f"{title}.", show_in_menus=True
        )
        home.add_child(instance=group)
        groups.append(group)
    home.add_child(instance=PaperArchivePage(title="Papers", slug="papers", show_in_menus=True))
    home.add_child(
        instance=MeetingIndexPage(
            title="Meetings",
            slug="meetings",
            show_in_menus=True,
            forward_programme_group=groups[0],
        )
    )
    meetings = max(1, papers // PAPERS_PER_MEETING)
    first = datetime.datetime(2004, 4, 1, 18, 30, tzinfo=datetime.UTC)
    span = (datetime.datetime(2027, 3, 1, tzinfo=datetime.UTC) - first).days
    made = 0
    started = time.monotonic()
    for number in range(meetings):
        group = groups[number % len(groups)]
        start = first + datetime.timedelta(days=span * number // meetings)
        with transaction.atomic():
            meeting = MeetingPage(
                title=f"{group.title} meeting, {start:%-d %B %Y}",
                slug=f"{start:%Y-%m-%d}-{number}",
                start=start,
                end=start + datetime.timedelta(hours=2),
                status="held" if start.year < 2026 else "scheduled",
                venue_name=rng.choice(["The Town Hall", "Kensington and Chelsea Social Council"]),
                venue_address="Hornton Street\nLondon W8 7NX",
                is_away_from_town_hall=rng.random() < 0.5,
                group_name=group.title,
                agenda_items=[AgendaItem(title=rng.choice(sentences)[:200]) for _ in range(5)],
            )
            group.add_child(instance=meeting)
            for position in range(PAPERS_PER_MEETING):
                if made >= papers:
                    break
                meeting.add_child(
                    instance=_paper(
                        rng, sentences, meeting, group, position, ReportPage, MinutesPage
                    )
                )
                made += 1
        if number % 100 == 0:
            out(f"  {made} of {papers} papers ({time.monotonic() - started:.0f} s)")
    Page.fix_tree()


def _paper(rng, sentences, meeting, group, position, report_class, minutes_class):
    published = meeting.start - datetime.timedelta(days=7)
    common = {
        "slug": f"paper-{position}",
        "meeting_date": meeting.start.date(),
        "group_name": group.title,
        "first_published_at": published,
        "last_published_at": published,
    }
    if position == PAPERS_PER_MEETING - 1:
        return minutes_class(
            title=f"Minutes of the {meeting.title}",
            minutes_status="unconfirmed",
            attendees="Chairman\nKCP Manager",
            minutes=[
                {
                    "type": "minute",
                    "value": {
                        "number": str(n),
                        "heading": rng.choice(sentences)[:60],
                        "text": " ".join(rng.sample(sentences, 3)),
                    },
                }
                for n in range(1, 7)
            ],
            **common,
        )
    body = []
    for section in range(1, 5):
        content = [
            {
                "type": "paragraph",
                "value": {"number": f"{section}.{n}", "text": " ".join(rng.sample(sentences, 2))},
            }
            for n in range(1, 5)
        ]
        body.append(
            {
                "type": "section",
                "value": {
                    "number": str(section),
                    "heading": rng.choice(sentences)[:60],
                    "content": content,
                },
            }
        )
    return report_class(
        title=rng.choice(sentences)[:120].rstrip(".") + f" ({position + 1})",
        purpose="This paper outlines " + rng.choice(sentences)[:300],
        status=rng.choice(["for_information", "for_decision", "for_noting", "for_approval"]),
        author="Report of the KCP Manager",
        contact_name="Partnership team",
        body=body,
        **common,
    )


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


def _hammer(args) -> int:
    import http.client

    port, urls, seconds = args
    done = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", urls[done % len(urls)], headers=HTTPS)
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status == 200:
            done += 1
    return done


def requests_per_second(port: int, urls: list[str], seconds: float, clients: int) -> float:
    with multiprocessing.Pool(clients) as pool:
        counts = pool.map(_hammer, [(port, urls, seconds)] * clients)
    return sum(counts) / seconds


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="per throughput figure")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--clients", type=int, default=4, help="load-generating processes")
    parser.add_argument("--repeat", type=int, default=200, help="requests per render figure")
    args = parser.parse_args()

    from tests.throwaway_postgres import ThrowawayPostgres

    server = ThrowawayPostgres()
    socket_dir = server.start()
    static_root = tempfile.mkdtemp(prefix="kcp-bench-static-")
    gunicorn = None
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        dump = CACHE_DIR / f"site-{args.papers}-papers.dump"
        env = site_env(socket_dir, static_root, cache_seconds=0)
        postgres_tool("createdb", DATABASE, socket_dir=socket_dir)
        manage(env, "collectstatic", "--no-input", "-v0")
        if dump.exists():
            print(f"Restoring {args.papers} papers from {dump.relative_to(REPO)}")
            postgres_tool(
                "pg_restore", "-d", DATABASE, "--no-owner", str(dump), socket_dir=socket_dir
            )
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
        print(f"\nRender time in process, page cache off ({args.repeat} requests each):")
        for name, urls in (
            ("paper page", paper_urls),
            ("archive", archive_urls),
            ("search", search_urls),
        ):
            median, p95 = timings_ms(client, urls, args.repeat)
            print(f"  {name:<11} median {median:6.1f} ms   p95 {p95:6.1f} ms")

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
        static_url = (
            re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', html).group(1).decode()
        )

        print(
            f"\nRequests per second, gunicorn ({args.workers} workers, production settings), "
            f"{args.clients} client processes, {args.seconds:.0f} s each, on {os.cpu_count()} CPUs:"
        )
        load_paper_urls = paper_urls[:20]
        for label, seconds_cached in (("cold (no page cache)", 0), ("with the page cache", 300)):
            gunicorn, port = serve(site_env(socket_dir, static_root, seconds_cached), args.workers)
            # Each worker keeps its own page cache: warm every worker (several passes, as
            # gunicorn hands requests to whichever worker is free) when the cache is on.
            for _ in range(3 * args.workers if seconds_cached else 1):
                for url in load_paper_urls + archive_urls:
                    urllib.request.urlopen(
                        urllib.request.Request(f"http://127.0.0.1:{port}{url}", headers=HTTPS)
                    ).read()
            static = requests_per_second(port, [static_url], args.seconds, args.clients)
            paper = requests_per_second(port, load_paper_urls, args.seconds, args.clients)
            archive = requests_per_second(port, archive_urls, args.seconds, args.clients)
            print(
                f"  {label:<21} static {static:7.0f}/s   paper {paper:6.0f}/s "
                f"({100 * paper / static:4.1f}% of static)   archive {archive:6.0f}/s "
                f"({100 * archive / static:4.1f}% of static)"
            )
            gunicorn.terminate()
            gunicorn.wait(timeout=20)
            gunicorn = None
    finally:
        if gunicorn is not None:
            gunicorn.kill()
        server.stop()
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
