"""The Postal mailing settings edited in the admin: printing on both sides, and the postage
bands the batch screen prices envelopes with; bad bands are refused with a message saying
which line to fix, and nothing is saved."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import Site

from members.models import PostalSettings
from members.postal.models import DEFAULT_POSTAGE_BANDS, parse_postage_bands
from members.postal.postage import price, sheets, weight_grams

pytestmark = pytest.mark.django_db


def settings_url() -> str:
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["members", "postalsettings", site.pk])


def test_the_default_bands_are_royal_mail_like_and_price_an_envelope_by_weight():
    bands = parse_postage_bands(DEFAULT_POSTAGE_BANDS)
    assert bands[0] == (100, Decimal("0.87"))
    assert weight_grams(sheets(7, is_duplex=True), "DL") == 25  # four sheets and the envelope
    assert price(25, bands) == Decimal("0.87")
    assert price(101, bands) == Decimal("2.06")
    assert price(751, bands) is None


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ("Up to 100 g: £0.87\nabout a pound", "Line 2 (“about a pound”) is not a band"),
        ("Up to 250 g: £2.06\nUp to 100 g: £0.87", "Line 2: put the bands lightest first"),
        ("", "Give at least one band"),
    ],
    ids=["not a band", "out of order", "empty"],
)
def test_bad_postage_bands_say_what_to_fix_and_nothing_is_saved(officer_client, bands, message):
    response = officer_client.post(
        settings_url(), {"print_on_both_sides": "on", "postage_bands": bands}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    saved = PostalSettings.for_site(Site.objects.get(is_default_site=True))
    assert not saved.print_on_both_sides and saved.postage_bands == DEFAULT_POSTAGE_BANDS


def test_good_bands_and_both_sides_are_saved(officer_client):
    response = officer_client.post(
        settings_url(),
        {"print_on_both_sides": "on", "postage_bands": "up to 100g = 0.85\nUp to 250 g: £2"},
    )
    assert response.status_code == 302
    saved = PostalSettings.for_site(Site.objects.get(is_default_site=True))
    assert saved.print_on_both_sides
    assert saved.bands == [(100, Decimal("0.85")), (250, Decimal("2"))]
