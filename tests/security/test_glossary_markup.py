"""Defect 1 of issue 12: a lead officer's glossary entry must never become markup. One
entry's expansion used to land inside another entry's `title` attribute and run script when
an officer previewed the draft."""

import pytest

from papers.models import ActionPlanPage
from tests.security.markup import injected_markup

pytestmark = pytest.mark.django_db

HOSTILE_EXPANSION = "x autofocus tabindex=0 onfocus=alert(document.domain) y"


def glossary(*entries):
    return [{"type": "entry", "value": {"acronym": a, "expansion": e}} for a, e in entries]


def plan_with_row(text):
    return [
        {
            "type": "section",
            "value": {
                "number": "",
                "heading": "Strategic",
                "columns": ["Planned action", "Current situation", "Lead", "Due date"],
                "rows": [
                    {
                        "planned_action": text,
                        "current_situation": "",
                        "lead": "KCP",
                        "due_date": "",
                        "rag": "",
                        "due_on": None,
                    }
                ],
            },
        }
    ]


@pytest.fixture
def hostile_draft(action_plan):
    """The attack: KCP expands to "foo bar", foo to attributes, a row mentions KCP."""
    page = ActionPlanPage.objects.get(pk=action_plan.pk)
    page.glossary = glossary(("KCP", "foo bar"), ("foo", HOSTILE_EXPANSION))
    page.sections = plan_with_row("KCP leads this")
    page.save_revision()
    return page


def test_a_glossary_expansion_never_lands_inside_another_entrys_title_when_previewed(
    hostile_draft, officer_client
):
    response = officer_client.get(f"/admin/pages/{hostile_draft.pk}/view_draft/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<abbr title="foo bar">KCP</abbr> leads this' in html
    assert injected_markup(html) == []


def test_a_glossary_expansion_with_quotes_and_tags_is_escaped_on_the_published_page(
    action_plan, client
):
    page = ActionPlanPage.objects.get(pk=action_plan.pk)
    page.glossary = glossary(("KCP", '"><script>alert(1)</script>'), ("CS", "x onfocus=alert(1)"))
    page.sections = plan_with_row("KCP and CS & partners")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert injected_markup(html) == []
    assert '<abbr title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">KCP</abbr>' in html
    assert '<abbr title="x onfocus=alert(1)">CS</abbr> &amp; partners' in html
