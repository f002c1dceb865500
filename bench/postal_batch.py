"""A postal batch for 2,000 postal members: `.venv/bin/python bench/postal_batch.py`.

Starts a throwaway PostgreSQL server (unix socket only), migrates it, publishes papers of
three theme groups, the last of them an open consultation with questions (six postings, each
recorded as publishing does), adds --members postal members with one to three interests each
(a tenth in large print, a third taking the full papers in their envelopes), then times, as
the officer and the worker would run them:
  1. building the batch (`build_batch`: matching, rendering and saving every letter);
  2. making its PDF (`make_pdf`, the background task's body: each distinct letter body and
     each enclosed paper rendered once per print size, the members' details stamped on with
     pikepdf, saved).
Prints letters, enclosed papers, pages, sheets, the PDF's size and both times (wall and CPU)
against the 60 s target of worker time. --first-letter-png PATH also writes the first
letter's first page as a PNG (pdftoppm); --figure PATH writes a letter that encloses a paper
beside that paper's first page and the reply form (rasterised with pypdfium2).
Not a test: figures vary by machine.
"""

import argparse
import datetime
import io
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DATABASE = "kcp_bench_postal"
TARGET_SECONDS = 60

sys.path.insert(0, str(REPO))
# The site's modules are imported inside the functions below: Django is set up in main(),
# against the throwaway server, before any of them may load.

GROUPS = [
    ("Health and Well-Being Partnership", "health", "Improves health."),
    ("Community Safety Programme Board", "community-safety", "Reduces crime."),
    ("Children and Young People's Partnership", "children", "Gives children the best start."),
]
# Two papers for each group, in the order of GROUPS.
PAPER_TITLES = [
    "Health inequalities in the north of the borough",
    "Winter pressures on GP surgeries",
    "Anti-social behaviour on the Golborne estates",
    "The annual community safety strategy",
    "Youth clubs after the funding review",
    "School readiness across the wards",
]
STREETS = ["Quenby Mews", "Elgin Crescent", "Talbot Road", "Lancaster Road", "Portobello Road"]


def postgres_tool(name: str, *args: str, socket_dir: str) -> None:
    subprocess.run(
        [name, "-h", socket_dir, "-U", "postgres", *args], check=True, capture_output=True
    )


def site_env(socket_dir: str, media_root: str) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PG", "KCP_"))},
        "DJANGO_SETTINGS_MODULE": "kcp_site.settings.production",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "KCP_OUTREACH_SUPPRESSION_KEY": "bench-only-" + "o" * 50,
        "DATABASE_URL": f"postgres://postgres@{socket_dir.replace('/', '%2F')}/{DATABASE}",
        "MEDIA_ROOT": media_root,
        "LOG_LEVEL": "WARNING",
    }


def worker_cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the PDF's render processes):
    unlike the clock, it does not grow when other work shares the machine."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_postings() -> int:
    from django.utils import timezone

    from home.models import HomePage
    from members.models import Posting
    from papers.models import MeetingPage, ReportPage
    from tests.fixtures.papers import make_consultation
    from themegroups.models import GroupIndexPage, GroupPage

    home = HomePage.objects.get()
    index = publish(home, GroupIndexPage(title="Theme groups", slug="theme-groups"))
    start = timezone.now() + datetime.timedelta(days=30)
    titles = iter(PAPER_TITLES)
    for title, slug, purpose in GROUPS:
        group = publish(
            index,
            GroupPage(title=title, slug=slug, kind=GroupPage.Kind.THEME_GROUP, purpose=purpose),
        )
        meeting = publish(
            group,
            MeetingPage(title=f"{title}, next meeting", start=start, venue_name="The Town Hall"),
        )
        for _ in range(2):
            title = next(titles)
            if title == PAPER_TITLES[-1]:
                # The sixth posting is an open consultation: its letters bring a reply form.
                make_consultation(group, title=title)
                continue
            publish(
                meeting,
                ReportPage(
                    title=title,
                    purpose="What the paper sets out, in two sentences of plain words for "
                    "members who read it on paper. It has figures for every ward.",
                ),
            )
    return Posting.objects.count()


