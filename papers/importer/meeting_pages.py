"""The field values minutes and agendas become: a minutes page (attendance, one minute per
item whose paragraphs keep their printed numbers, each decision and action as printed inside
the paragraph it follows, the actions arising with their owners and the paragraph they link
to) and a meeting's agenda items (number, title, time, presenter)."""

from .agendas import ParsedAgenda
from .lines import join_paragraphs
from .minutes import MinuteItem, ParsedMinutes

MAX_MINUTE_HEADING = 255


def minutes_fields(minutes: ParsedMinutes) -> dict:
    attendees = [*minutes.present, *(f"{name} (in attendance)" for name in minutes.in_attendance)]
    return {
        "attendees": "\n".join(attendees),
        "apologies": "\n".join(minutes.apologies),
        "minutes": [_minute_block(item) for item in minutes.items],
        "actions_arising": [
            {
                "type": "action",
                "value": {
                    "action": action.text,
                    "owner": action.owner,
                    "due_date": action.due,
                    "minute": action.paragraph,
                },
            }
            for item in minutes.items
            for action in item.actions
        ],
    }


def _minute_block(item: MinuteItem) -> dict:
    """One minute: its paragraphs with their printed numbers (not left in their text), and
    each decision and action as printed ("RESOLVED: That…", "Action: …") inside the numbered
    paragraph it follows, or as a paragraph of its own before the first."""
    parts = sorted(
        [
            *((p.line or 0, p.number, p.text) for p in item.paragraphs),
            *((d.line or 0, None, f"{d.kind}: {d.text}") for d in item.decisions),
            *((a.line or 0, None, f"Action: {a.text}") for a in item.actions),
        ],
        key=lambda part: part[0],
    )
    paragraphs: list[dict] = []
    for _, number, text in parts:
        if number is None and paragraphs and paragraphs[-1]["number"]:
            paragraphs[-1]["text"] = join_paragraphs(paragraphs[-1]["text"], text)
        else:
            paragraphs.append({"number": number or "", "text": text})
    return {
        "type": "minute",
        "value": {
            "number": item.number,
            "heading": item.heading[:MAX_MINUTE_HEADING],
            "text": "",
            "paragraphs": paragraphs,
        },
    }


def agenda_fields(agenda: ParsedAgenda) -> dict:
    return {
        "agenda_items": [
            {
                "number": entry.number,
                "title": entry.title,
                "time": entry.time,
                "presenter": entry.presenter,
            }
            for entry in agenda.items
        ],
        "time": agenda.time,
        "venue": agenda.venue,
    }
