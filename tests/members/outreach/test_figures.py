"""Membership figures: joins and leaves counted as they happen, by month, kind, route and
interest; surviving erasure; the daily count the home and join pages show, rounded."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from home.page_cache import current_generation
from members.data_rights.services import erase_member
from members.models import MembershipChange
from members.outreach import figures
from members.outreach.campaigns import add_channel
from members.outreach.models import Channel, MembershipTally, OutreachSettings, SignUp
from members.partnership.services import leave_partnership
from tests.fixtures.members import join_data
from tests.fixtures.papers import LONDON

THIS_MONTH = timezone.localdate().replace(day=1)


def _by(dimension):
    return {b.value: (b.joined, b.left) for b in figures.breakdown(dimension)}


def test_a_confirmed_online_join_and_a_postal_member_count_once_each_this_month(
    joined_member, postal_member
):
    assert [(m.month, m.joined, m.left, m.net) for m in figures.monthly()] == [
        (THIS_MONTH, 2, 0, 2)
    ]
    assert _by("kind") == {"resident": (2, 0)}
    assert _by("route") == {"email": (1, 0), "post": (1, 0)}
    assert _by("interest") == {
        "health": (1, 0),
        "homes-and-housing": (1, 0),
        "older-people": (1, 0),
    }


def test_someone_who_never_confirms_is_not_counted(db, interests):
    Client().post("/join/", join_data(interests))

    assert figures.monthly() == []


def test_leaving_counts_and_erasure_keeps_the_figures(joined_member, postal_member):
    leave_partnership(joined_member)
    erase_member(joined_member)
    erase_member(postal_member)  # erased without leaving first: counted as leaving

    assert [(m.joined, m.left, m.net) for m in figures.monthly()] == [(2, 2, 0)]
    assert _by("route") == {"email": (1, 1), "post": (1, 1)}


def test_the_series_shows_every_month_from_the_first_with_empty_ones_on_a_fixed_clock(
    postal_member,
):
    MembershipTally.objects.all().delete()
    at = datetime.datetime(2026, 3, 15, 12, tzinfo=LONDON)
    figures.count_movement(postal_member, figures.Movement.JOINED, at)
    figures.count_movement(postal_member, figures.Movement.JOINED, at)
    figures.count_movement(postal_member, figures.Movement.LEFT, at.replace(month=5))

    series = figures.monthly()

    assert [(m.month, m.joined, m.left, m.net) for m in series[:3]] == [
        (datetime.date(2026, 3, 1), 2, 0, 2),
        (datetime.date(2026, 4, 1), 0, 0, 0),
        (datetime.date(2026, 5, 1), 0, 1, -1),
    ]
    assert series[-1].month == THIS_MONTH


def test_the_figures_match_the_membership_changes_recorded_on_a_fixed_clock(
    joined_member, postal_member
):
    MembershipTally.objects.all().delete()
    changes = [
        (postal_member, "joined", datetime.datetime(2026, 3, 10, 9, tzinfo=LONDON), {}),
        (joined_member, "verified", datetime.datetime(2026, 3, 31, 23, 30, tzinfo=LONDON), {}),
        (joined_member, "left", datetime.datetime(2026, 5, 2, 9, tzinfo=LONDON), "active"),
        # Half past midnight on 1 June in London is still 31 May in UTC: it counts in June.
        (postal_member, "left", datetime.datetime(2026, 6, 1, 0, 30, tzinfo=LONDON), "paused"),
    ]
    for member, what, at, status_before in changes:
        MembershipChange.objects.create(
            member=member,
            what=what,
            changed_at=at,
            before={"status": status_before} if status_before else {},
        )
    # Changes that are no join or leave of a counted member change nothing.
    MembershipChange.objects.create(
        member=postal_member,
        what="left",
        changed_at=datetime.datetime(2026, 6, 2, 9, tzinfo=LONDON),
        before={"status": "left"},
    )
    MembershipChange.objects.create(
        member=joined_member,
        what="interests",
        changed_at=datetime.datetime(2026, 4, 2, 9, tzinfo=LONDON),
    )

    series = figures.monthly()

    assert [(m.month, m.joined, m.left, m.net) for m in series[:4]] == [
        (datetime.date(2026, 3, 1), 2, 0, 2),
        (datetime.date(2026, 4, 1), 0, 0, 0),
        (datetime.date(2026, 5, 1), 0, 1, -1),
        (datetime.date(2026, 6, 1), 0, 1, -1),
    ]
    assert _by("route") == {"email": (1, 1), "post": (1, 1)}


def test_sign_ups_per_campaign_and_channel_are_in_the_figures_and_their_csv(
    officer, officer_client, campaign, joined_member, postal_member
):
    poster = add_channel(officer, campaign, Channel.Kind.POSTER, "Kensington Central Library")
    SignUp.objects.create(member=joined_member, channel=poster, how="link")
    SignUp.objects.create(member=postal_member, channel=poster, how="typed")

    page = officer_client.get("/outreach/figures/").content.decode()
    rows = officer_client.get("/outreach/figures/campaigns.csv").content.decode().splitlines()

    assert "Poster at Kensington Central Library" in page
    assert f"Launch month,Poster at Kensington Central Library,{poster.code},0,2" in rows


@pytest.mark.parametrize(
    ("active", "shown"), [(7, 7), (48, 40), (157, 150), (1234, 1200), (15049, 15000)]
)
def test_the_count_shown_is_rounded_down_and_never_more_than_there_are(active, shown):
    assert figures.rounded(active) == shown


def test_the_daily_count_shows_on_the_home_and_join_pages_without_forgetting_cached_pages(
    client, home_page, joined_member, postal_member
):
    settings_row = OutreachSettings.for_site(home_page.get_site())
    settings_row.is_member_count_shown = True
    settings_row.save()
    generation = current_generation()

    figures.count_members()

    assert current_generation() == generation
    assert "About 2 members" in client.get("/").content.decode()
    assert "About 2 members" in client.get("/join/").content.decode()


def test_the_count_is_hidden_unless_the_setting_shows_it(client, home_page, joined_member):
    figures.count_members()

    assert "About 1 members" not in client.get("/join/").content.decode()
