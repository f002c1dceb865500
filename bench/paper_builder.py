"""The archive bench/site_speed.py measures: six groups, meetings from 2004 onwards and
`papers` reports and minutes, built through Wagtail's own page API (treebeard `add_child`, so
paths, url_paths and every signal the site relies on stay right).

Fast because the two jobs Wagtail runs on every save, one page at a time, are done once at the
end instead, in bulk, by Wagtail's own commands:

- the search index (`update_index`: 1,000 pages per INSERT instead of one);
- the reference index (`rebuild_references_index`).

and pages are saved in one transaction per MEETINGS_PER_TRANSACTION meetings rather than one
per meeting. Profiled at 50 papers, those two jobs were 45 % of the time; the rest is the
page's own rows, the paper's archive date and the page cache's generation, which stay.
"""

import contextlib
import datetime
import random
import re
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAPERS_PER_MEETING = 5
MEETINGS_PER_TRANSACTION = 20
GROUP_NAMES = [
    ("Steering Group", "steering-group", "steering_group"),
    ("Health and Well-Being Partnership", "health-and-well-being", "theme_group"),
    ("Community Safety Programme Board", "community-safety", "sub_partnership"),
    ("Learning, Work and Business theme group", "learning-work-and-business", "theme_group"),
    ("Voluntary Organisations Forum", "voluntary-organisations-forum", "theme_group"),
    ("Agenda Planning sub-group", "agenda-planning", "steering_group_sub_group"),
]


@contextlib.contextmanager
def indexes_updated_once_at_the_end(out):
    """Saves inside skip the per-page search and reference index updates; both indexes are
    rebuilt in bulk on the way out."""
    # Imported here: Django is set up by the caller, after this module is imported.
    from django.core.management import call_command
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    indexed = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in indexed:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in indexed:
            post_save.connect(post_save_signal_handler, sender=model)
    started = time.monotonic()
    call_command("update_index", verbosity=0)
    out(f"  search index rebuilt in {time.monotonic() - started:.0f} s")
    started = time.monotonic()
    call_command("rebuild_references_index", verbosity=0)
    out(f"  reference index rebuilt in {time.monotonic() - started:.0f} s")


def corpus_sentences() -> list[str]:
    text = " ".join(
        path.read_text() for path in sorted((REPO / "papers" / "seed_papers").glob("*.txt"))
    )
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text)]
    return [s for s in sentences if 40 <= len(s) <= 400] or ["The Partnership met."]


def generate(papers: int, out) -> None:
    """Groups, meetings from 2004 onwards and `papers` reports and minutes (no revisions: the
    pages are saved live directly, which is quicker and renders the same)."""
    # Imported here: Django is set up by the caller, after this module is imported.
    from django.db import transaction
    from wagtail.models import Page

    from home.models import HomePage
    from papers.models import MeetingIndexPage, PaperArchivePage
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
    with indexes_updated_once_at_the_end(out):
        for batch in range(0, meetings, MEETINGS_PER_TRANSACTION):
            with transaction.atomic():
                for number in range(batch, min(meetings, batch + MEETINGS_PER_TRANSACTION)):
                    start = first + datetime.timedelta(days=span * number // meetings)
                    wanted = min(PAPERS_PER_MEETING, papers - made)
                    made += _meeting_with_papers(rng, sentences, groups, number, start, wanted)
            if batch % (5 * MEETINGS_PER_TRANSACTION) == 0:
                out(f"  {made} of {papers} papers ({time.monotonic() - started:.0f} s)")
        out(f"  {made} papers saved in {time.monotonic() - started:.0f} s")
        Page.fix_tree()


def _meeting_with_papers(rng, sentences, groups, number, start, papers) -> int:
    # Imported here: Django is set up by the caller, after this module is imported.
    from papers.models import AgendaItem, MeetingPage, MinutesPage, ReportPage

    group = groups[number % len(groups)]
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
    for position in range(max(0, papers)):
        meeting.add_child(
            instance=_paper(rng, sentences, meeting, group, position, ReportPage, MinutesPage)
        )
    return max(0, papers)


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
