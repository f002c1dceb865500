"""Varnish in front of the site (deploy/varnish/kcp.vcl), with the purges and bans the site
sends after each commit (home/front_cache.py): readers share one copy, and every change shows
through it within a second."""

import logging
import urllib.request

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction, Site

from home.models import PartnershipSettings
from papers.models import ReportPage
from tests.engine_processes import PUBLIC_HOST, Answer, Front, VarnishServer
from tests.papers.test_archive import add_report

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

A_SECOND = 1.0


def shown_twice(front, path):
    """The first reader fills the cache; the second is served from it."""
    first = front.get(path)
    second = front.get(path)
    assert (first.status, second.status) == (200, 200), path
    return first, second


def test_the_second_reader_of_a_paper_is_served_from_varnish(front, report):
    first, second = shown_twice(front, report.url)
    assert (first.cache, second.cache) == ("miss", "hit")
    assert "KCP Review" in second.text


def test_a_published_change_shows_through_varnish_within_a_second(front, report):
    shown_twice(front, report.url)
    report.title = "KCP Review, revised in June"
    report.save_revision().publish()
    answer = front.within(A_SECOND, report.url, lambda a: "revised in June" in a.text)
    assert "revised in June" in answer.text


def test_a_published_paper_shows_on_the_archives_second_page_within_a_second(
    front, paper_archive, meeting, monkeypatch
):
    monkeypatch.setattr("papers.archive.PAPERS_PER_PAGE", 2)
    for number in range(3):
        add_report(meeting, f"Older report {number}")
    second_page = "/papers/?page=2"
    assert "Older report 0" in shown_twice(front, second_page)[1].text
    add_report(meeting, "Brand new report")  # pushes one more paper onto page 2
    answer = front.within(A_SECOND, second_page, lambda a: "Older report 1" in a.text)
    assert "Older report 1" in answer.text
    assert "Brand new report" in front.get("/papers/").text


def test_an_unpublished_paper_is_gone_from_varnish_and_the_archive_within_a_second(
    front, paper_archive, report
):
    shown_twice(front, report.url)
    assert "KCP Review" in shown_twice(front, "/papers/")[1].text
    report.unpublish()
    assert front.within(A_SECOND, report.url, lambda a: a.status == 404).status == 404
    archive = front.within(A_SECOND, "/papers/", lambda a: "KCP Review" not in a.text)
    assert "KCP Review" not in archive.text


def test_a_moved_paper_is_found_at_its_new_address_and_not_at_its_old_within_a_second(
    front, report, later_meeting
):
    old_url = report.url
    shown_twice(front, old_url)
    shown_twice(front, later_meeting.url)
    report.move(later_meeting, pos="last-child")
    report.refresh_from_db()
    assert report.url != old_url
    old = front.within(A_SECOND, old_url, lambda a: a.status != 200)
    assert old.status in (301, 302, 404)  # Wagtail may leave a redirect to the new address
    assert front.get(report.url).status == 200
    meeting_page = front.within(A_SECOND, later_meeting.url, lambda a: "KCP Review" in a.text)
    assert "KCP Review" in meeting_page.text


def cached_second_page(front, path: str):
    """Page 2 of a listing, read twice: the second reader is served from Varnish."""
    first, second = shown_twice(front, path)
    assert second.cache == "hit", path
    return second


def test_an_unpublished_paper_leaves_the_archives_second_page_within_a_second(
    front, paper_archive, report, meeting, monkeypatch
):
    monkeypatch.setattr("papers.archive.PAPERS_PER_PAGE", 2)
    for number in (1, 2, 3):  # newer than the report: page 1 is 3 and 2; page 2 is 1 and it
        add_report(meeting, f"Newer report {number}")
    second_page = cached_second_page(front, "/papers/?page=2")
    assert "KCP Review" in second_page.text
    report.unpublish()
    answer = front.within(A_SECOND, "/papers/?page=2", lambda a: "KCP Review" not in a.text)
    assert "KCP Review" not in answer.text
    assert "Newer report 1" in answer.text


def test_a_moved_paper_shows_its_new_address_on_the_archives_second_page_within_a_second(
    front, paper_archive, report, meeting, later_meeting, monkeypatch
):
    monkeypatch.setattr("papers.archive.PAPERS_PER_PAGE", 2)
    add_report(meeting, "May report")
    for name in ("A", "B"):  # July's papers fill page 1
        add_report(later_meeting, f"July report {name}")
    old_url = report.url
    assert f'href="{old_url}"' in cached_second_page(front, "/papers/?page=2").text
    report.move(later_meeting, pos="last-child")
    new_url = ReportPage.objects.get(pk=report.pk).url
    answer = front.within(A_SECOND, "/papers/?page=2", lambda a: new_url in a.text)
    assert f'href="{new_url}"' in answer.text
    assert f'href="{old_url}"' not in answer.text


