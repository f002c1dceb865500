"""Home's models, one module per subject: the site's pages and settings, the vocabulary every
app shares (organisations, interests), privacy notice versions, the Steering Group's seats,
the outbox and the scheduler; and the audit trail's model, which lives beside its writer in
home.audit. Imported from here, as `home.models.X`."""

from home.audit import AuditEntry

from .outbox import OutgoingEmail
from .pages import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    PrivacyNoticePage,
    StandardPage,
)
from .privacy import PrivacyNoticeVersion
from .scheduling import ScheduledJob
from .seats import SteeringGroupSeat, SteeringGroupSeatQuerySet
from .site_settings import PartnershipSettings
from .vocabulary import Interest, Organisation

__all__ = [
    "AccessibilityStatementPage",
    "AuditEntry",
    "ContentPage",
    "HomePage",
    "Interest",
    "Organisation",
    "OutgoingEmail",
    "PartnershipSettings",
    "PrivacyNoticePage",
    "PrivacyNoticeVersion",
    "ScheduledJob",
    "StandardPage",
    "SteeringGroupSeat",
    "SteeringGroupSeatQuerySet",
]
