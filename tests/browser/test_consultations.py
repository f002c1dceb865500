"""Consultations in a real browser, one test per page state: open with its form, the form's
error state, closed, with results, and a paper open for comments. Each: axe finds nothing,
every control is reached by keyboard, and nothing scrolls sideways at 320px."""

from members.consultations.models import Response
from tests.browser.test_events import assert_usable_everywhere, sign_in


def test_an_open_consultation_with_its_form_is_usable_by_keyboard_and_at_320px(
    page,
    site_url,
    consultation,
    amira,
):
    sign_in(page, site_url, amira)
    page.goto(site_url + consultation.url)
    assert page.locator("h1").inner_text() == consultation.title
    assert page.get_by_text("Open: we want your views").is_visible()
    assert page.get_by_label("What should the Partnership do first?").is_visible()
    assert_usable_everywhere(page)


def test_the_form_with_errors_is_usable_and_the_answer_is_sent_by_keyboard_alone(
    page,
    site_url,
    consultation,
    amira,
):
    sign_in(page, site_url, amira)
    page.goto(site_url + consultation.url)
    page.get_by_role("button", name="Send my response").click()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert page.get_by_text(
        "Write your answer to “What should the Partnership do first?”"
    ).first.is_visible()
    assert not Response.objects.exists()
    assert_usable_everywhere(page)
    page.set_viewport_size({"width": 1024, "height": 800})
    page.get_by_label("Which area for action matters most to you?").focus()
    page.keyboard.press("ArrowDown")
    page.get_by_label("What should the Partnership do first?").focus()
    page.keyboard.type("More induction for new members.")
    page.get_by_role("button", name="Send my response").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{consultation.url}#respond")
    assert page.get_by_text("Thank you: your response is saved").is_visible()
    assert Response.objects.get().answers[1]["answer"] == "More induction for new members."


def test_a_closed_consultation_is_usable_by_keyboard_and_at_320px(
    page,
    site_url,
    closed_consultation,
):
    page.goto(site_url + closed_consultation.url)
    assert page.get_by_text("Closed.", exact=True).is_visible()
    assert page.get_by_text("no longer takes responses").is_visible()
    assert page.locator("textarea").count() == 0
    assert_usable_everywhere(page)


def test_a_consultation_with_results_is_usable_by_keyboard_and_at_320px(
    page,
    site_url,
    consultation_with_results,
):
    page.goto(site_url + consultation_with_results.url)
    assert page.get_by_role("heading", name="You said, we did").is_visible()
    assert page.get_by_text("The draft update adds each suggestion.").is_visible()
    assert_usable_everywhere(page)


def test_a_paper_open_for_comments_is_usable_by_keyboard_and_at_320px(
    page,
    site_url,
    report_open_for_comments,
    amira,
):
    sign_in(page, site_url, amira)
    page.goto(site_url + report_open_for_comments.url)
    assert page.get_by_text("Open for comments", exact=True).is_visible()
    assert page.get_by_label("Paragraph you comment on (optional)").is_visible()
    assert_usable_everywhere(page)