def make_officer():
    from django.contrib.auth.models import Group
    from wagtail.models import Site

    from home.models import PartnershipSettings
    from home.roles import PARTNERSHIP_OFFICERS
    from members.models import User

    officer = User.objects.create_user(email="officer@kcp.example", password="x" * 16)
    officer.groups.add(Group.objects.get(name=PARTNERSHIP_OFFICERS))
    partnership = PartnershipSettings.for_site(Site.objects.get(is_default_site=True))
    partnership.address = "The Town Hall\nHornton Street\nLondon\nW8 7NX"
    partnership.phone = "020 7361 3671"
    partnership.save()
    return officer


def make_members(count: int) -> None:
    from django.utils import timezone

    from home.models import Interest
    from members.models import Member

    rng = random.Random(17)
    interests = list(Interest.objects.filter(group_page__isnull=False))
    members = Member.objects.bulk_create(
        [
            Member(
                name=f"Postal Member {n:04}",
                kind=Member.Kind.RESIDENT,
                route=Member.Route.POST,
                status=Member.Status.ACTIVE,
                postal_address=f"{n % 90 + 1} {rng.choice(STREETS)}\nLondon",
                postcode=f"W{rng.randint(8, 11)} {rng.randint(1, 9)}ZQ",
                is_large_print=n % 10 == 0,
                papers_by_post=(
                    Member.PapersByPost.INTERESTED if n % 3 == 0 else Member.PapersByPost.SUMMARIES
                ),
                verified_at=timezone.now(),
            )
            for n in range(count)
        ]
    )
    Member.interests.through.objects.bulk_create(
        [
            Member.interests.through(member_id=member.pk, interest_id=interest.pk)
            for member in members
            for interest in rng.sample(interests, rng.randint(1, len(interests)))
        ]
    )


