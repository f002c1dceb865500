"""The "your data" page as a person reads it: what every holder exports, grouped by what it is
about (your account, your membership, what we sent you, your bookings...), with human labels,
dates in words and no internal fields. The JSON download keeps everything; this is a reading
of it, not a second export."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import dateformat, timezone
from django.utils.dateparse import parse_date, parse_datetime

# What each holder (by its `name`) is about, in the order the page shows the subjects.
SUBJECTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Your account", ("account",)),
    ("Your membership of the wider partnership", ("Wider partnership membership",)),
    ("What we sent you", ("Background work", "Postal letters")),
    ("Your bookings", ("events",)),
    ("Your responses", ("Consultation responses", "News and Views")),
    (
        "Your Steering Group seat",
        (
            "Steering Group seats",
            "Steering Group attendance",
            "Induction progress",
            "Shadowing and meet-a-member pairings",
            "Skills and interests audit",
        ),
    ),
    ("Your work on the website", ("Editing records", "Audit trail")),
)
OTHER_SUBJECT = "Other records"

# Parts of an export that repeat another part row for row (the raw database records behind
# the account summary), or that only the site's machinery reads: in the download only.
HIDDEN_PARTS = frozenset(
    {"account_record", "email_address_records", "two_factor_records", "queued_work"}
)
# Fields that are the site's bookkeeping, not information about the person.
INTERNAL_FIELDS = frozenset(
    {
        "id", "idempotency_key", "content_type", "object_id", "user", "member", "page",
        "revision", "posting", "actor", "batch", "letter", "event", "meeting", "seat",
        "recorded_by", "arranged_by", "changed_by", "bundle_page", "html", "body_html",
        "body_text", "headers", "attachments", "attempts", "last_error", "next_attempt_at",
        "lease_expires_at", "from_email", "cc", "bcc", "is_confidential", "password",
        "is_superuser", "is_staff", "groups", "user_permissions", "token", "data", "key_hash",
    }
)  # fmt: skip
# Sent emails are shown by subject and date only (their bodies held sign-in links).
EMAIL_PARTS = frozenset({"emails"})
EMAIL_FIELDS = ("subject", "created_at")

LABELS = {
    "created_at": "Date",
    "date_joined": "Account opened",
    "last_login": "Last signed in",
    "first_name": "First name",
    "last_name": "Last name",
    "email_addresses": "Email addresses",
    "two_factor_methods": "Two-step sign-in",
    "signed_in_sessions": "Devices signed in",
    "postcode": "Postcode",
    "postal_address": "Postal address",
    "verified_at": "Confirmed",
    "alerts_sent": "Alerts we sent you",
    "consent_records": "What you agreed to",
    "changes": "Changes to your membership",
    "audit_entries_about_you": "When officers looked at your record",
    "emails": "Emails we sent you",
    "kind": "Kind",
    "is_large_print": "Large print",
    "papers_by_post": "What your letters bring",
    "what_you_did_as_an_officer": "What you did as an officer",
    "events": "Events you booked",
}
# Parts that belong with another subject than their holder's.
PART_SUBJECTS = {"alerts_sent": "What we sent you"}

CODE = re.compile(r"^[a-z]+(_[a-z]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@dataclass
class Part:
    title: str
    rows: list[list[tuple[str, str]]] = field(default_factory=list)


@dataclass
class Subject:
    title: str
    parts: list[Part] = field(default_factory=list)


def label(key: str) -> str:
    if key in LABELS:
        return LABELS[key]
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def in_words(value) -> str:
    """A value as a sentence fragment: dates and times in words, yes/no, lists joined."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(in_words(item) for item in value if not isinstance(item, dict))
    if isinstance(value, dict):
        return "; ".join(f"{label(key)}: {in_words(item)}" for key, item in value.items())
    if isinstance(value, str) and ISO_MOMENT.match(value) and (moment := parse_datetime(value)):
        return moment_in_words(moment)
    if isinstance(value, str) and ISO_DATE.match(value) and (day := parse_date(value)):
        return dateformat.format(day, "j F Y")
    if isinstance(value, str) and CODE.match(value):
        # A stored choice such as "weekly_digest": read as words.
        return label(value)
    return str(value)


def moment_in_words(moment: datetime.datetime) -> str:
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    time = dateformat.format(moment, "g.i a").replace(".00", "")
    return f"{dateformat.format(moment, 'j F Y')} at {time}"


def _shown(key: str, value) -> bool:
    if key in INTERNAL_FIELDS or key.endswith("_id") or value in (None, "", [], {}):
        return False
    return not (isinstance(value, str) and value.startswith("(") and value.endswith("set)"))


def _row(record: dict, fields: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    keys = fields or tuple(record)
    return [
        (label(key), in_words(record[key]))
        for key in keys
        if key in record and _shown(key, record[key])
    ]


def _parts(key: str, value) -> list[Part]:
    if key in HIDDEN_PARTS or value in (None, "", [], {}):
        return []
    fields = EMAIL_FIELDS if key in EMAIL_PARTS else None
    if isinstance(value, dict):
        return [Part(label(key), [row])] if (row := _row(value, fields)) else []
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        rows = [row for item in value if isinstance(item, dict) and (row := _row(item, fields))]
        return [Part(label(key), rows)] if rows else []
    return [Part("", [[(label(key), in_words(value))]])]


def holder_parts(name: str, exported) -> list[tuple[str, Part]]:
    """One holder's export as (key, part) pairs: a dict's entries become parts (its plain
    values one "details" part), a list of records becomes one part named after the holder."""
    if isinstance(exported, list):
        return [(name, part) for part in _parts(name, exported)]
    if not isinstance(exported, dict):
        return []
    details: list[tuple[str, str]] = []
    parts: list[tuple[str, Part]] = []
    for key, value in exported.items():
        for part in _parts(key, value):
            if part.title:
                parts.append((key, part))
            else:
                details.extend(part.rows[0])
    return ([(name, Part("", [details]))] if details else []) + parts


def subjects(held: dict) -> list[Subject]:
    """The exported data grouped by subject, leaving out subjects with nothing in them."""
    subject_of = {name: title for title, names in SUBJECTS for name in names}
    grouped = {title: Subject(title) for title, _names in SUBJECTS}
    grouped[OTHER_SUBJECT] = Subject(OTHER_SUBJECT)
    for name, exported in held.items():
        for key, part in holder_parts(name, exported):
            if not part.title and subject_of.get(name) is None:
                part.title = label(name)
            title = PART_SUBJECTS.get(key) or subject_of.get(name, OTHER_SUBJECT)
            grouped[title].parts.append(part)
    return [subject for subject in grouped.values() if subject.parts]
