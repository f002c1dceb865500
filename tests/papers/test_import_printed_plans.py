"""Action plans with columns of their own: known columns map to the action-plan fields, the
others are kept in the paper's order, a printed status is shown as printed with its key, and
the site's own "overdue" appears only where the paper printed no status, labelled as the
site's."""

import json

import pytest
from lxml import html as lxml_html

from papers.importer import parse_paper
from papers.services import import_paper
from tests.papers.test_import_structure import STRUCTURED

pytestmark = pytest.mark.django_db

NAME = "2021-03-10-healthy-lives-action-plan-rag.txt"
EXPECTED = json.loads((STRUCTURED / "expected.json").read_text(encoding="utf-8"))[NAME]
NO_STATUS = (
    "KENSINGTON AND CHELSEA PARTNERSHIP\nSteering Group - 10 March 2021\n\n"
    "WARM HOMES ACTION PLAN 2020-21\n\nFor information\n\n1. Insulation\n"
    "Action\tLead\tPartners\tDue date\n"
    "Loft insulation for 200 homes\tHousing\tEnergy Trust\tMarch 2020\n"
    "Boiler checks\tHousing\tGas Safe\tMarch 2099\n"
)


def test_known_columns_map_to_fields_and_the_others_are_kept_in_order():
    plan = parse_paper((STRUCTURED / NAME).read_text(encoding="utf-8"))
    assert plan.kind == "action_plan"
    assert plan.status_key == EXPECTED["status_key"]
    assert {key: getattr(plan.contact, key) for key in EXPECTED["contacts"][0]} == EXPECTED[
        "contacts"
    ][0]
    sections = []
    for section in plan.sections:
        fields = dict(zip(section.columns, section.fields, strict=True))
        rows = []
        for row, cells in zip(section.rows, section.printed_rows, strict=True):
            by_field = dict(zip(section.fields, cells, strict=True))
            rows.append(
                {
                    "planned_action": row.planned_action,
                    "lead": row.lead,
                    "due_date": row.due_date,
                    "status": by_field["status"],
                    "extra": [c for f, c in zip(section.fields, cells, strict=True) if not f],
                }
            )
        sections.append(
            {
                "number": section.number,
                "heading": section.heading,
                "columns": section.columns,
                "mapped": {label: field for label, field in fields.items() if field},
                "extra_columns": [label for label, field in fields.items() if not field],
                "rows": rows,
            }
        )
    assert sections == EXPECTED["sections"]
    assert not [warning for warning in plan.warnings if warning.is_unplaced]


def rendered_plan(client, group, source) -> lxml_html.HtmlElement:
    result = import_paper(source, group=group, source_name="plan.txt")
    result.page.get_latest_revision().publish()
    result.page.refresh_from_db()
    return lxml_html.fromstring(client.get(result.page.url).content.decode())


def test_printed_statuses_show_as_printed_with_their_key_and_never_the_sites_overdue(
    client, steering_group
):
    page = rendered_plan(client, steering_group, STRUCTURED / NAME)
    table = page.xpath('//section[@id="section-1"]//table')[0]
    assert [th.text_content() for th in table.xpath("thead/tr/th")] == EXPECTED["sections"][0][
        "columns"
    ]
    statuses = [" ".join(td.text_content().split()) for td in table.xpath("tbody/tr/td[7]")]
    assert statuses == ["C (complete)", "A (some delay)"]
    key = " ".join(page.xpath('string(//section[@id="section-1"]//p[@class="plan-key"])').split())
    assert key.startswith("Key to the status, as printed: G on track; A some delay")
    assert "Overdue" not in page.text_content()
    assert "Ruth Adeyemi" in page.text_content()


def test_the_sites_overdue_is_shown_only_without_a_printed_status_and_says_it_is_the_sites(
    client, steering_group
):
    page = rendered_plan(client, steering_group, NO_STATUS)
    rows = page.xpath("//table/tbody/tr")
    assert [row.get("class") for row in rows] == ["is-overdue", None]
    late = " ".join(rows[0].text_content().split())
    assert "Overdue (the site's reckoning from the due date: the paper printed no status)" in late
    assert [td.text_content() for td in rows[1].xpath("td")][:3] == [
        "Boiler checks",
        "Housing",
        "Gas Safe",
    ]
