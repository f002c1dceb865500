"""Outreach in a real browser, one test per page state: the officers' screens empty, with
errors and full, the figures with their chart, the printable poster and letters, and the
join form carrying a code. Each: axe finds nothing, every control is reached by keyboard, and
nothing scrolls sideways at 320px."""

from members.outreach import figures
from members.outreach.campaigns import add_channel
from members.outreach.models import Channel, Contact
from members.outreach.sending import prepare_letters
from tests.browser.test_events import assert_usable_everywhere


def test_the_outreach_screen_empty_states_the_pecr_rule_and_is_usable(officer_page, site_url):
    officer_page.goto(f"{site_url}/outreach/")
    assert officer_page.get_by_text(
        "Email goes only to an organisation's general address"
    ).is_visible()
    assert officer_page.get_by_text("No lists yet.").is_visible()
    assert_usable_everywhere(officer_page)


def test_a_list_with_a_refused_import_names_the_row_saves_nothing_and_is_usable(
    officer_page, site_url, groups_list, tmp_path
):
    bad = tmp_path / "contacts.csv"
    bad.write_text(
        "name,organisation,kind,email,is_corporate_email,postal_address,postcode,source,"
        "lawful_basis,has_consented_to_email\n"
        "Ann Lee,,nonsense,,no,1 High Street,W8 4PX,Form,legitimate_interests,no\n"
    )
    officer_page.goto(f"{site_url}/outreach/lists/{groups_list.pk}/")
    assert officer_page.get_by_text("This list has no entries yet.").is_visible()
    officer_page.get_by_label("CSV file", exact=True).set_input_files(str(bad))
    officer_page.get_by_role("button", name="Import").click()
    assert officer_page.get_by_role("link", name="Row 2: The kind must be one of").is_visible()
    assert not Contact.objects.exists()
    assert_usable_everywhere(officer_page)


def test_a_full_list_is_usable(officer_page, site_url, groups_list, contacts):
    officer_page.goto(f"{site_url}/outreach/lists/{groups_list.pk}/")
    assert officer_page.get_by_role("cell", name="Maria Santos", exact=True).is_visible()
    assert_usable_everywhere(officer_page)


def test_a_new_campaign_with_errors_says_what_to_fix_and_is_usable(officer_page, site_url):
    officer_page.goto(f"{site_url}/outreach/campaigns/new/")
    officer_page.get_by_role("button", name="Start the campaign").click()
    assert officer_page.get_by_role("link", name="Enter a name for the campaign.").is_visible()
    assert_usable_everywhere(officer_page)


def test_a_campaign_with_its_channels_codes_and_sending_is_usable(
    officer_page, site_url, campaign, officer
):
    add_channel(officer, campaign, Channel.Kind.POSTER, "Kensington Central Library")
    officer_page.goto(f"{site_url}/outreach/campaigns/{campaign.pk}/")
    assert officer_page.get_by_role(
        "cell", name="Poster at Kensington Central Library", exact=True
    ).is_visible()
    officer_page.get_by_role("button", name="Send the emails").click()
    assert officer_page.get_by_text("2 emails are on their way.").is_visible()
    assert_usable_everywhere(officer_page)


def test_the_figures_with_their_chart_and_tables_are_usable(
    officer_page, site_url, postal_member, campaign
):
    officer_page.goto(f"{site_url}/outreach/figures/")
    chart = officer_page.get_by_role("img", name="Members joined and left, by month")
    assert chart.is_visible()
    assert officer_page.get_by_role("table", name="Members joined and left, by month").is_visible()
    assert_usable_everywhere(officer_page)


def test_the_figures_with_nothing_counted_yet_are_usable(officer_page, site_url):
    officer_page.goto(f"{site_url}/outreach/figures/")
    assert officer_page.get_by_text("Nobody has joined yet.").is_visible()
    assert_usable_everywhere(officer_page)


def test_the_printable_poster_letters_and_labels_pass_axe(
    officer_page, site_url, campaign, officer
):
    poster = add_channel(officer, campaign, Channel.Kind.POSTER, "Kensington Central Library")
    prepare_letters(officer, campaign)
    officer_page.goto(f"{site_url}/outreach/channels/{poster.pk}/print/")
    assert officer_page.get_by_role("img", name="QR code of the join address").is_visible()
    assert_usable_everywhere(officer_page)
    officer_page.goto(f"{site_url}/outreach/campaigns/{campaign.pk}/letters/")
    assert officer_page.get_by_text("Dear Golborne Community Group,").is_visible()
    assert_usable_everywhere(officer_page)
    officer_page.goto(f"{site_url}/outreach/campaigns/{campaign.pk}/labels/")
    assert officer_page.get_by_role("list", name="Sheet 1").is_visible()
    assert_usable_everywhere(officer_page)


def test_the_join_form_reached_through_a_code_shows_it_and_is_usable(
    page, site_url, campaign, officer, interests
):
    flyer = add_channel(officer, campaign, Channel.Kind.FLYER, "Chelsea Library")
    figures.count_members()
    page.goto(f"{site_url}/j/{flyer.code}")
    assert page.get_by_label("Where did you hear about us? (optional)").input_value() == flyer.code
    assert_usable_everywhere(page)
