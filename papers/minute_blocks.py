"""Minutes blocks: one minute per item, its paragraphs each with the number the minutes print
("13.1", "12(a)") as its visible number and its anchor, and the actions arising, each linked
to the minute it was agreed under.

raw data::

    minutes:          [{"type": "minute", "value": {"number", "heading", "text",
                        "paragraphs": [{"number", "text"}]}}]
    actions arising:  [{"type": "action", "value": {"action", "owner", "due_date", "minute"}}]

A paragraph printed with a bare marker ("(a)") is anchored under its item ("para-12-a"), so two
items can each have an "(a)"; "12(a)" printed in full gets the same anchor.
"""

from django.utils.functional import cached_property
from wagtail import blocks

from .numbering import anchor_for

MINUTE_NUMBER_HELP = (
    "Leave blank to have it numbered for you. Numbers are fixed once the paper is published."
)


def minute_anchor(item_number: str, paragraph_number: str) -> str:
    """ "13.1" -> "para-13-1"; "(a)" under item 12 -> "para-12-a", as "12(a)" would be."""
    number = paragraph_number.strip()
    if number.startswith("(") and item_number:
        number = f"{item_number}{number}"
    return anchor_for(number)


class MinuteValue(blocks.StructValue):
    @property
    def anchor(self) -> str:
        return anchor_for(self.get("number") or "")

    @cached_property
    def numbered_paragraphs(self) -> list[dict]:
        """[{number, text, anchor}]: an unnumbered paragraph has no anchor, and a paragraph
        never takes its item's own anchor."""
        item = (self.get("number") or "").strip()
        rows = []
        for paragraph in self.get("paragraphs") or []:
            number = (paragraph.get("number") or "").strip()
            anchor = minute_anchor(item, number) if number else ""
            rows.append(
                {
                    "number": number,
                    "text": paragraph.get("text") or "",
                    "anchor": "" if anchor == self.anchor else anchor,
                }
            )
        return rows


class MinuteParagraphBlock(blocks.StructBlock):
    number = blocks.CharBlock(
        required=False, max_length=20, help_text="As printed, e.g. 13.1 or 12(a). May be blank."
    )
    text = blocks.TextBlock(help_text="The paragraph as written. Line breaks are kept.")

    class Meta:
        icon = "pilcrow"
        label = "Paragraph"


class MinuteItemBlock(blocks.StructBlock):
    number = blocks.CharBlock(required=False, max_length=20, help_text=MINUTE_NUMBER_HELP)
    heading = blocks.CharBlock(max_length=255)
    text = blocks.TextBlock(
        required=False,
        help_text="What was discussed and agreed, if not in numbered paragraphs. Line breaks "
        "are kept.",
    )
    paragraphs = blocks.ListBlock(
        MinuteParagraphBlock(),
        default=[],
        min_num=0,
        help_text="The minute's paragraphs with the numbers the minutes print.",
    )

    class Meta:
        icon = "doc-full"
        label = "Minute"
        template = "papers/blocks/minute_item.html"
        value_class = MinuteValue


class MinutesBodyBlock(blocks.StreamBlock):
    minute = MinuteItemBlock()


class ActionArisingValue(blocks.StructValue):
    @property
    def minute_anchor(self) -> str:
        return anchor_for(self.get("minute") or "")


class ActionArisingBlock(blocks.StructBlock):
    action = blocks.TextBlock()
    owner = blocks.CharBlock(max_length=255, help_text="Who will do it.")
    due_date = blocks.CharBlock(required=False, max_length=255, help_text="As agreed.")
    minute = blocks.CharBlock(
        required=False,
        max_length=20,
        help_text="The number of the minute or paragraph it was agreed under, e.g. 13.2; "
        "the action links there.",
    )

    class Meta:
        icon = "tick"
        label = "Action"
        template = "papers/blocks/action_arising.html"
        value_class = ActionArisingValue


class ActionsArisingBlock(blocks.StreamBlock):
    action = ActionArisingBlock()
