"""The raw StreamField data of the blocks a paper prints beyond paragraphs: a data table and a
list whose items keep their printed markers (papers.printed_blocks)."""

from .parsed import BodyItem


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
