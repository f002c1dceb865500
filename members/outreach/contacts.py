"""Outreach lists and their contacts: adding one, importing a CSV (all or nothing), erasing
one behind a suppression record, and the PECR rule for email.

PECR (regulation 22): an email sent to an individual to promote the Partnership needs that
person's consent; a corporate address (an organisation's general mailbox) does not. Post may
rely on legitimate interests. `may_email` is the one place the rule is decided."""

import csv
import dataclasses
import io

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.crypto import salted_hmac

from home.audit import record_access
from home.roles import is_partnership_officer

from .audit import Action
from .exceptions import BadImportRow, EmailNotAllowed, NotAnOfficer, NoWayToContact, Suppressed
from .models import Contact, OutreachList, Suppression

PECR_RULE = (
    "Email goes only to an organisation's general address, or to a person who agreed to be "
    "emailed (PECR). Post may rely on legitimate interests. Anyone who asked to be left "
    "alone is never contacted again, whichever list they come back on."
)
IMPORT_COLUMNS = (
    "name",
    "organisation",
    "kind",
    "email",
    "is_corporate_email",
    "postal_address",
    "postcode",
    "source",
    "lawful_basis",
    "has_consented_to_email",
)
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


def check_officer(user) -> None:
    if not is_partnership_officer(user):
        raise NotAnOfficer(
            "Only Partnership officers may see or change outreach lists and campaigns."
        )


# --- Suppression ------------------------------------------------------------------------------


def normalise_email(email: str) -> str:
    return email.strip().lower()


def normalise_address(postal_address: str, postcode: str) -> str:
    """The address as one comparable string: first line and postcode, spaces and case ignored."""
    first_line = next((line for line in postal_address.splitlines() if line.strip()), "")
    return "".join(f"{first_line}|{postcode}".lower().split())


def digest(normalised: str) -> str:
    """A keyed hash (HMAC with a key of its own, KCP_OUTREACH_SUPPRESSION_KEY): the suppression
    list holds no address, and nobody without the key can test an address against it. Not
    SECRET_KEY: rotating that (sessions, signed links) must not let old refusals lapse."""
    key = settings.KCP_OUTREACH_SUPPRESSION_KEY
    if not key:
        raise ImproperlyConfigured("KCP_OUTREACH_SUPPRESSION_KEY is not set (README.md).")
    return salted_hmac(
        "kcp.outreach.suppression", normalised, secret=key, algorithm="sha256"
    ).hexdigest()


def digests_of(email: str, postal_address: str, postcode: str) -> set[str]:
    found = set()
    if email.strip():
        found.add(digest(normalise_email(email)))
    if postal_address.strip() and postcode.strip():
        found.add(digest(normalise_address(postal_address, postcode)))
    return found


def is_suppressed(email: str = "", postal_address: str = "", postcode: str = "") -> bool:
    digests = digests_of(email, postal_address, postcode)
    return bool(digests) and Suppression.objects.filter(digest__in=digests).exists()


def suppress(email: str = "", postal_address: str = "", postcode: str = "") -> None:
    for value in digests_of(email, postal_address, postcode):
        Suppression.objects.get_or_create(digest=value)


# --- Contacts ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ContactDetails:
    name: str
    organisation: str
    kind: str
    email: str
    is_corporate_email: bool
    postal_address: str
    postcode: str
    source: str
    lawful_basis: str
    has_consented_to_email: bool

    def check(self) -> None:
        if not (self.name.strip() or self.organisation.strip()):
            raise NoWayToContact("Enter a name or an organisation.")
        if self.kind not in Contact.Kind.values:
            raise NoWayToContact(f"The kind must be one of: {', '.join(Contact.Kind.values)}.")
        if self.lawful_basis not in Contact.LawfulBasis.values:
            raise NoWayToContact("The lawful basis must be consent or legitimate_interests.")
        has_address = bool(self.postal_address.strip() and self.postcode.strip())
        if not (self.email.strip() or has_address):
            raise NoWayToContact("Enter an email address, or a postal address and postcode.")
        if not self.source.strip():
            raise NoWayToContact("Say where the entry came from.")
        if self.email.strip() and not (self.is_corporate_email or self.has_consented_to_email):
            raise EmailNotAllowed(
                "A person's own email address needs their consent to be emailed (PECR): tick "
                "consent, mark it as an organisation's general address, or leave it out."
            )
        if self.lawful_basis == Contact.LawfulBasis.CONSENT and not self.has_consented_to_email:
            raise EmailNotAllowed(
                "Consent as the lawful basis needs the person's consent recorded: tick it, or "
                "choose legitimate interests."
            )


