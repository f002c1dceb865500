"""The demo's post: postal members with each choice of what their letters bring and one in
large print, so that the first batch built after `make run` encloses papers and a reply form
for the open consultation; and the demo meetings' agendas name their papers, so their packs
hold them."""

import io

import pytest
from django.core.management import call_command

from members.models import Member, User
from members.postal.batches import build_batch
from papers.models import AgendaItem, MeetingPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=io.StringIO())


def test_the_first_demo_batch_encloses_papers_and_a_reply_form(demo_site):
    officer = User.objects.get(email="officer@kcp.example")  # the demo's own officer
    choices = set(
        Member.objects.filter(route=Member.Route.POST).values_list("papers_by_post", flat=True)
    )
    assert choices == set(Member.PapersByPost.values)
    batch = build_batch(officer)
    letters = list(batch.letters.all())
    enclosing = [letter for letter in letters if letter.enclosures]
    assert enclosing, "some demo letters enclose papers"
    assert any(letter.is_large_print for letter in enclosing)
    assert any("Reply form: Taking forward the KCP Review" in letter.html for letter in enclosing)
    assert any(not letter.enclosures for letter in letters), "and some bring summaries only"


def test_the_demo_meetings_agendas_name_their_papers_and_loading_again_adds_none(demo_site):
    linked = AgendaItem.objects.filter(paper__isnull=False)
    meetings = MeetingPage.objects.filter(agenda_items__paper__isnull=False).distinct()
    assert meetings.count() >= 3 and linked.count() >= 4
    count = linked.count()
    call_command("load_demo_content", stdout=io.StringIO())
    assert AgendaItem.objects.filter(paper__isnull=False).count() == count
