"""Worker time to fan one posting out to 10,000 email members: `.venv/bin/python
bench/alerts_fanout.py [--members 10000]`.

Starts a throwaway PostgreSQL server (unix socket only), migrates it, makes a theme group
with a meeting and --members active members who hear at once and chose the group's
interest, publishes a report (which records the posting, as the publish request does), then
times `send_due_postings`, the background task's work: matching, rendering each member's
message and queuing it in the outbox with its delivery records, in batches of
KCP_ALERT_BATCH_SIZE. Prints the time, the messages queued, and the queries: in all, per
batch, and outside the batches. Nothing is delivered (delivery is the outbox's own work,
paced by the relay's rate limit). Not a test: figures vary by machine. Target: under 60 s.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from members.alerts import sending as alerts_sending

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DATABASE = "kcp_bench_alerts"

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
        "KCP_ALERT_BUNDLE_SECONDS": "0",
    }


def make_meeting():
    import datetime

    from django.utils import timezone

    from home.models import HomePage
    from papers.models import MeetingPage
    from themegroups.models import GroupIndexPage, GroupPage

    home = HomePage.objects.get()
    index = GroupIndexPage(title="Theme groups", slug="theme-groups", introduction="Groups.")
    home.add_child(instance=index)
    index.save_revision().publish()
    group = GroupPage(
        title="Health and Well-Being Partnership",
        slug="health",
        kind=GroupPage.Kind.THEME_GROUP,
        purpose="Improves health.",
    )
    index.add_child(instance=group)
    group.save_revision().publish()
    start = timezone.now() + datetime.timedelta(days=30)
    meeting = MeetingPage(title="Health, next month", start=start, venue_name="The Town Hall")
    group.add_child(instance=meeting)
    meeting.save_revision().publish()
    return group, meeting


def make_members(count: int, group) -> None:
    """Members made in bulk (the fan-out is what is timed, not joining)."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from home.models import Interest
    from home.roles import WIDER_PARTNERSHIP_MEMBERS
    from members.models import Member, User

    password = make_password(None)
    User.objects.bulk_create(
        [User(email=f"member{n}@bench.example", password=password) for n in range(count)],
        batch_size=2000,
    )
    users = list(User.objects.filter(email__endswith="@bench.example").order_by("pk"))
    wider = Group.objects.get(name=WIDER_PARTNERSHIP_MEMBERS)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=user.pk, group_id=wider.pk) for user in users],
        batch_size=2000,
    )
    now = timezone.now()
    Member.objects.bulk_create(
        [
            Member(
                user=user,
                name=f"Member {n}",
                kind=Member.Kind.RESIDENT,
                route=Member.Route.EMAIL_AT_ONCE,
                status=Member.Status.ACTIVE,
                verified_at=now,
            )
            for n, user in enumerate(users)
        ],
        batch_size=2000,
    )
    interest = Interest.objects.get(group_page=group)
    Member.interests.through.objects.bulk_create(
        [
            Member.interests.through(member_id=pk, interest_id=interest.pk)
            for pk in Member.objects.values_list("pk", flat=True)
        ],
        batch_size=2000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
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
        from django.conf import settings
        from django.db import connection, connections
        from django.test.utils import CaptureQueriesContext

        from home.models import OutgoingEmail
        from members.models import AlertDelivery, Posting
        from papers.models import ReportPage

        group, meeting = make_meeting()
        make_members(args.members, group)
        report = ReportPage(
            title="Health inequalities in the north of the borough",
            purpose="This paper sets out the gap in life expectancy.",
        )
        meeting.add_child(instance=report)
        report.save_revision().publish()
        assert Posting.objects.filter(page=report).exists(), "The report was not posted."

        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            queued = alerts_sending.send_due_postings()
            elapsed = time.perf_counter() - started

        batch_size = settings.KCP_ALERT_BATCH_SIZE
        batches = -(-args.members // batch_size)
        # A batch starts with the query for its members; the last (empty) read ends the loop.
        member_reads = [
            n for n, query in enumerate(captured.captured_queries) if '"members_member"."name"'
            in query["sql"] and "LIMIT" in query["sql"]
        ]  # fmt: skip
        # Queries from one batch's first query to the next batch's: the same for every batch.
        per_batch = [b - a for a, b in zip(member_reads, member_reads[1:], strict=False)]
        print(f"{args.members} email members, batches of {batch_size} ({batches} batches)")
        print(f"worker time to fan out one posting: {elapsed:.1f} s (target: under 60 s)")
        print(f"messages queued: {queued}; in the outbox: {OutgoingEmail.objects.count()}")
        print(f"delivery records: {AlertDelivery.objects.count()}")
        print(f"queries in all: {len(captured)}")
        print(f"queries per batch: {sorted(set(per_batch))} over {len(per_batch)} batches")
        print(
            f"queries before the first batch and after the last: {len(captured) - sum(per_batch)}"
        )
        if queued != args.members:
            raise SystemExit("Not every member was queued a message.")
        connections.close_all()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
