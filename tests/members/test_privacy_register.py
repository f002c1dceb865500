"""The privacy notice is generated from the data-protection register in the code: every
field of every model that holds personal data is in it, so the notice cannot drift."""

import datetime
from types import SimpleNamespace

import pytest

from home.extension_points import data_protection_register, fields_covered, personal_data_holders
from home.models import PrivacyNoticePage, PrivacyNoticeVersion

pytestmark = pytest.mark.django_db


def uncovered_fields(holders) -> list[str]:
    covered = fields_covered(entry for holder in holders for entry in holder.register)
    missing = []
    for holder in holders:
        for model in holder.models:
            label = model._meta.label
            if f"{label}.*" in covered:
                continue
            for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
                if f"{label}.{field.name}" not in covered:
                    missing.append(f"{label}.{field.name}")
    return missing


def test_every_field_of_every_model_holding_personal_data_is_in_the_register():
    assert uncovered_fields(personal_data_holders()) == []


def test_control_a_field_left_out_of_the_register_is_noticed():
    holders = personal_data_holders()
    first = next(holder for holder in holders if holder.name == "Wider partnership membership")
    others = [holder for holder in holders if holder is not first]
    trimmed = SimpleNamespace(
        name=first.name,
        models=first.models,
        register=first.register[1:],  # drops "Your name"
    )
    assert "members.Member.name" in uncovered_fields([trimmed, *others])


@pytest.fixture
def privacy_notice(home_page):
    notice = PrivacyNoticePage(
        title="Privacy notice",
        slug="privacy",
        data_controller="The Royal Borough of Kensington and Chelsea",
        data_controller_address="The Town Hall, Hornton Street, London W8 7NX",
        body=[],
        date_reviewed=datetime.date(2026, 12, 1),
    )
    home_page.add_child(instance=notice)
    notice.save_revision().publish()
    return notice


def test_the_privacy_notice_shows_every_register_line_and_its_version(client, privacy_notice):
    page = client.get("/privacy/").content.decode()
    for entry in data_protection_register():
        assert entry.what.replace("'", "&#x27;") in page
        assert entry.lawful_basis in page
    assert "Partnership officers (the KCP support team) only" in page
    assert "After 24 months with no activity" in page
    assert "Version 1, published on" in page
    assert 'href="/cookies/"' in page


def test_a_new_version_of_the_notice_is_shown_with_the_earlier_one_listed(client, privacy_notice):
    PrivacyNoticeVersion.objects.create(
        number=2, published_on=datetime.date(2027, 2, 1), changes="Events added."
    )
    page = client.get("/privacy/").content.decode()
    assert "Version 2, published on" in page
    assert "Earlier versions" in page and "Version 1, 1 December 2026" in page
