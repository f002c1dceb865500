"""Benchmark: median and p95 time to import each seed paper into its page (read, parse, map,
save the revision, publish), on SQLite in a throwaway folder.

Run with `.venv/bin/python bench/import_paper_pages.py [runs]`. It migrates a fresh SQLite
database in a temporary KCP_VAR_DIR, adds the Steering Group, then imports each paper
`runs` times: the first run creates the page (and its meeting), the others add revisions,
as re-importing a corrected paper does. Both are timed; bench/import_paper.py times parsing
alone.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_RUNS = 20


def setup_django(folder: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "kcp_site.settings.dev"
    os.environ["KCP_VAR_DIR"] = folder
    os.environ.pop("DATABASE_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, stdout=io.StringIO())


def steering_group():
    from home.models import HomePage
    from themegroups.models import GroupPage

    group = GroupPage(title="Steering Group", slug="steering-group", purpose="Leads.")
    HomePage.objects.get().add_child(instance=group)
    group.save_revision().publish()
    return group


def timings(path: Path, group, runs: int) -> tuple[float, list[float]]:
    from papers.services import import_paper

    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        import_paper(path, body=group, publish=True)
        seconds.append(time.perf_counter() - started)
    return seconds[0], sorted(seconds[1:])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RUNS
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        from papers.seed_papers import SEED_PAPERS_DIR

        group = steering_group()
        sys.stdout.write(f"{'paper':50} {'first ms':>9} {'median ms':>10} {'p95 ms':>8}\n")
        for path in sorted(SEED_PAPERS_DIR.glob("*.txt")):
            first, again = timings(path, group, runs)
            median = statistics.median(again) * 1000
            p95 = again[min(len(again) - 1, int(0.95 * len(again)))] * 1000
            sys.stdout.write(f"{path.name:50} {first * 1000:9.1f} {median:10.1f} {p95:8.1f}\n")
    sys.stdout.write(
        f"(first = creating the page and its meeting; median and p95 over {runs - 1} "
        "re-imports, each a new published revision; SQLite)\n"
    )


if __name__ == "__main__":
    main()
