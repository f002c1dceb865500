"""Paragraph numbers: filled in for editors, kept as printed, and frozen once published so
that citations and anchors never move."""

import pytest

from papers.numbering import (
    anchor_for,
    next_number,
    number_report,
    number_sequence,
    report_duplicate_numbers,
)
from tests.fixtures.papers import paragraph, publish, report_body, section


def numbers(sections) -> list[str]:
    found = []
    for block in sections:
        found.append(block["value"]["number"])
        for item in block["value"]["content"]:
            if "number" in item["value"]:
                found.append(item["value"]["number"])
    return found


def with_ids(sections):
    """Give every block an id, as StreamField raw data has."""
    for s_index, block in enumerate(sections):
        block["id"] = f"s{s_index}"
        for i_index, item in enumerate(block["value"]["content"]):
            item["id"] = f"s{s_index}-{i_index}"
    return sections


def test_blank_numbers_are_filled_in_sections_paragraphs_and_sub_paragraphs():
    result = number_report(report_body(2), frozen=False)
    assert numbers(result.blocks) == ["1", "1.1", "2", "2.1", "2.2", "2.2.1", "2.2.2"]


def test_labels_unnumbered_text_and_bullets_are_skipped():
    result = number_report(report_body(1), frozen=False)
    kinds_without_numbers = [
        item["type"]
        for item in result.blocks[1]["value"]["content"]
        if "number" not in item["value"]
    ]
    assert kinds_without_numbers == ["text", "label", "bullets"]


def test_printed_numbers_are_kept_with_their_gaps():
    body = [
        section("Background", [paragraph("a", "1.1"), paragraph("b", "1.3")], number="1"),
        section("Later", [paragraph("c", "4.2")], number="4"),
    ]
    assert numbers(number_report(body, frozen=True).blocks) == ["1", "1.1", "1.3", "4", "4.2"]


def test_a_paragraph_inserted_into_a_published_paper_takes_a_letter_and_renumbers_nothing():
    body = [
        section("Priorities", [paragraph("a", "2.1"), paragraph("new"), paragraph("b", "2.2")], "2")
    ]
    first = number_report(body, frozen=True).blocks
    assert numbers(first) == ["2", "2.1", "2.1a", "2.2"]
    first[0]["value"]["content"].insert(2, paragraph("newer"))
    assert numbers(number_report(first, frozen=True).blocks) == ["2", "2.1", "2.1a", "2.1b", "2.2"]


def test_before_publishing_an_inserted_paragraph_renumbers_the_automatic_numbers_after_it():
    body = with_ids([section("Priorities", [paragraph("a"), paragraph("b")])])
    first = number_report(body, frozen=False)
    assert numbers(first.blocks) == ["1", "1.1", "1.2"]
    edited = first.blocks
    edited[0]["value"]["content"].insert(0, {**paragraph("inserted first"), "id": "new"})
    second = number_report(edited, frozen=False, auto_numbers=first.auto_numbers)
    texts = [
        (i["value"]["number"], i["value"]["text"]) for i in second.blocks[0]["value"]["content"]
    ]
    assert texts == [("1.1", "inserted first"), ("1.2", "a"), ("1.3", "b")]


def test_a_number_the_editor_changed_by_hand_is_kept_before_publishing():
    body = with_ids([section("Priorities", [paragraph("a"), paragraph("b")])])
    first = number_report(body, frozen=False)
    first.blocks[0]["value"]["content"][1]["value"]["number"] = "1.5"
    second = number_report(first.blocks, frozen=False, auto_numbers=first.auto_numbers)
    assert numbers(second.blocks) == ["1", "1.1", "1.5"]


def test_a_printed_paragraph_at_the_upper_level_ends_a_subheadings_run():
    body = [
        section(
            "Priorities",
            [
                {"type": "subheading", "value": {"number": "2.2", "text": "Role"}},
                paragraph("under it"),
                paragraph("back up", "2.3"),
                paragraph("after"),
            ],
            "2",
        )
    ]
    assert numbers(number_report(body, frozen=True).blocks) == ["2", "2.2", "2.2.1", "2.3", "2.4"]


