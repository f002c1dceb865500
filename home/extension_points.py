"""What a lower layer lets a higher one add, as Wagtail hooks: the names, what each hook
function takes and returns, and the helpers that gather the answers; and one registry filled
from AppConfig.ready(), the group page types. The apps below never import the apps that fill
them (see README.md, "Extension points").

Register from the app that adds something, in its `wagtail_hooks.py`:

    @hooks.register(MEETING_AGENDA_EXTRAS)
    def news_and_views(meeting, request) -> AgendaExtra | None: ...
"""

import dataclasses
import datetime
import decimal
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from django.apps import apps
from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail import hooks

# fn(meeting, request) -> AgendaExtra | None: something shown with a meeting's agenda.
MEETING_AGENDA_EXTRAS = "kcp_meeting_agenda_extras"
# fn(request) -> Panel | None: a panel of the members' dashboard.
DASHBOARD_PANELS = "kcp_dashboard_panels"
# fn(request) -> Panel | None: a panel of the home page (the latest papers, the next meetings).
HOME_PAGE_PANELS = "kcp_home_page_panels"
# fn() -> PersonalDataHolder: the personal data an app stores, to export and to erase.
PERSONAL_DATA = "kcp_personal_data"
# fn(group, request) -> CalendarSource | None: more events for the iCalendar feeds; `group` is
# the group page of a group's feed, or None for the feed of every meeting.
CALENDAR_SOURCES = "kcp_calendar_sources"
# fn(first_day, last_day, request) -> Iterable[CalendarEntry]: more items for the month view of
# meetings and events (/calendar/YYYY/MM/), those starting between the two dates (London time,
# both included). Public, live pages only; a fixed number of queries however many there are.
CALENDAR_MONTH_ENTRIES = "kcp_calendar_month_entries"
# fn(taking: TakingResponses, request) -> Panel | None: what a consultation page, or a paper
# open for comments, shows where people respond (the form, or why it is not open).
CONSULTATION_RESPONSE = "kcp_consultation_response"
# fn(email) -> str | None: asked by the outbox just before it sends `email` (an OutgoingEmail);
# a reason (a sentence) withdraws the message unsent. Return None at once for kinds you do not
# own: it is asked for every message.
EMAIL_SEND_CHECKS = "kcp_email_send_checks"
# fn(email) -> None: told after the outbox sent `email`, gave up on it (state "failed";
# `email.is_refused_for_good` is True when the server refused it with a 5xx) or withdrew it;
# read `email.state`. Return at once for kinds you do not own.
EMAIL_OUTCOMES = "kcp_email_outcomes"
# fn() -> Mapping[str, str]: the personal-data audit actions an app writes (home.audit), code ->
# what an officer reads ("members.viewed_list" -> "Viewed the member list"); codes start with
# the app's label.
AUDIT_ACTIONS = "kcp_audit_actions"
# fn(page) -> Iterable[str]: the addresses (paths, "/papers/") of the listings, feeds and
# calendars that show `page`, which the shared cache in front (Varnish) must forget when the
# page is published, unpublished, moved or deleted. Each is purged, and its query-string
# variants (?page=2, filters) banned. `page` is the specific page, read before the change is
# committed; answer for your own listings only (home.front_cache gathers them).
FRONT_CACHE_LISTINGS = "kcp_front_cache_listings"
# fn(page) -> str | None: a reason (a sentence saying what to do) why `page`, as it would be
# published, must not be. Asked by the page types that support it at their `publish()`, the
# one place every publish passes through: the admin, workflows and scheduled publishing alike.
PUBLISH_CHECKS = "kcp_publish_checks"
# fn(page, request) -> Panel | None: shown at the top of a paper (e.g. the decision taken on it).
PAPER_PANELS = "kcp_paper_panels"
# fn(page) -> Mapping[str, Sequence[ParagraphLink]]: links shown under a numbered paragraph of
# a published page, by the paragraph's anchor ("para-2-2-1"): actions or decisions it led to.
PARAGRAPH_LINKS = "kcp_paragraph_links"


@dataclasses.dataclass(frozen=True)
class Panel:
    """A template and its context, placed by `order` (lowest first, then by template)."""

    template_name: str
    context: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    order: int = 100

    def render(self, request=None) -> SafeString:
        return render_to_string(self.template_name, dict(self.context), request=request)


@dataclasses.dataclass(frozen=True)
class AgendaExtra:
    """Shown with the agenda item whose title contains `item_title` (ignoring case); when the
    agenda has no such item, shown as an item of its own at the end, titled `item_title`."""

    item_title: str
    template_name: str
    context: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    order: int = 100

    def belongs_to(self, agenda_item_title: str) -> bool:
        return self.item_title.lower() in (agenda_item_title or "").lower()

    def render(self, request=None) -> SafeString:
        return render_to_string(self.template_name, dict(self.context), request=request)


