"""Meetings, agendas and the paper page types: reports, action plans, progress reports,
minutes and consultations (with papers' comment periods), the archive and meetings calendar
pages that list them, plus the contact officer snippet papers may link to."""

from .archive_dates import PaperArchiveDate
from .consultations import CommentPeriod, ConsultationPage
from .contacts import ContactOfficer
from .kinds import PAPER_PAGE_MODELS
from .listings import MeetingIndexPage, PaperArchivePage
from .meetings import PAPER_PAGE_TYPES, AgendaItem, MeetingPage
from .minutes import MinutesPage
from .paper_pages import ActionPlanPage, PaperPage, ProgressReportPage, ReportPage
from .postings import PostingSubjects, is_posting_type

__all__ = [
    "CommentPeriod",
    "ConsultationPage",
    "PAPER_PAGE_MODELS",
    "PAPER_PAGE_TYPES",
    "ActionPlanPage",
    "AgendaItem",
    "ContactOfficer",
    "MeetingIndexPage",
    "MeetingPage",
    "MinutesPage",
    "PaperArchiveDate",
    "PaperArchivePage",
    "PaperPage",
    "PostingSubjects",
    "ProgressReportPage",
    "ReportPage",
    "is_posting_type",
]