def may_email(contact: Contact) -> bool:
    """PECR: a corporate address, or an individual who consented."""
    return bool(contact.email) and (contact.is_corporate_email or contact.has_consented_to_email)


def may_post(contact: Contact) -> bool:
    return bool(contact.postal_address.strip() and contact.postcode.strip())


def _new_contact(officer, outreach_list: OutreachList, details: ContactDetails) -> Contact:
    return Contact(
        outreach_list=outreach_list,
        added_by=officer,
        **{
            field.name: getattr(details, field.name) for field in dataclasses.fields(ContactDetails)
        },
    )


@transaction.atomic
def add_contact(officer, outreach_list: OutreachList, details: ContactDetails) -> Contact:
    check_officer(officer)
    details.check()
    if is_suppressed(details.email, details.postal_address, details.postcode):
        raise Suppressed("This person or organisation asked to be left alone: it is not added.")
    contact = _new_contact(officer, outreach_list, details)
    contact.save()
    record_access(officer, Action.ADDED, subject=contact)
    return contact


def _flag(value: str, row_number: int, column: str) -> bool:
    value = (value or "").strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise BadImportRow(f"Row {row_number}: {column} must be yes or no, not “{value}”.")


def _details_from(row: dict, row_number: int) -> ContactDetails:
    text = {column: (row.get(column) or "").strip() for column in IMPORT_COLUMNS}
    return ContactDetails(
        name=text["name"],
        organisation=text["organisation"],
        kind=text["kind"],
        email=text["email"],
        is_corporate_email=_flag(text["is_corporate_email"], row_number, "is_corporate_email"),
        postal_address=text["postal_address"].replace("\\n", "\n"),
        postcode=text["postcode"].upper(),
        source=text["source"],
        lawful_basis=text["lawful_basis"],
        has_consented_to_email=_flag(
            text["has_consented_to_email"], row_number, "has_consented_to_email"
        ),
    )


@dataclasses.dataclass(frozen=True)
class ImportResult:
    added: int
    suppressed: int


@transaction.atomic
def import_contacts(officer, outreach_list: OutreachList, csv_text: str) -> ImportResult:
    """Every row checked before any is saved: a bad row refuses the whole file, naming its row
    (the heading is row 1). Rows of people who asked to be left alone are skipped."""
    check_officer(officer)
    reader = csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff")))
    missing = [
        column
        for column in ("kind", "source", "lawful_basis")
        if column not in (reader.fieldnames or [])
    ]
    if missing:
        raise BadImportRow(f"Row 1: the heading has no column {', '.join(missing)}.")
    contacts, suppressed = [], 0
    for row_number, row in enumerate(reader, start=2):
        details = _details_from(row, row_number)
        try:
            details.check()
        except (NoWayToContact, EmailNotAllowed) as error:
            raise BadImportRow(f"Row {row_number}: {error.message}") from error
        if is_suppressed(details.email, details.postal_address, details.postcode):
            suppressed += 1
            continue
        contacts.append(_new_contact(officer, outreach_list, details))
    Contact.objects.bulk_create(contacts)
    record_access(
        officer,
        Action.IMPORTED,
        subject=outreach_list,
        count=len(contacts),
        details={"suppressed": suppressed},
    )
    return ImportResult(added=len(contacts), suppressed=suppressed)


@transaction.atomic
def erase_contact(officer, contact: Contact) -> None:
    """The entry goes; a keyed hash of its email and address stays, so no later import or
    campaign reaches them again."""
    check_officer(officer)
    contact_id = contact.pk
    forget_contact(contact)
    record_access(officer, Action.ERASED, subject=("outreach.contact", contact_id))


def forget_contact(contact: Contact) -> None:
    """Erase without an officer: for the person's own erasure and for an unsubscribe."""
    suppress(contact.email, contact.postal_address, contact.postcode)
    contact.delete()
