"""Benchmark: the time to import each paper of the importer's test corpus end to end into a
page (read the file, parse, map, create the page and its meeting, publish, render the page),
on SQLite in a throwaway folder. Target: every paper under 1 s on this machine.

Run with `.venv/bin/python bench/import_corpus.py`. It migrates a fresh SQLite database in a
temporary KCP_VAR_DIR, adds the Steering Group, writes the corpus (tests/papers/corpus: the
seed papers in every layout variation and the hand-written papers) to files, adds issue 28's
structured papers (text, Word and PDF versions, minutes and agendas), then imports and renders
each once, as an officer importing a new paper does. Prints one line per paper, the mean and
the slowest; exits 1 if any paper took 1 s or more.
"""

import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_SECONDS = 1.0


def setup_django(folder: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "kcp_site.settings.dev"
    os.environ["KCP_VAR_DIR"] = folder
    os.environ.pop("DATABASE_URL", None)
    # Django is set up here, after the environment names the throwaway database.
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, stdout=io.StringIO())


def add_group(title: str, slug: str):
    # Models can be imported only once Django is set up (setup_django, above).
    from home.models import HomePage
    from themegroups.models import GroupPage

    group = GroupPage(title=title, slug=slug, purpose="Leads.")
    HomePage.objects.get().add_child(instance=group)
    group.save_revision().publish()
    return group


def structured_papers() -> list[Path]:
    """Issue 28's papers (tests/papers/corpus/structured) in every version, PDFs included;
    the agenda last, so it links the papers imported before it."""
    folder = Path(__file__).resolve().parents[1] / "tests" / "papers" / "corpus" / "structured"
    papers = [
        path
        for path in sorted(folder.iterdir())
        if path.suffix in (".txt", ".md", ".docx", ".pdf") and path.stem != "scanned-paper"
    ]
    return sorted(papers, key=lambda path: "agenda" in path.name)


def parse_only(path: Path) -> float:
    """Reading, parsing and mapping alone: the importer's share of the end-to-end time."""
    # Imported after Django is set up (setup_django, above).
    from papers.importer import parse_paper, read_paper_text
    from papers.importer.pages import page_values

    started = time.perf_counter()
    text = read_paper_text(path)
    page_values(parse_paper(text, source=path.name), text=text)
    return time.perf_counter() - started


def cpu_seconds() -> float:
    """CPU time of this process, of its finished children and of the PDF worker with the
    children it forked for each PDF: unlike the wall clock, it does not grow when other work
    shares the machine."""
    # Imported after Django is set up (setup_django, above).
    from papers.importer.pdf import WORKER_PROCESS

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        time.process_time() + children.ru_utime + children.ru_stime + WORKER_PROCESS.cpu_seconds()
    )


def import_and_render(path: Path, group, client) -> float:
    # Imported after Django is set up (setup_django, above).
    from papers.services import import_paper

    started = time.perf_counter()
    result = import_paper(path, group=group, publish=True)
    response = client.get(result.page.url)
    seconds = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{path.name}: the page answered {response.status_code}")
    return seconds


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        # Imported after Django is set up (setup_django, above).
        from django.test import Client

        from tests.papers.corpus.variations import write_corpus

        client = Client(SERVER_NAME="localhost")
        paths = write_corpus(Path(folder) / "corpus") + structured_papers()
        # The first import in a process also loads templates and fills Django's caches: timed
        # apart, into a group of its own, so each paper's figure is what an officer waits.
        warm_up = import_and_render(paths[0], add_group("Warm-up", "warm-up"), client)
        group = add_group("Steering Group", "steering-group")
        sys.stdout.write(f"(warm-up: first import in the process {warm_up * 1000:.0f} ms)\n")
        sys.stdout.write(f"{'paper':78} {'parse ms':>8} {'end to end ms':>13} {'cpu ms':>7}\n")
        timings, cpu_timings = [], []
        for path in paths:
            parsing = parse_only(path)
            cpu_before = cpu_seconds()
            seconds = import_and_render(path, group, client)
            cpu = cpu_seconds() - cpu_before
            timings.append((seconds, path.name))
            cpu_timings.append((cpu, path.name))
            sys.stdout.write(
                f"{path.name:78} {parsing * 1000:8.1f} {seconds * 1000:13.1f} {cpu * 1000:7.0f}\n"
            )
    slowest, name = max(timings)
    total = sum(seconds for seconds, _ in timings)
    sys.stdout.write(
        f"{len(timings)} papers, {total:.1f} s in all, mean {total / len(timings) * 1000:.0f} ms; "
        f"slowest {slowest * 1000:.0f} ms ({name}); target under {TARGET_SECONDS * 1000:.0f} ms "
        "each (import, publish and render, SQLite)\n"
    )
    slowest_cpu, cpu_name = max(cpu_timings)
    mean_cpu = sum(seconds for seconds, _ in cpu_timings) / len(cpu_timings)
    sys.stdout.write(
        f"CPU time (what the wall clock would read on an idle machine): mean {mean_cpu * 1000:.0f}"
        f" ms; slowest {slowest_cpu * 1000:.0f} ms ({cpu_name}); load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n"
    )
    if slowest >= TARGET_SECONDS:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
