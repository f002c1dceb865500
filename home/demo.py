"""Demo content of the home app: home page, accessibility statement, privacy notice, settings."""

import datetime

from wagtail.models import Page, Site

from .models import AccessibilityStatementPage, HomePage, PartnershipSettings, PrivacyNoticePage
from .site_address import sync_default_site

HOME_INTRODUCTION = (
    "The Kensington and Chelsea Partnership brings together the Council, the NHS, the police, "
    "voluntary and community organisations and residents to steer the borough's Community "
    "Strategy. Read our papers, follow our meetings and join the wider partnership."
)


def load(stdout) -> None:
    home = HomePage.objects.first()
    site = Site.objects.get(is_default_site=True)
    # Full URLs (sitemap, emails) point at WAGTAILADMIN_BASE_URL, which `make run` sets.
    sync_default_site()
    site.refresh_from_db()
    if home and not home.introduction and home.live_revision_id is None:
        home.introduction = HOME_INTRODUCTION
        home.body = [
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Have your say",
                    "text": "Anyone who lives or works in the borough can join the wider "
                    "partnership and get news of new papers by email or by post.",
                    "link_page": None,
                    "link_url": "/join/",
                    "link_text": "Join the wider partnership",
                },
            }
        ]
        home.save_revision().publish()
        stdout.write("Home page written.")

    _settings(site)
    _accessibility_statement(home, stdout)
    _privacy_notice(home, stdout)


def _settings(site) -> None:
    contact = PartnershipSettings.for_site(site)
    if not contact.phone:
        contact.phone = "020 7361 3671"
        contact.address = "The Town Hall\nHornton Street\nLondon W8 7NX"
        contact.save()


def _add_child(parent: Page, page: Page, stdout) -> None:
    parent.add_child(instance=page)
    page.save_revision().publish()
    stdout.write(f"Created {page.title} at {page.url_path}")


def _accessibility_statement(home, stdout) -> None:
    if AccessibilityStatementPage.objects.exists():
        return
    statement = AccessibilityStatementPage(
        title="Accessibility statement",
        slug="accessibility",
        show_in_menus=False,
        introduction=(
            "<p>This website is run by the Kensington and Chelsea Partnership. We want as many "
            "people as possible to be able to use it. You should be able to change colours, "
            "contrast and fonts, zoom in up to 400% without the text spilling off the screen, "
            "navigate the whole site using just a keyboard or speech recognition software, and "
            "listen to the site using a screen reader.</p>"
        ),
        compliance_status="partial",
        compliance_details=(
            "<p>Pages built on this site meet the standard. Some older papers published before "
            "2010 are only available as scanned documents (see below).</p>"
        ),
        non_accessible_content=(
            "<p>Some papers from before 2010 are PDF scans without a text layer. We are "
            "republishing them as web pages, newest first, and aim to finish by March 2027. "
            "Until then you can ask for any of them in another format.</p>"
        ),
        other_formats=(
            "<p>If you need a paper in large print, easy read, audio recording or Braille, "
            "use the “Request this paper in another format” link on the paper, or email "
            '<a href="mailto:kcp@rbkc.gov.uk">kcp@rbkc.gov.uk</a> or call 020 7361 3671. '
            "We will reply within 5 working days.</p>"
        ),
        reporting_problems=(
            "<p>We are always looking to improve the accessibility of this website. If you "
            "find any problems not listed on this page, email "
            '<a href="mailto:kcp@rbkc.gov.uk">kcp@rbkc.gov.uk</a>.</p>'
        ),
        enforcement_procedure=(
            "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing "
            "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
            "Regulations 2018. If you are not happy with how we respond to your complaint, "
            'contact the <a href="https://www.equalityadvisoryservice.com/">Equality Advisory '
            "and Support Service (EASS)</a>.</p>"
        ),
        testing=(
            "<p>Every page type is tested automatically on each change with axe (WCAG 2.2 A "
            "and AA rules), by keyboard, and at a width of 320 pixels. This covers the pages "
            "of the wider partnership: joining (empty, with errors and confirmed), your "
            "membership choices, the page and download of the data we hold about you, and "
            "deleting your membership; and the privacy notice and cookies pages.</p>"
        ),
        date_prepared=datetime.date(2026, 11, 24),
        date_reviewed=datetime.date(2026, 11, 24),
    )
    _add_child(home, statement, stdout)


def _privacy_notice(home, stdout) -> None:
    if PrivacyNoticePage.objects.exists():
        return
    notice = PrivacyNoticePage(
        title="Privacy notice",
        slug="privacy",
        data_controller="The Royal Borough of Kensington and Chelsea, on behalf of the "
        "Kensington and Chelsea Partnership",
        data_controller_address="The Town Hall, Hornton Street, London W8 7NX",
        data_protection_officer="Data Protection Officer, dpo@rbkc.gov.uk",
        body=[
            {"type": "heading", "value": {"text": "What we collect and why", "level": "h2"}},
            {
                "type": "text",
                "value": "<p>When you join the wider partnership we keep your name, how to "
                "reach you (email or postal address) and the subjects you want to hear about, "
                "so that we can send you news of new papers and events. Our lawful basis is "
                "your consent, which you can withdraw at any time.</p>",
            },
            {"type": "heading", "value": {"text": "Your rights", "level": "h2"}},
            {
                "type": "text",
                "value": "<p>You can ask for a copy of your data, ask us to correct it, or "
                "ask us to delete it. You can complain to the Information Commissioner's "
                "Office.</p>",
            },
        ],
        date_reviewed=datetime.date(2026, 11, 24),
    )
    _add_child(home, notice, stdout)
