"""Group pages and their parts, the lead officers' network page, lead-officer access and
News and Views."""

from .access import LeadOfficerGroup, NewsAndViewsReminder
from .groups import (
    GroupContentPage,
    GroupIndexPage,
    GroupLeadOfficer,
    GroupLink,
    GroupMember,
    GroupPage,
    GroupPriority,
    LeadOfficersNetworkPage,
    listed_groups,
)
from .news_and_views import NewsAndViewsUpdate

__all__ = [
    "GroupContentPage",
    "GroupIndexPage",
    "GroupLeadOfficer",
    "GroupLink",
    "GroupMember",
    "GroupPage",
    "GroupPriority",
    "LeadOfficerGroup",
    "LeadOfficersNetworkPage",
    "NewsAndViewsReminder",
    "NewsAndViewsUpdate",
    "listed_groups",
]
