"""Every kind of paper the archive, search, feeds and group pages list, in the archive's order.
A consultation is a paper too: it has a group, a date, a purpose, documents and a contact."""

from .consultations import ConsultationPage
from .paper_pages import ActionPlanPage, MinutesPage, ProgressReportPage, ReportPage

PAPER_PAGE_MODELS = (ReportPage, ActionPlanPage, ProgressReportPage, MinutesPage, ConsultationPage)
