"""Induction: modules only Steering Group members can open (a clear 403 for anyone else
signed in, never a sign-in loop), marking them done, progress, "updated since you finished",
and nothing of it in public search, menus, feeds or the sitemap."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from home.roles import STEERING_GROUP_MEMBERS
from members.induction.models import estimated_reading_minutes
from members.models import InductionDocument, ModuleCompletion
from tests.people import PASSWORD

pytestmark = pytest.mark.django_db


def module_urls(modules):
    return [module.url for module in modules]


def test_anonymous_visitor_is_sent_to_sign_in_and_back_to_the_dashboard(
    client, steering_group_member
):
    response = client.get("/members/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/members/"
    signed_in = client.post(
        "/accounts/login/?next=/members/",
        {"login": steering_group_member.email, "password": PASSWORD, "next": "/members/"},
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/members/"
    assert "Your members’ area" in client.get("/members/").content.decode()


def test_anonymous_visitor_to_a_module_is_sent_to_sign_in_and_back(client, modules):
    response = client.get(modules[1].url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={modules[1].url}"


def test_wider_partnership_member_gets_a_clear_403_on_every_induction_page_and_document(
    client, wider_partnership_member, induction, modules, induction_document
):
    client.force_login(wider_partnership_member)
    for url in ["/induction/", *module_urls(modules), induction_document.url]:
        response = client.get(url)
        assert response.status_code == 403, url
        html = response.content.decode()
        assert "You do not have access to this page" in html
        assert "The Partnership brings partners together" not in html
        assert b"The Compact between" not in response.content
    assert client.post(f"/members/induction/{modules[0].pk}/done/").status_code == 403
    assert not ModuleCompletion.objects.exists()


def test_steering_group_member_reads_modules_and_opens_their_documents(
    client, steering_group_member, modules, induction_document
):
    client.force_login(steering_group_member)
    html = client.get(modules[0].url).content.decode()
    assert "The Partnership brings partners together" in html
    assert "Induction module 1 of 4" in html
    assert "about 1 minute to read" in html
    assert "Terms of reference and the Compact" in html
    document = client.get(induction_document.url)
    assert document.status_code == 200
    assert b"The Compact between" in b"".join(document.streaming_content)


def test_a_member_whose_seat_ends_loses_access_at_once(
    client, steering_group_member, modules, induction_document
):
    client.force_login(steering_group_member)
    assert client.get(modules[0].url).status_code == 200
    seat = steering_group_member.steering_group_seats.get()
    seat.left = timezone.localdate()
    seat.save()
    assert client.get(modules[0].url).status_code == 403
    assert client.get(induction_document.url).status_code == 403
    assert client.post(f"/members/induction/{modules[0].pk}/done/").status_code == 403
    dashboard = client.get("/members/").content.decode()
    assert "Your induction" not in dashboard


def test_marking_a_module_done_shows_progress_and_the_next_module(
    client, steering_group_member, modules
):
    client.force_login(steering_group_member)
    response = client.post(f"/members/induction/{modules[0].pk}/done/")
    assert response.status_code == 302 and response["Location"] == modules[0].url
    page = client.get(modules[0].url).content.decode()
    assert "is marked as done" in page
    assert "You marked this module as done" in page
    dashboard = client.get("/members/").content.decode()
    assert "1 of 4 modules done" in dashboard
    assert "Continue with “How Steering Group meetings work”" in dashboard


def test_a_module_changed_after_the_member_finished_it_shows_as_updated(
    client, steering_group_member, modules
):
    client.force_login(steering_group_member)
    client.post(f"/members/induction/{modules[0].pk}/done/")
    ModuleCompletion.objects.update(completed_at=timezone.now() - datetime.timedelta(days=3))
    modules[0].body = "<p>The Partnership now has a new Compact.</p>"
    modules[0].save_revision().publish()
    assert "Updated since you finished it" in client.get("/members/").content.decode()
    page = client.get(modules[0].url).content.decode()
    assert "Updated since you finished it" in page
    assert "Mark “What the Partnership is and does” as done" in page
    client.post(f"/members/induction/{modules[0].pk}/done/")
    assert "Updated since you finished it" not in client.get("/members/").content.decode()


def test_member_cannot_mark_or_see_another_members_progress(
    client, steering_group_member, half_way_member, modules
):
    client.force_login(steering_group_member)
    before = set(ModuleCompletion.objects.filter(member=half_way_member).values_list("pk"))
    # Whatever the form says, the progress changed is the signed-in member's own.
    client.post(
        f"/members/induction/{modules[3].pk}/done/",
        {"member": half_way_member.pk, "member_id": half_way_member.pk},
    )
    assert set(ModuleCompletion.objects.filter(member=half_way_member).values_list("pk")) == (
        before
    )
    assert ModuleCompletion.objects.filter(member=steering_group_member).count() == 1
    dashboard = client.get("/members/").content.decode()
    assert "1 of 4 modules done" in dashboard
    assert "Maria" not in dashboard


def test_marking_a_withdrawn_module_done_says_it_does_not_exist(
    client, steering_group_member, modules
):
    modules[2].unpublish()
    client.force_login(steering_group_member)
    assert client.post(f"/members/induction/{modules[2].pk}/done/").status_code == 404
    assert client.post("/members/induction/999999/done/").status_code == 404
    assert not ModuleCompletion.objects.exists()


def test_the_induction_is_restricted_to_the_steering_group_even_if_the_setting_is_removed(
    induction,
):
    PageViewRestriction.objects.filter(page=induction).delete()
    induction.save_revision().publish()
    restriction = PageViewRestriction.objects.get(page=induction)
    assert restriction.restriction_type == "groups"
    assert [group.name for group in restriction.groups.all()] == [STEERING_GROUP_MEMBERS]


def test_a_module_refuses_a_document_from_a_collection_others_can_open(modules):
    public = Collection.get_first_root_node().add_child(name="Public papers")
    document = get_document_model().objects.create(
        title="Public annex", file=ContentFile(b"Annex", name="annex.txt"), collection=public
    )
    with pytest.raises(ValidationError) as error:
        InductionDocument(page=modules[0], document=document).clean()
    assert "Move it to the “Induction (Steering Group only)” collection" in str(error.value)


def test_reading_time_is_estimated_from_the_text():
    assert estimated_reading_minutes("<p>Short.</p>") == 1
    assert estimated_reading_minutes("<p>" + "word " * 401 + "</p>") == 3


def test_induction_pages_never_appear_in_public_search_menus_feeds_or_sitemap(
    client, steering_group_member, induction, modules
):
    induction.show_in_menus = True
    induction.save_revision().publish()
    client.force_login(steering_group_member)
    searched = client.get("/search/?query=Partnership+brings+partners").content.decode()
    assert "What the Partnership is and does" not in searched
    home = client.get("/").content.decode()
    assert 'href="/induction/"' not in home
    client.logout()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/induction/" not in sitemap
    assert "<loc>" in sitemap
    feed = client.get("/papers/feed/")
    assert "/induction/" not in feed.content.decode()
