"""Report blocks for what a paper prints beyond paragraphs: data tables, and lists whose items
carry their printed markers ("(a)", "(iv)"). Each marked item is an anchor qualified by the
paragraph it belongs to ("para-B1-a"), so two paragraphs can each have an "(a)" and any
printed marker can be cited."""

import re

from django.utils.functional import cached_property
from wagtail import blocks

from .importer.dates import parse_due_date
from .numbering import anchor_for

CAPTION_NUMBER = re.compile(r"^(?:table|figure|chart)\s+(?P<number>[\dA-Z]{1,3})\b", re.I)


class TableValue(blocks.StructValue):
    @property
    def anchor(self) -> str:
        """ "Table 2: Calls…" -> "table-2", so a printed table number can be cited."""
        printed = CAPTION_NUMBER.match(self.get("caption") or "")
        return anchor_for(printed.group("number"), prefix="table") if printed else ""

    @cached_property
    def body_rows(self) -> list[list[str]]:
        """Each row as a list of cells, padded to the header's width."""
        width = len(self.get("header") or [])
        rows = [list((row or {}).get("cells") or []) for row in self.get("rows") or []]
        return [row + [""] * (width - len(row)) for row in rows]


class TableRowBlock(blocks.StructBlock):
    cells = blocks.ListBlock(blocks.CharBlock(required=False, max_length=500, label="Cell"))

    class Meta:
        icon = "table"
        label = "Row"


class DataTableBlock(blocks.StructBlock):
    """raw: {"caption", "header": [labels], "rows": [{"cells": [values]}]}"""

    caption = blocks.CharBlock(required=False, max_length=255, help_text="As printed, if any.")
    header = blocks.ListBlock(blocks.CharBlock(max_length=255, label="Column heading"))
    rows = blocks.ListBlock(TableRowBlock())

    class Meta:
        icon = "table"
        label = "Table"
        template = "papers/blocks/data_table.html"
        value_class = TableValue
        preview_value = {
            "caption": "Table 1: Calls answered in time",
            "header": ["Quarter", "Emergency"],
            "rows": [{"cells": ["Oct-Dec 2017", "92%"]}],
        }


class MarkedListValue(blocks.StructValue):
    @cached_property
    def marked_items(self) -> list[dict]:
        """[{number, text, anchor}], each anchor qualified by the list's paragraph."""
        parent = (self.get("parent") or "").strip()
        return [
            {
                "number": item.get("number", ""),
                "text": item.get("text", ""),
                "anchor": anchor_for(f"{parent}-{item.get('number', '').strip('()')}"),
            }
            for item in self.get("items") or []
        ]


class MarkedItemBlock(blocks.StructBlock):
    number = blocks.CharBlock(max_length=20, help_text="As printed, e.g. (a) or (iv).")
    text = blocks.TextBlock()

    class Meta:
        icon = "list-ol"
        label = "Item"


class MarkedListBlock(blocks.StructBlock):
    """raw: {"parent": "B1", "items": [{"number": "(a)", "text"}]}"""

    parent = blocks.CharBlock(
        required=False,
        max_length=20,
        help_text="The number of the paragraph the list belongs to; it prefixes each item's link.",
    )
    items = blocks.ListBlock(MarkedItemBlock())

    class Meta:
        icon = "list-ol"
        label = "Lettered or numbered list"
        template = "papers/blocks/marked_list.html"
        value_class = MarkedListValue
        preview_value = {"parent": "2.1", "items": [{"number": "(a)", "text": "later opening"}]}


class PrintedPlanSectionValue(blocks.StructValue):
    @property
    def anchor(self) -> str:
        return anchor_for(self.get("number") or "", prefix="section")

    @cached_property
    def key(self) -> dict[str, str]:
        """The status key as printed: {"G": "on track", …}."""
        lines = (self.get("status_key") or "").splitlines()
        pairs = (line.split("=", 1) for line in lines if "=" in line)
        return {code.strip(): meaning.strip() for code, meaning in pairs}

    def table_rows(self, today) -> list[dict]:
        """Each row's cells with their column headings; a status as printed with its meaning
        from the key; the site's own "overdue" only where the paper prints no status."""
        columns = list(self.get("columns") or [])
        fields = list(self.get("fields") or [])
        fields += [""] * (len(columns) - len(fields))
        prints_status = "status" in fields
        rows = []
        for row in self.get("rows") or []:
            cells = list((row or {}).get("cells") or [])
            cells += [""] * (len(columns) - len(cells))
            due = cells[fields.index("due_date")] if "due_date" in fields else ""
            due_on = parse_due_date(due) if due and not prints_status else None
            rows.append(
                {
                    "cells": [
                        {
                            "label": label,
                            "text": text,
                            "is_status": field == "status",
                            "meaning": self.key.get(text.strip(), "") if field == "status" else "",
                        }
                        for label, field, text in zip(columns, fields, cells, strict=False)
                    ],
                    "is_overdue": bool(today and due_on and due_on < today),
                }
            )
        return rows


class PrintedPlanRowBlock(blocks.StructBlock):
    cells = blocks.ListBlock(blocks.TextBlock(required=False, label="Cell"))

    class Meta:
        icon = "table"
        label = "Row"


class PrintedPlanSectionBlock(blocks.StructBlock):
    """An action plan section kept column by column as the paper printed it.
    raw: {"number", "heading", "columns": [labels], "fields": [action-plan field or "" per
    column], "status_key": "G = on track\\n…", "rows": [{"cells": [values]}]}"""

    number = blocks.CharBlock(required=False, max_length=20)
    heading = blocks.CharBlock(max_length=255)
    columns = blocks.ListBlock(blocks.CharBlock(max_length=120, label="Column heading"))
    fields = blocks.ListBlock(
        blocks.CharBlock(required=False, max_length=40, label="Action-plan field"),
        help_text="For each column: planned_action, current_situation, lead, due_date, status, "
        "or blank for a column of the paper's own.",
    )
    status_key = blocks.TextBlock(
        required=False, help_text="The key to the statuses as printed, one “G = on track” a line."
    )
    rows = blocks.ListBlock(PrintedPlanRowBlock())

    class Meta:
        icon = "table"
        label = "Action plan section, columns as printed"
        template = "papers/blocks/printed_plan_section.html"
        value_class = PrintedPlanSectionValue
