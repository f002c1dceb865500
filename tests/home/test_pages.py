"""The public foundation pages: home, accessibility statement, privacy notice, errors."""

import pytest
from django.test import override_settings
from django.urls import path

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(db):
    from django.core.management import call_command

    call_command("load_demo_content", stdout=open("/dev/null", "w"))


def test_home_page_introduces_the_partnership_with_slots_for_papers_and_meetings(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Kensington and Chelsea Partnership</h1>" in html
    assert "Latest papers" in html
    assert "Next meetings" in html
    assert 'class="skip-link" href="#main-content"' in html
    assert '<main id="main-content"' in html


def test_accessibility_statement_has_every_section_the_regulations_require(client, demo_site):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in [
        "Compliance status",
        "Non-accessible content",
        "Requesting information in another format",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Preparation of this accessibility statement",
    ]:
        assert f"<h2>{heading}</h2>" in html
    assert "partially compliant" in html
    assert "Equality and Human Rights Commission" in html


def test_privacy_notice_names_the_data_controller(client, demo_site):
    response = client.get("/privacy/")
    assert response.status_code == 200
    assert "The data controller is <strong>The Royal Borough of Kensington and Chelsea" in (
        response.content.decode()
    )


def test_footer_links_to_the_accessibility_statement_and_privacy_notice(client, demo_site):
    html = client.get("/").content.decode()
    assert '<a href="/accessibility/">Accessibility statement</a>' in html
    assert '<a href="/privacy/">Privacy notice</a>' in html
    assert "020 7361 3671" in html


def test_unknown_address_shows_the_sites_own_not_found_page(client, demo_site):
    response = client.get("/no-such-paper/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert "Skip to main content" in html


def broken_view(request):
    raise RuntimeError("SECRET_DATABASE_PASSWORD leaked in a stack trace")


urlpatterns = [path("broken/", broken_view)]


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_shows_an_apology_and_never_a_stack_trace(client):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "Traceback" not in html
    assert "SECRET_DATABASE_PASSWORD" not in html


def test_health_check_answers_ok(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_sitemap_lists_public_pages(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"/accessibility/" in response.content
