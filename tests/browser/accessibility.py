"""Checks only a browser can make: axe-core's WCAG 2.2 A/AA rules, reflow at 320px,
keyboard reach and visible focus."""

import re
from functools import cache
from pathlib import Path

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), "
    "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)


@cache
def axe_source() -> str:
    if not AXE_PATH.exists():
        raise RuntimeError(
            f"axe-core is not installed at {AXE_PATH}: run `npm ci` (make test does)."
        )
    return AXE_PATH.read_text()


def assert_accessible(page, context: str | dict | None = None) -> None:
    """axe reports no WCAG 2.2 A/AA violation on the page as it is now; with `context` (a CSS
    selector, or an axe context such as {"include": [...], "exclude": [...]}), only within
    that part of the page. Use it only for admin chrome we cannot change, and say why."""
    # Evaluated rather than added as a script tag, so a strict Content-Security-Policy holds.
    page.evaluate(axe_source())
    result = page.evaluate(
        """async ([tags, context]) => await axe.run(
            context || document,
            {runOnly: {type: 'tag', values: tags}})""",
        [WCAG_TAGS, context],
    )
    violations = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]
    assert not violations, f"axe found violations on {page.url}:\n" + "\n".join(violations)


def assert_no_horizontal_scroll(page, width: int = 320) -> None:
    """At 320 CSS pixels wide the page reflows: nothing makes it scroll sideways (WCAG 1.4.10)."""
    page.set_viewport_size({"width": width, "height": 800})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width}px wide at a {width}px viewport"


def wait_for_animations(page) -> None:
    """Waits until every running animation has finished (a message fading in, say), so axe
    measures colours as they end up, not halfway."""
    page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished))")


def assert_usable_everywhere(page) -> None:
    """The page passes axe, works by keyboard, reflows at 320px and still passes axe reflowed;
    then it is put back at the size it had, for the steps that follow."""
    size = page.viewport_size
    assert_accessible(page)
    assert_keyboard_usable(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    if size:
        page.set_viewport_size(size)


def focusable_elements(page) -> list[str]:
    """Elements Tab should reach: shown on the page (not display:none, not visibility:hidden
    as in a closed menu, which browsers skip too), and the skip link."""
    return page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
            .filter(el => el.checkVisibility({visibilityProperty: true})
                || el.classList.contains('skip-link'))
            .map(el => el.outerHTML.slice(0, 120))""",
        FOCUSABLE,
    )


def focus_top_of_page(page) -> None:
    """Put the keyboard's starting point before the first element, as on a fresh page load."""
    page.evaluate(
        """() => {
            const marker = document.createElement('span');
            marker.tabIndex = -1;
            document.body.prepend(marker);
            marker.focus();
            marker.addEventListener('blur', () => marker.remove(), {once: true});
        }"""
    )


def tab_through(page, limit: int = 200) -> list[dict]:
    """Press Tab until focus returns to the start; report each stop and whether it showed focus."""
    stops = []
    focus_top_of_page(page)
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(
            """() => {
                let el = document.activeElement;
                if (!el || el === document.body) return null;
                // Into shadow roots (Wagtail's user bar): the focused control is inside.
                while (el.shadowRoot && el.shadowRoot.activeElement) {
                    el = el.shadowRoot.activeElement;
                }
                const style = getComputedStyle(el);
                const outlined = style.outlineStyle !== 'none'
                    && parseFloat(style.outlineWidth) > 0;
                const visible = outlined || style.boxShadow !== 'none';
                return {html: el.outerHTML.slice(0, 120), focus_visible: visible};
            }"""
        )
        if stop is None or (stops and stop["html"] == stops[0]["html"]):
            break
        stops.append(stop)
    return stops


RADIO_NAME = re.compile(r'<input type="radio" name="([^"]+)"')


def _radio_group(html: str) -> str | None:
    match = RADIO_NAME.match(html)
    return match.group(1) if match else None


def assert_keyboard_usable(page) -> None:
    """Every interactive element is reached by Tab, and each shows where focus is. A group of
    radio buttons is one Tab stop, as browsers make it (the arrow keys move within it).

    What must be reached is read before tabbing, from the page at rest: a pop-up that focus
    itself opens (the Wagtail admin's date picker, a mouse aid beside a date field that takes
    typed dates) may still be closing when Tab comes back round, and is not part of the page."""
    expected = focusable_elements(page)
    stops = tab_through(page)
    reached = {stop["html"] for stop in stops}
    reached_groups = {_radio_group(html) for html in reached} - {None}
    missed = [
        html
        for html in expected
        if html not in reached and _radio_group(html) not in reached_groups
    ]
    assert not missed, f"Not reachable by keyboard on {page.url}: {missed}"
    invisible = [stop["html"] for stop in stops if not stop["focus_visible"]]
    assert not invisible, f"No visible focus on {page.url}: {invisible}"


def assert_skip_link_moves_focus_to_main(page) -> None:
    focus_top_of_page(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