def test_with_varnish_stopped_the_site_still_serves_and_publishing_still_commits(
    live_server, report, settings, caplog
):
    port = int(live_server.url.rsplit(":", 1)[1])
    own_varnish = VarnishServer(port, PUBLIC_HOST)
    own_varnish.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "home.front_cache.FrontCacheBackend", "LOCATION": own_varnish.url}
    }
    assert Front(own_varnish).get(report.url).status == 200
    own_varnish.stop()

    assert read_directly(live_server, report.url).status == 200
    with caplog.at_level(logging.ERROR):
        report.title = "KCP Review, published while Varnish was down"
        report.save_revision().publish()
    assert "while Varnish was down" in ReportPage.objects.get(pk=report.pk).title
    assert "while Varnish was down" in read_directly(live_server, report.url).text
    assert any("purge" in r.getMessage() for r in caplog.records)  # logged, not raised


def read_directly(live_server, path: str):
    """The site itself, as Varnish's backend: no cache in between."""
    request = urllib.request.Request(live_server.url + path, headers={"Host": PUBLIC_HOST})
    with urllib.request.urlopen(request, timeout=10) as response:
        return Answer(response.status, {}, response.read().decode())


def test_an_edited_setting_shows_on_every_page_through_varnish_within_a_second(
    front, report, home_page
):
    shown_twice(front, report.url)
    shown_twice(front, "/")
    contact = PartnershipSettings.for_site(Site.objects.get(is_default_site=True))
    contact.contact_email = "new-address@kcp.example"
    contact.save()
    for path in (report.url, "/"):
        answer = front.within(A_SECOND, path, lambda a: "new-address@kcp.example" in a.text)
        assert "new-address@kcp.example" in answer.text, path


def test_an_edited_snippet_shows_on_the_papers_using_it_through_varnish_within_a_second(
    front, report, contact_officer
):
    assert "Partnership team" in shown_twice(front, report.url)[1].text
    contact_officer.name = "Partnership and engagement team"
    contact_officer.save()
    answer = front.within(A_SECOND, report.url, lambda a: "engagement team" in a.text)
    assert "Partnership and engagement team" in answer.text


def test_tracking_parameters_share_one_cached_copy(front, report):
    front.get(report.url)
    tracked = front.get(f"{report.url}?utm_source=alert&utm_medium=email&UTM_Campaign=agenda")
    also_tracked = front.get(f"{report.url}?fbclid=abc")
    assert (tracked.cache, also_tracked.cache) == ("hit", "hit")
    assert front.get(f"{report.url}?print=1").cache == "miss"  # a real parameter


def test_a_page_restricted_by_password_is_never_stored(front, report):
    PageViewRestriction.objects.create(
        page=report, restriction_type=PageViewRestriction.PASSWORD, password="sesame"
    )
    first, second = front.get(report.url), front.get(report.url)
    assert (first.cache, second.cache) == ("pass", "pass")
    assert "KCP Review" not in second.text


def test_a_page_restricted_to_signed_in_people_is_never_stored(front, report):
    PageViewRestriction.objects.create(page=report, restriction_type=PageViewRestriction.LOGIN)
    first, second = front.get(report.url), front.get(report.url)
    assert {first.cache, second.cache} == {"pass"}
    assert "outlines some actions" not in second.text


def signed_in_cookie(user) -> dict:
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value}


def someone_else_sees_the_first_persons_page(front, first_person, second_person) -> bool:
    """The first person opens their dashboard through Varnish; then the second does."""
    assert "Joan" in front.get("/members/", signed_in_cookie(first_person)).text
    return "Joan" in front.get("/members/", signed_in_cookie(second_person)).text


def test_a_signed_in_page_is_never_served_from_varnish_to_another_person(
    front, steering_group_member, wider_partnership_member
):
    assert not someone_else_sees_the_first_persons_page(
        front, steering_group_member, wider_partnership_member
    )


# Caches everything by address alone, cookies and Cache-Control ignored.
CARELESS_VCL = """vcl 4.1;
include "site.vcl";
sub vcl_recv { if (client.ip ~ purgers) { return (hash); } return (hash); }
sub vcl_hash { hash_data(req.url); return (lookup); }
sub vcl_backend_response {
    unset beresp.http.Set-Cookie; unset beresp.http.Vary;
    set beresp.ttl = 60s; set beresp.uncacheable = false; return (deliver);
}
"""


def test_control_a_careless_varnish_serves_one_persons_page_to_another(
    live_server, steering_group_member, wider_partnership_member
):
    """Shows the check above can fail: rules that key on the address alone leak."""
    port = int(live_server.url.rsplit(":", 1)[1])
    careless = VarnishServer(port, PUBLIC_HOST, vcl=CARELESS_VCL)
    careless.start()
    try:
        assert someone_else_sees_the_first_persons_page(
            Front(careless), steering_group_member, wider_partnership_member
        )
    finally:
        careless.stop()
