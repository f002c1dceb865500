"""The raw StreamField data of the blocks a paper prints beyond paragraphs: a data table and a
list whose items keep their printed markers (papers.printed_blocks)."""

from .parsed import ActionPlanSection, BodyItem


def printed_block(item: BodyItem) -> dict:
    if item.kind == "table":
        table = item.table
        return {
            "type": "table",
            "value": {
                "caption": table.caption,
                "header": list(table.header),
                "rows": [{"cells": list(row)} for row in table.rows],
            },
        }
    return {
        "type": "marked_list",
        "value": {
            "parent": item.parent,
            "items": [{"number": bullet.number, "text": bullet.text} for bullet in item.bullets],
        },
    }


def printed_plan_block(section: ActionPlanSection, key: dict[str, str]) -> dict:
    """An action plan section kept column by column, its statuses as printed with the key."""
    return {
        "type": "printed_section",
        "value": {
            "number": section.number,
            "heading": section.heading,
            "columns": list(section.columns),
            "fields": list(section.fields),
            "status_key": "\n".join(f"{code} = {meaning}" for code, meaning in key.items()),
            "rows": [{"cells": list(row)} for row in section.printed_rows],
        },
    }
