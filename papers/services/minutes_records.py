"""The decisions and actions of imported minutes, handed to the meeting cycle
(`papers.governance`) as the meeting's own records, in the import's transaction: each
decision with its outcome, its minute paragraph and the agenda item it is on (matched by
title, tolerantly, as an agenda's links are); each action with its owner as printed, its due
date where printed and its paragraph."""

from wagtail.models import Page

from ..exceptions import ImportNotAllowed
from ..governance.exceptions import NotAllowed
from ..governance.models import Outcome
from ..governance.paragraphs import numbers_of
from ..governance.services import MinutedAction, MinutedDecision, record_from_minutes
from ..importer.dates import parse_due_date
from ..importer.minutes import ParsedMinutes, decisions_and_actions
from ..importer.title_matching import best_title_match
from ..models import AgendaItem

OUTCOMES = {"RESOLVED": Outcome.APPROVED, "AGREED": Outcome.APPROVED, "NOTED": Outcome.NOTED}


def record_minuted(*, by, minutes: Page, parsed: ParsedMinutes):
    """Record what `parsed` decided and agreed at the meeting `minutes` (the page as just
    saved, or its latest draft) belongs to. A paragraph number the page does not hold (a
    bare "(a)" cited as "12(a)") falls back to its item's number, or to none."""
    meeting = minutes.get_parent().specific
    numbers = numbers_of(minutes)
    headings = {item.number: item.heading for item in parsed.items}
    items = list(AgendaItem.objects.filter(page=meeting).select_related("paper"))
    decisions, actions = decisions_and_actions(parsed)
    minuted_decisions = [
        MinutedDecision(
            item_title=_item_title(headings.get(d.item, ""), items),
            outcome=OUTCOMES[d.kind],
            wording=d.text,
            minute_number=_cited(d.paragraph, d.item, numbers),
            paper=_item_paper(headings.get(d.item, ""), items),
        )
        for d in decisions
    ]
    minuted_actions = [
        MinutedAction(
            text=a.text,
            owner_name=a.owner,
            due_on=parse_due_date(a.due) if a.due else None,
            source_number=_cited(a.paragraph, a.item, numbers),
        )
        for a in actions
    ]
    try:
        return record_from_minutes(
            by=by,
            meeting=meeting,
            minutes=minutes,
            decisions=minuted_decisions,
            actions=minuted_actions,
        )
    except NotAllowed as error:  # the import screen shows it; the whole import is undone
        raise ImportNotAllowed(error.message) from None


def _cited(number: str, item: str, numbers: set[str]) -> str:
    for candidate in (number, item):
        if candidate and candidate in numbers:
            return candidate
    return ""


def _matched_item(heading: str, items: list[AgendaItem]) -> AgendaItem | None:
    match = best_title_match(heading, [(item.pk, item.title) for item in items])
    return next((item for item in items if match and item.pk == match.key), None)


def _item_title(heading: str, items: list[AgendaItem]) -> str:
    """The agenda item's own title where the minutes' heading matches one, else as printed
    in sentence case."""
    item = _matched_item(heading, items)
    if item is not None:
        return item.title
    return heading[:1].upper() + heading[1:].lower() if heading.isupper() else heading


def _item_paper(heading: str, items: list[AgendaItem]) -> Page | None:
    item = _matched_item(heading, items)
    return item.paper if item is not None else None
