"""The field values minutes and agendas become: a minutes page (attendance, one minute per
item with its decisions and actions as printed, the actions arising with their owners) and a
meeting's agenda items (number, title, time, presenter)."""

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
                "value": {"action": action.text, "owner": action.owner, "due_date": action.due},
            }
            for item in minutes.items
            for action in item.actions
        ],
    }


def _minute_block(item: MinuteItem) -> dict:
    """One minute: its paragraphs with their printed numbers, then what was decided and the
    actions, each as printed ("RESOLVED: That…", "Action: …"), in the order printed."""
    parts = sorted(
        [
            *((None, f"{p.number} {p.text}".strip()) for p in item.paragraphs),
            *((d.line, f"{d.kind}: {d.text}") for d in item.decisions),
            *((a.line, f"Action: {a.text}") for a in item.actions),
        ],
        key=lambda part: part[0] or 0,
    )
    text = ""
    for _, part in parts:
        text = join_paragraphs(text, part)
    return {
        "type": "minute",
        "value": {
            "number": item.number,
            "heading": item.heading[:MAX_MINUTE_HEADING],
            "text": text,
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
