"""Every kind of paper the archive, search, feeds and group pages list, in the archive's order.
A consultation is a paper too: it has a group, a date, a purpose, documents and a contact."""

from .consultations import ConsultationPage
from .minutes import MinutesPage
from .paper_pages import ActionPlanPage, ProgressReportPage, ReportPage

PAPER_PAGE_MODELS = (ReportPage, ActionPlanPage, ProgressReportPage, MinutesPage, ConsultationPage)
