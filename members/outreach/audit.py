"""The actions on outreach contacts' personal data written to the one audit trail
(home.audit), with the words officers read on its screen."""

from django.db import models


class Action(models.TextChoices):
    VIEWED = "outreach.viewed", "Viewed an outreach list"
    ADDED = "outreach.added", "Added an outreach contact"
    IMPORTED = "outreach.imported", "Imported outreach contacts from a file"
    ERASED = "outreach.erased", "Erased an outreach contact and kept a suppression record"
    EXPORTED = "outreach.exported", "Exported an outreach list"
    PRINTED = "outreach.printed", "Printed a campaign's letters and labels"
    EMAILED = "outreach.emailed", "Emailed a campaign"
    UNSUBSCRIBED = "outreach.unsubscribed", "A contact unsubscribed from outreach"
