"""The meeting cycle's records: decisions, actions and their progress, the forward plan and
the draft agendas the Agenda Planning Group agrees."""

from .actions import Action, ActionQuerySet, ActionStatus, ActionUpdate
from .cycle_settings import MeetingCycleSettings
from .decisions import Decision, Outcome
from .planning import AgendaAgreement, DraftAgenda, DraftAgendaItem, ItemKind, PlannedItem

__all__ = [
    "Action",
    "ActionQuerySet",
    "ActionStatus",
    "ActionUpdate",
    "AgendaAgreement",
    "Decision",
    "DraftAgenda",
    "DraftAgendaItem",
    "ItemKind",
    "MeetingCycleSettings",
    "Outcome",
    "PlannedItem",
]