def write_figure(batch, path: Path) -> None:
    """A letter that encloses papers, the first enclosed paper's first page, and the reply
    form, side by side: rasterised from the batch's own PDF with pypdfium2."""
    import pypdfium2
    from PIL import Image

    letters = list(batch.letters.order_by("position"))
    first_page = 0
    for letter in letters:
        if letter.enclosures and "Reply form:" in letter.html and not letter.is_large_print:
            break
        first_page += letter.page_count
    document = pypdfium2.PdfDocument(batch.pdf.path)
    texts = [
        document[number].get_textpage().get_text_range()
        for number in range(first_page, first_page + letter.page_count)
    ]
    title = letter.enclosures[0]["title"]
    paper = next(n for n, text in enumerate(texts) if n and title in text[:300])
    form = next(n for n, text in enumerate(texts) if text.lstrip().startswith("Reply form:"))
    images = [
        document[first_page + number].render(scale=60 / 72).to_pil() for number in (0, paper, form)
    ]
    width = sum(image.width for image in images) + 20 * (len(images) - 1)
    figure = Image.new("RGB", (width, max(image.height for image in images)), "#b1b4b6")
    left = 0
    for image in images:
        figure.paste(image, (left, 0))
        left += image.width + 20
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.save(path)
    print(f"figure: {path} (letter {letter.position}, “{title}”, its reply form)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--first-letter-png", type=Path)
    parser.add_argument("--figure", type=Path)
    parser.add_argument(
        "--compare-merge",
        action="store_true",
        help="also stamp the same rendered letters with pypdf and with pikepdf, and time each",
    )
    parser.add_argument(
        "--compare-whole",
        action="store_true",
        help="also lay out every letter whole, as before overlays, and time it",
    )
    args = parser.parse_args()

    from tests.throwaway_postgres import ThrowawayPostgres

    media_root = tempfile.mkdtemp(prefix="kcp-bench-media-")
    server = ThrowawayPostgres()
    socket_dir = server.start()
    try:
        env = site_env(socket_dir, media_root)
        postgres_tool("createdb", DATABASE, socket_dir=socket_dir)
        migrated = subprocess.run(
            [PYTHON, "manage.py", "migrate", "--no-input"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
        )
        if migrated.returncode:
            raise RuntimeError(migrated.stderr[-2000:])
        os.environ.update(env)
        import django

        django.setup()
        from django.conf import settings
        from django.db import connections
        from pypdf import PdfReader

        from members.postal.batches import build_batch
        from members.postal.letters import envelope_window, letters_document
        from members.postal.overlay import merge_with_pikepdf, merge_with_pypdf
        from members.postal.pdf import make_pdf, render_all, render_parts, request_pdf

        posting_count = make_postings()
        officer = make_officer()
        make_members(args.members)

        started, cpu = time.perf_counter(), worker_cpu_seconds()
        batch = build_batch(officer)
        built, built_cpu = time.perf_counter() - started, worker_cpu_seconds() - cpu
        letters = batch.letters.count()

        request_pdf(officer, batch)  # as the officer's button does (the task is queued)
        started, cpu = time.perf_counter(), worker_cpu_seconds()
        state = make_pdf(batch.pk)
        rendered, rendered_cpu = time.perf_counter() - started, worker_cpu_seconds() - cpu
        batch.refresh_from_db()
        pages = len(PdfReader(batch.pdf.path).pages)
        size = os.path.getsize(batch.pdf.path)
        enclosing = [
            len(enclosures)
            for enclosures in batch.letters.values_list("enclosures", flat=True)
            if enclosures
        ]
        sheets = sum(batch.letters.values_list("sheet_count", flat=True))

        print(f"{args.members} postal members, {posting_count} postings")
        print(f"batch: {letters} letters built in {built:.1f} s (CPU {built_cpu:.1f} s)")
        print(
            f"enclosures: {len(enclosing)} letters enclose {sum(enclosing)} papers "
            f"({len(enclosing) / letters:.0%} of letters); {sheets} sheets"
        )
        print(
            f"PDF ({state}): {pages} pages, {size / 1e6:.1f} MB, made in {rendered:.1f} s "
            f"(CPU {rendered_cpu:.1f} s in {settings.KCP_POSTAL_PDF_PROCESSES} processes, "
            f"chunks of {settings.KCP_POSTAL_PDF_CHUNK_SIZE})"
        )
        total = built + rendered
        verdict = "within" if total < TARGET_SECONDS else "OVER"
        print(
            f"worker time, batch and PDF: {total:.1f} s ({verdict} the {TARGET_SECONDS} s target)"
        )
        print(
            f"CPU per letter: {(built_cpu + rendered_cpu) / letters * 1000:.0f} ms; load "
            f"average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        if args.compare_merge:
            htmls = list(batch.letters.order_by("position").values_list("html", flat=True))
            parts = render_parts(
                htmls,
                envelope_window(batch.envelope),
                chunk_size=settings.KCP_POSTAL_PDF_CHUNK_SIZE,
                processes=settings.KCP_POSTAL_PDF_PROCESSES,
            )
            print(f"distinct letter bodies: {len(parts.bodies)} for {len(parts.keys)} letters")
            for name, merge in (("pikepdf", merge_with_pikepdf), ("pypdf", merge_with_pypdf)):
                started, cpu = time.perf_counter(), worker_cpu_seconds()
                merged = merge(parts, title="Postal letters")
                print(
                    f"stamping with {name}: {time.perf_counter() - started:.1f} s "
                    f"(CPU {worker_cpu_seconds() - cpu:.1f} s), {len(merged) / 1e6:.1f} MB"
                )
        if args.compare_whole:
            htmls = list(batch.letters.order_by("position").values_list("html", flat=True))
            chunk = settings.KCP_POSTAL_PDF_CHUNK_SIZE
            envelope = envelope_window(batch.envelope)
            started, cpu = time.perf_counter(), worker_cpu_seconds()
            documents = [
                letters_document(htmls[start : start + chunk], title="Letters", envelope=envelope)
                for start in range(0, len(htmls), chunk)
            ]
            whole = render_all(documents, settings.KCP_POSTAL_PDF_PROCESSES)
            print(
                f"laid out whole, as before: {time.perf_counter() - started:.1f} s "
                f"(CPU {worker_cpu_seconds() - cpu:.1f} s), "
                f"{sum(len(PdfReader(io.BytesIO(pdf)).pages) for pdf in whole)} pages"
            )
        if args.figure:
            write_figure(batch, args.figure)
        if args.first_letter_png:
            stem = args.first_letter_png.with_suffix("")
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                 batch.pdf.path, str(stem)],
                check=True,
            )  # fmt: skip
            print(f"first letter: {stem}.png")
        connections.close_all()
    finally:
        server.stop()
        shutil.rmtree(media_root, ignore_errors=True)


if __name__ == "__main__":
    main()
