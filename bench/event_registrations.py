"""Registrations per second on PostgreSQL: `.venv/bin/python bench/event_registrations.py`.

Starts a throwaway PostgreSQL server (unix socket only), migrates it, makes one event, then
20 client processes (each with its own database connection), released together, register
--per-client people each through `register_for_event`, the service the form calls. The event
has places for three quarters of them, so the last quarter contend for the last places and go
to the waiting list. Prints registrations per second over the whole run, the median and p95
time of one registration, and checks that no place was given twice. Each registration's
email is queued in the outbox as on the site (no worker runs, so nothing is sent). Not a
test: figures vary by machine.
"""

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DATABASE = "kcp_bench_events"

sys.path.insert(0, str(REPO))
# The site's modules are imported inside the functions below: Django is set up in main(),
# against the throwaway server, before any of them may load.


def postgres_tool(name: str, *args: str, socket_dir: str) -> None:
    subprocess.run(
        [name, "-h", socket_dir, "-U", "postgres", *args], check=True, capture_output=True
    )


def site_env(socket_dir: str) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PG", "KCP_"))},
        "DJANGO_SETTINGS_MODULE": "kcp_site.settings.production",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "KCP_OUTREACH_SUPPRESSION_KEY": "bench-only-" + "o" * 50,
        "DATABASE_URL": f"postgres://postgres@{socket_dir.replace('/', '%2F')}/{DATABASE}",
        "LOG_LEVEL": "WARNING",
    }


def make_event(places: int) -> int:
    import datetime

    from django.utils import timezone

    from home.models import HomePage
    from members.events.models import Audience, EventIndexPage, EventPage, EventPlaces

    home = HomePage.objects.get()
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    start = timezone.now() + datetime.timedelta(days=30)
    event = EventPage(
        title="Annual Partnership Event",
        slug="annual-partnership-event",
        start=start,
        end=start + datetime.timedelta(hours=6),
        venue_name="Kensington Town Hall",
        purpose="<p>Benchmark.</p>",
        audience=Audience.PUBLIC,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    EventPlaces.objects.filter(event=event).update(capacity=places)
    return event.pk


def client(args) -> list[float]:
    """One client process: wait for the others, then register `count` people one by one."""
    number, count, event_id, barrier = args
    from django.db import connection

    from members.events.models import EventPage
    from members.events.services import Applicant, register_for_event

    event = EventPage.objects.get(pk=event_id)
    timings = []
    barrier.wait()
    try:
        for n in range(count):
            person = Applicant(name=f"Client {number} person {n}", email=f"c{number}-{n}@x.org")
            started = time.perf_counter()
            register_for_event(event, person, join_waiting_list_if_full=True)
            timings.append(time.perf_counter() - started)
    finally:
        connection.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--per-client", type=int, default=50)
    args = parser.parse_args()

    from tests.throwaway_postgres import ThrowawayPostgres

    server = ThrowawayPostgres()
    socket_dir = server.start()
    try:
        env = site_env(socket_dir)
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
        from django.db import connections

        total = args.clients * args.per_client
        places = total * 3 // 4
        event_id = make_event(places)
        connections.close_all()  # each client process opens its own connection

        context = multiprocessing.get_context("fork")
        barrier = context.Manager().Barrier(args.clients)
        with context.Pool(args.clients) as pool:
            started = time.perf_counter()
            per_client = pool.map(
                client,
                [(n, args.per_client, event_id, barrier) for n in range(args.clients)],
                chunksize=1,
            )
            elapsed = time.perf_counter() - started

        from members.events.models import EventPlaces, Registration

        timings = sorted(t for client_timings in per_client for t in client_timings)
        confirmed = Registration.objects.filter(event_id=event_id, status="confirmed").count()
        waiting = Registration.objects.filter(event_id=event_id, status="waiting").count()
        taken = EventPlaces.objects.get(event_id=event_id).taken
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(f"{args.clients} concurrent clients, {total} registrations, {places} places")
        print(f"registrations per second: {total / elapsed:.0f}")
        print(
            f"one registration: median {statistics.median(timings) * 1000:.1f} ms, "
            f"p95 {p95 * 1000:.1f} ms"
        )
        print(f"confirmed {confirmed}, waiting {waiting}, places taken {taken} of {places}")
        if confirmed != places or taken != places or confirmed + waiting != total:
            raise SystemExit("Places were given wrongly: the counts above do not add up.")
        connections.close_all()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