@dataclasses.dataclass(frozen=True)
class ParagraphLink:
    """A link shown under a numbered paragraph: `text` says where it goes."""

    text: str
    url: str


@dataclasses.dataclass(frozen=True)
class CalendarSource:
    """Events for a calendar feed: `icalendar.Event`s with their own UID, DTSTART and DTSTAMP.
    `name` says where they come from (e.g. "events")."""

    name: str
    events: Sequence[Any]


@dataclasses.dataclass(frozen=True)
class CalendarEntry:
    """One item of the month view: its title, the address of its page, when it starts, and
    what kind of thing it is, in words a visitor reads ("Event")."""

    title: str
    url: str
    start: datetime.datetime
    kind: str


@dataclasses.dataclass(frozen=True)
class TakingResponses:
    """A consultation, or a paper's comment period, as the response form sees it. `status` is
    one of "upcoming", "open", "closed", "results" (papers.consultations.ConsultationStatus);
    each question is a dict with type ("free_text" or "choice"), key, question, help_text,
    is_required and choices."""

    page: Any
    status: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    questions: tuple[dict, ...]
    allows_non_members: bool = False
    is_comment_period: bool = False

    @property
    def is_open(self) -> bool:
        return self.status == "open"


class PersonalDataHolder(Protocol):
    """What an app registers for the personal data it stores: one way everywhere, a frozen
    dataclass per kind of data (like home.personal_data.SeatsData) with these attributes.
    `models` are the models it covers (every model with a foreign key to the user must be
    covered by some holder).

    A holder that also keeps data against a membership (members.Member: a postal member, who
    may have no account) adds `export_member(member)` and `erase_member(member)`; the members
    app calls them for every membership, and erases through them before the membership goes."""

    name: str
    models: Sequence[type[models.Model]]

    def export(self, user) -> Any:
        """The person's data, JSON-serialisable (dicts, lists, strings, numbers)."""

    def erase(self, user) -> None:
        """Delete or anonymise the person's data, keeping what others still need."""


# --- Group pages: where meetings and papers sit ----------------------------------------------
# The page type of the Partnership's groups (the Steering Group, theme groups, sub-partnerships)
# belongs to an app above papers (themegroups), yet papers' meetings, consultations and some
# papers sit under it. Its app registers it here from AppConfig.ready(); papers reads it here
# (papers.groups), so papers never names the app above it, not even as a "app.Model" string.

_group_page_types: list[type[models.Model]] = []


def register_group_page_type(page_model: type[models.Model]) -> None:
    """From AppConfig.ready(): pages of `page_model` are groups, which hold meetings and papers.
    Registering the same type again changes nothing."""
    if page_model not in _group_page_types:
        _group_page_types.append(page_model)


def group_page_types() -> tuple[type[models.Model], ...]:
    """The registered group page types, in the order registered: empty until the apps are ready,
    and for ever when no installed app has a group page."""
    return tuple(_group_page_types)


def _answers(hook_name: str, *args) -> list:
    return [answer for fn in hooks.get_hooks(hook_name) if (answer := fn(*args)) is not None]


def panels(hook_name: str, request) -> list[Panel]:
    """The panels registered under `hook_name` (DASHBOARD_PANELS, HOME_PAGE_PANELS), in order."""
    return sorted(_answers(hook_name, request), key=lambda p: (p.order, p.template_name))


def agenda_extras(meeting, request) -> list[AgendaExtra]:
    return sorted(
        _answers(MEETING_AGENDA_EXTRAS, meeting, request),
        key=lambda extra: (extra.order, extra.item_title),
    )


def calendar_sources(group, request) -> list[CalendarSource]:
    return _answers(CALENDAR_SOURCES, group, request)


def calendar_month_entries(
    first_day: datetime.date, last_day: datetime.date, request
) -> list[CalendarEntry]:
    """Every app's items for the month view between the two days (CALENDAR_MONTH_ENTRIES)."""
    return [
        entry
        for answer in _answers(CALENDAR_MONTH_ENTRIES, first_day, last_day, request)
        for entry in answer
    ]


def consultation_response_panels(taking: TakingResponses, request) -> list[Panel]:
    """The panels registered under CONSULTATION_RESPONSE, in order: where people respond."""
    return sorted(
        _answers(CONSULTATION_RESPONSE, taking, request),
        key=lambda p: (p.order, p.template_name),
    )


def reason_to_withdraw(email) -> str | None:
    """The first reason an app gives not to send `email` (EMAIL_SEND_CHECKS), or None."""
    return next(iter(_answers(EMAIL_SEND_CHECKS, email)), None)


def tell_email_outcome(email) -> None:
    for fn in hooks.get_hooks(EMAIL_OUTCOMES):
        fn(email)


