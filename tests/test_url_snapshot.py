"""No URL that answered before the members app changed shape may break."""

import json

from tests.url_snapshot import SNAPSHOT, current_urls


def broken_urls(before: dict, now: dict) -> list[str]:
    """Each URL of `before` that is gone, has moved, or whose sample path another view answers."""
    return [
        f"{name}: was {url}, now {now.get(name)}"
        for name, url in before.items()
        if now.get(name) != url
    ]


def test_every_url_of_the_snapshot_keeps_its_route_and_its_sample_path_resolves_to_it():
    assert broken_urls(json.loads(SNAPSHOT.read_text()), current_urls()) == []


def test_a_url_gone_or_moved_since_the_snapshot_is_reported():
    """Control: the comparison fails on a planted snapshot with a route the site lacks."""
    planted = json.loads(SNAPSHOT.read_text())
    planted["members_dashboard"] = {"route": "members/old/", "sample": "/members/old/"}
    planted["a_page_that_never_was"] = {"route": "gone/", "sample": "/gone/"}
    broken = broken_urls(planted, current_urls())
    assert len(broken) == 2
