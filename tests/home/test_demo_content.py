"""`load_demo_content` builds the demo site once, keeps editors' changes, and refuses production."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page

from home.models import AccessibilityStatementPage, HomePage

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def test_demo_content_creates_the_pages_and_verified_demo_accounts(django_user_model):
    load()
    assert AccessibilityStatementPage.objects.live().get().url_path == "/home/accessibility/"
    officer = django_user_model.objects.get(email="officer@kcp.example")
    assert officer.groups.filter(name="Partnership officers").exists()
    assert officer.emailaddress_set.get().verified
    assert django_user_model.objects.get(email="admin@kcp.example").is_superuser


def test_running_demo_content_twice_changes_nothing():
    load()
    pages_before = Page.objects.count()
    revisions_before = list(Page.objects.order_by("pk").values_list("latest_revision_id"))
    assert load() == ""
    assert Page.objects.count() == pages_before
    assert list(Page.objects.order_by("pk").values_list("latest_revision_id")) == revisions_before


def test_demo_content_never_overwrites_an_editors_change():
    load()
    home = HomePage.objects.get()
    home.introduction = "Written by an editor."
    home.save_revision().publish()
    load()
    assert HomePage.objects.get().introduction == "Written by an editor."


@override_settings(KCP_DEMO_CONTENT_ALLOWED=False)
def test_demo_content_refuses_to_run_under_production_settings():
    with pytest.raises(CommandError, match="development only"):
        load()
    assert not AccessibilityStatementPage.objects.exists()


def test_demo_content_imports_the_seed_papers_published_at_their_meetings(client):
    from papers.models import ActionPlanPage, ReportPage

    load()
    reports = {page.title: page for page in ReportPage.objects.live()}
    mid_term = reports["COMMUNITY STRATEGY MID-TERM REVIEW"]
    assert mid_term.get_parent().specific.venue_name.startswith("The Town Hall")
    assert (
        mid_term.url_path == "/home/steering-group/2007-11-14/community-strategy-mid-term-review/"
    )
    priorities = reports["KCP Review – taking forward priorities for 2009/10"]
    assert priorities.get_parent().slug == "2009-05-13"
    assert priorities.source_hash
    plan = ActionPlanPage.objects.live().get()
    assert plan.get_parent().slug == "steering-group"
    assert "Meeting or seminar will be held later" in client.get(plan.url).content.decode()