@pytest.mark.parametrize(
    ("previous", "scope", "taken", "expected"),
    [
        (None, "2", set(), "2.1"),
        (None, "", set(), "1"),
        ("2.1", "2", {"2.1", "2.2"}, "2.1a"),
        ("2.1a", "2", {"2.1", "2.1a", "2.2"}, "2.1b"),
        ("2.9", "2", {"2.9"}, "2.10"),
        (None, "2", {"2.1"}, "2.0"),
        ("(iv)", "2", {"(iv)"}, "(iv)a"),
    ],
)
def test_next_number_never_clashes(previous, scope, taken, expected):
    assert next_number(previous, scope, taken) == expected


def test_anchors_are_built_from_numbers():
    assert anchor_for("2.2.1") == "para-2-2-1"
    assert anchor_for("2.1a") == "para-2-1a"
    assert anchor_for("3", prefix="section") == "section-3"


def test_duplicate_numbers_are_reported_by_number():
    body = [section("A", [paragraph("a", "1.1"), paragraph("b", "1.1")], "1")]
    assert report_duplicate_numbers(body) == ["1.1"]


def test_a_flat_sequence_is_numbered_one_two_three_around_printed_numbers():
    blocks = [{"type": "minute", "value": {"number": n}} for n in ["", "", "5", ""]]
    assert [b["value"]["number"] for b in number_sequence(blocks, frozen=True).blocks] == [
        "1",
        "2",
        "5",
        "6",
    ]


# --- On real pages ------------------------------------------------------------------------


def paragraph_texts(page) -> dict[str, str]:
    return {
        item.value["number"]: item.value["text"]
        for block in page.body
        for item in block.value["content"]
        if item.block_type == "paragraph"
    }


@pytest.mark.django_db
def test_publishing_then_inserting_a_paragraph_keeps_every_earlier_anchor_on_its_text(
    client, meeting
):
    from papers.models import ReportPage

    report = publish(meeting, ReportPage(title="Review", slug="review", body=report_body(2)))
    before = paragraph_texts(report)
    assert before["2.2.1"] == "Action paragraph 1."

    draft = report.get_latest_revision_as_object()
    body = draft.body.raw_data
    content = body[1]["value"]["content"]
    first_action = next(
        i for i, item in enumerate(content) if item["value"].get("text") == "Action paragraph 1."
    )
    content.insert(first_action + 1, paragraph("A paragraph added after publishing."))
    draft.body = list(body)
    draft.save_revision().publish()

    report = ReportPage.objects.get(pk=report.pk)
    after = paragraph_texts(report)
    for number, text in before.items():
        assert after[number] == text
    assert after["2.2.1a"] == "A paragraph added after publishing."
    html = client.get(report.url).content.decode()
    assert 'id="para-2-2-2"' in html
    assert (
        html.index("Action paragraph 1.")
        < html.index('id="para-2-2-1a"')
        < html.index("Action paragraph 2.")
    )


@pytest.mark.django_db
def test_a_draft_that_was_never_published_is_renumbered_when_a_paragraph_is_inserted(meeting):
    from papers.models import ReportPage

    report = ReportPage(title="Draft review", slug="draft-review", body=report_body(2), live=False)
    meeting.add_child(instance=report)
    report.save_revision()
    draft = report.get_latest_revision_as_object()
    body = draft.body.raw_data
    body[0]["value"]["content"].insert(0, paragraph("A new opening paragraph."))
    draft.body = list(body)
    draft.save_revision()

    texts = paragraph_texts(ReportPage.objects.get(pk=report.pk).get_latest_revision_as_object())
    assert texts["1.1"] == "A new opening paragraph."
    assert texts["1.2"] == "This report outlines the actions."


@pytest.mark.django_db
def test_two_paragraphs_with_the_same_number_are_refused_naming_the_number(meeting):
    from django.core.exceptions import ValidationError

    from papers.models import ReportPage

    body = [section("Background", [paragraph("a", "1.1"), paragraph("b", "1.1")], "1")]
    with pytest.raises(ValidationError) as refused:
        publish(meeting, ReportPage(title="Clash", slug="clash", body=body))
    assert "Paragraph number 1.1 used more than once" in str(refused.value)
