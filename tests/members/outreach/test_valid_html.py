"""Outreach's pages through the Nu HTML checker: the officers' screens empty, with errors and
full, the figures with their SVG chart, the letters, the poster and flyer, the join form with a
code, and the public code and unsubscribe pages."""

from django.test import Client

from members.outreach import figures
from members.outreach.campaigns import add_channel
from members.outreach.models import Channel
from members.outreach.sending import prepare_letters, unsubscribe_url
from tests.site_crawl import html_errors


def test_every_outreach_page_is_valid_html(
    officer_client, officer, groups_list, contacts, campaign, postal_member
):
    documents = {"/outreach/ (errors)": officer_client.post("/outreach/", {"name": ""})}
    poster = add_channel(officer, campaign, Channel.Kind.POSTER, "Kensington Central Library")
    flyer = add_channel(officer, campaign, Channel.Kind.FLYER, "Chelsea Library")
    prepare_letters(officer, campaign)
    figures.count_members()
    for path in (
        "/outreach/",
        f"/outreach/lists/{groups_list.pk}/",
        "/outreach/campaigns/new/",
        f"/outreach/campaigns/{campaign.pk}/",
        f"/outreach/campaigns/{campaign.pk}/letters/",
        f"/outreach/campaigns/{campaign.pk}/labels/",
        f"/outreach/channels/{poster.pk}/print/",
        f"/outreach/channels/{flyer.pk}/print/",
        "/outreach/figures/",
    ):
        documents[path] = officer_client.get(path)
    documents["new campaign (errors)"] = officer_client.post("/outreach/campaigns/new/", {})
    documents["list (errors)"] = officer_client.post(f"/outreach/lists/{groups_list.pk}/", {})
    visitor = Client()
    documents["unknown code"] = visitor.get("/j/NOSUCH")
    visitor.get(f"/j/{poster.code}")
    documents["/join/ with a code"] = visitor.get("/join/")
    token_path = "/" + unsubscribe_url(contacts["business"]).split("://", 1)[-1].split("/", 1)[-1]
    documents["unsubscribe"] = visitor.get(token_path)
    documents["unsubscribed"] = visitor.post(token_path)

    assert documents["list (errors)"].status_code == 400
    errors = html_errors({name: response.content.decode() for name, response in documents.items()})
    assert not errors, "\n".join(errors)