def front_cache_listings(page) -> set[str]:
    """Every address an app says shows `page` (FRONT_CACHE_LISTINGS)."""
    return {path for fn in hooks.get_hooks(FRONT_CACHE_LISTINGS) for path in fn(page) or ()}


def paper_panels(page, request) -> list[Panel]:
    return sorted(_answers(PAPER_PANELS, page, request), key=lambda p: (p.order, p.template_name))


def paragraph_links(page) -> dict[str, list[ParagraphLink]]:
    """Every app's links under the page's paragraphs, by anchor."""
    links: dict[str, list[ParagraphLink]] = {}
    for answer in _answers(PARAGRAPH_LINKS, page):
        for anchor, found in answer.items():
            links.setdefault(anchor, []).extend(found)
    return links


def paper_extras(page, request) -> dict[str, Any]:
    """A paper's template context from other apps: `paper_panels` (rendered) and
    `paragraph_links`."""
    return {
        "paper_panels": [panel.render(request) for panel in paper_panels(page, request)],
        "paragraph_links": paragraph_links(page),
    }


def reason_not_to_publish(page) -> str | None:
    """The first reason an app gives not to publish `page` (PUBLISH_CHECKS), or None."""
    return next(iter(_answers(PUBLISH_CHECKS, page)), None)


def personal_data_holders() -> list[PersonalDataHolder]:
    return [fn() for fn in hooks.get_hooks(PERSONAL_DATA)]


def export_personal_data(user) -> dict[str, Any]:
    """Everything the site holds about `user`, by holder name."""
    return {holder.name: holder.export(user) for holder in personal_data_holders()}


def erase_personal_data(user) -> list[str]:
    """Ask every holder to erase `user`'s data; the names of the holders asked."""
    holders = personal_data_holders()
    for holder in holders:
        holder.erase(user)
    return [holder.name for holder in holders]


def models_with_user_foreign_key(
    app_labels: Iterable[str] | None = None,
) -> list[type[models.Model]]:
    """Every model whose own table has a foreign key (or one-to-one) to the user model, of
    the given apps or of all: what the personal-data holders must cover between them."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    wanted = set(app_labels) if app_labels is not None else None
    found = []
    for model in apps.get_models():
        if wanted is not None and model._meta.app_label not in wanted:
            continue
        # Fields of the model's own table: a page type's owner is Wagtail's Page's column.
        if any(
            field.is_relation and field.related_model is user_model
            for field in model._meta.local_concrete_fields
        ):
            found.append(model)
    return found


def models_not_covered(app_labels: Iterable[str] | None = None) -> list[type[models.Model]]:
    """Models with a foreign key to the user that no personal-data holder covers."""
    covered = {model for holder in personal_data_holders() for model in holder.models}
    return [model for model in models_with_user_foreign_key(app_labels) if model not in covered]


# --- The data-protection register and export helpers -----------------------------------------
# A holder may also have `register`: the lines of the data-protection register the privacy
# notice is generated from (RegisterEntry below). A test fails if a field of a holder's
# models is in no line, so the notice says what the site really keeps.


@dataclasses.dataclass(frozen=True)
class RegisterEntry:
    """One line of the data-protection register: what is held, why, who sees it, how long.

    `fields` names the model fields it covers as "app_label.Model.field", or
    "app_label.Model.*" for every field of a model kept as a whole."""

    what: str
    fields: tuple[str, ...]
    purpose: str
    lawful_basis: str
    who_sees_it: str
    kept_for: str


def data_protection_register() -> list[RegisterEntry]:
    """Every register line, in the order the apps registered their holders."""
    return [
        entry for holder in personal_data_holders() for entry in getattr(holder, "register", ())
    ]


def models_with_personal_data() -> set[type[models.Model]]:
    return {model for holder in personal_data_holders() for model in holder.models}


def fields_covered(entries: Iterable[RegisterEntry]) -> set[str]:
    return {name for entry in entries for name in entry.fields}


# Fields whose value is a secret, not information about the person: shown as set or not set.
SECRET_FIELDS = frozenset({"password", "data", "secret", "key_hash"})


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def row_as_dict(instance: models.Model, *, secret_fields=SECRET_FIELDS) -> dict:
    """Every concrete field of a row, and many-to-many fields as lists of names: JSON-ready."""
    row = {}
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname)
        if model_field.name in secret_fields:
            value = "(set)" if value else "(not set)"
        row[model_field.name] = _json_value(value)
    for model_field in instance._meta.many_to_many:
        row[model_field.name] = [
            str(related) for related in getattr(instance, model_field.name).all()
        ]
    return row


def rows(queryset, **kwargs) -> list[dict]:
    return [row_as_dict(instance, **kwargs) for instance in queryset]
