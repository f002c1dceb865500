"""Events in a real browser, one test per page state: the listing, an event page, the
registration form (empty, with errors, full with the waiting-list offer) and the check-in
screen on a phone. Each: axe finds nothing, every control is reached by keyboard, and
nothing scrolls sideways at 320px."""

from members.events.models import Registration
from tests.browser.accessibility import (
    assert_usable_everywhere,
)
from tests.browser.signing_in import sign_in


def test_events_list_is_accessible_by_keyboard_and_at_320px(page, site_url, workshop):
    page.goto(f"{site_url}/events/")
    assert page.locator("h1").inner_text() == "Events"
    assert page.get_by_role("link", name="Community Strategy workshop").is_visible()
    assert_usable_everywhere(page)


def test_event_page_is_accessible_by_keyboard_and_at_320px(page, site_url, workshop):
    page.goto(f"{site_url}/events/community-strategy-workshop/")
    assert page.locator("h1").inner_text() == "Community Strategy workshop"
    assert page.get_by_text("The accessible entrance is on Phillimore Walk.").is_visible()
    assert_usable_everywhere(page)


def test_empty_registration_form_is_accessible_by_keyboard_and_at_320px(
    page,
    site_url,
    workshop,
):
    page.goto(f"{site_url}/events/community-strategy-workshop/register/")
    assert page.get_by_label("Your name").is_visible()
    assert page.get_by_label("Which workshop").is_visible()
    assert_usable_everywhere(page)


def test_registration_form_with_errors_is_accessible_by_keyboard_and_at_320px(
    page,
    site_url,
    workshop,
):
    page.goto(f"{site_url}/events/community-strategy-workshop/register/")
    page.get_by_label("Dietary needs (optional)").fill("Vegan")
    page.get_by_role("button", name="Register").click()
    assert page.get_by_role("alert").get_by_text("There is a problem").is_visible()
    assert page.get_by_text("Enter your name, as it should appear").first.is_visible()
    assert page.get_by_label("Dietary needs (optional)").input_value() == "Vegan"
    assert_usable_everywhere(page)
    assert not Registration.objects.exists()


def test_full_event_form_offers_the_waiting_list_accessibly_by_keyboard_and_at_320px(
    page,
    site_url,
    full_workshop,
):
    page.goto(f"{site_url}/events/community-strategy-workshop/register/")
    assert page.locator("h1").inner_text().startswith("Join the waiting list")
    assert page.get_by_role("button", name="Join the waiting list").is_visible()
    assert_usable_everywhere(page)
    # and the keyboard alone joins it
    page.get_by_label("Your name").focus()
    page.keyboard.type("Keyboard User")
    page.keyboard.press("Tab")
    page.keyboard.type("keys@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Residents' Association")
    page.get_by_label("Which workshop").select_option("Health")
    page.get_by_role("button", name="Join the waiting list").press("Enter")
    assert page.get_by_text("You are number 3 on the waiting list.", exact=True).is_visible()
    assert Registration.objects.get(email="keys@example.org").status == "waiting"


def test_check_in_on_a_phone_is_accessible_and_takes_one_tap(
    browser,
    site_url,
    forum_lead_officer,
    full_workshop,
):
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True)
    page = context.new_page()
    sign_in(page, site_url, forum_lead_officer)
    page.goto(f"{site_url}/events/manage/{full_workshop.pk}/check-in/")
    page.get_by_label("Name").fill("Person 3")
    page.get_by_role("button", name="Find").tap()
    page.wait_for_url("**/check-in/?q=Person+3")
    assert_usable_everywhere(page)
    page.get_by_role("button", name="Check in Person 3").tap()
    page.get_by_role("status").filter(has_text="1 of 5 checked in.").wait_for()
    assert page.get_by_text("Person 3 is checked in.").is_visible()
    assert page.get_by_text("1 of 5 checked in.").is_visible()
    assert Registration.objects.get(name="Person 3").checked_in_at is not None
    context.close()
