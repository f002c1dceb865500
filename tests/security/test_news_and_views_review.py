"""Defect 2 of issue 12, News and Views: a lead officer's update went on the public agenda
at once. Now it waits for a Partnership officer's approval; sending it again after approval
takes it off the agenda until an officer approves the new text."""

import pytest

from tests.themegroups.test_news_and_views import send_update
from themegroups.models import NewsAndViewsUpdate

pytestmark = pytest.mark.django_db

AGENDA = "/steering-group/2099-03-10/"


def test_a_lead_officers_update_is_not_public_until_an_officer_approves_it(
    lead_officer_client, officer_browser, health_group, next_steering_group, visitor
):
    send_update(lead_officer_client, health_group, next_steering_group)
    assert "Smoking clinics" not in visitor.get(AGENDA).content.decode()

    waiting = officer_browser.get("/admin/news-and-views/").content.decode()
    assert "Waiting for approval" in waiting and "Smoking clinics" in waiting
    update = NewsAndViewsUpdate.objects.get()
    response = officer_browser.post(f"/admin/news-and-views/{update.pk}/approve/")
    assert response.status_code == 302
    assert "Smoking clinics opened in Golborne." in visitor.get(AGENDA).content.decode()


def test_sending_an_approved_update_again_takes_it_off_the_agenda_until_approved_again(
    lead_officer_client, officer_browser, health_group, next_steering_group, visitor
):
    send_update(lead_officer_client, health_group, next_steering_group, "Approved text.")
    officer_browser.post(f"/admin/news-and-views/{NewsAndViewsUpdate.objects.get().pk}/approve/")
    send_update(lead_officer_client, health_group, next_steering_group, "Changed text.")
    html = visitor.get(AGENDA).content.decode()
    assert "Approved text." not in html and "Changed text." not in html


def test_a_lead_officer_cannot_approve_their_own_update(
    lead_officer_client, health_group, next_steering_group, visitor
):
    send_update(lead_officer_client, health_group, next_steering_group)
    update = NewsAndViewsUpdate.objects.get()
    response = lead_officer_client.post(f"/admin/news-and-views/{update.pk}/approve/")
    assert response.status_code in (302, 403)
    update.refresh_from_db()
    assert update.approved_at is None
    assert "Smoking clinics" not in visitor.get(AGENDA).content.decode()
