"""The officers' "Alerts sent" screen: each posting with its sent, failed, waiting and withdrawn
counts."""

from django.core.paginator import Paginator

from home.officer_screens import AdminScreen, OfficersOnlyMixin
from members.alerts import services as alerts
from members.models import Member

POSTINGS_PER_PAGE = 50


class AlertsSentView(OfficersOnlyMixin, AdminScreen):
    """Per posting, how many members it was sent to, how many failed, how many wait; each
    member's own alerts are on their record (the inspect view)."""

    page_title = "Alerts sent"
    header_icon = "mail"
    template_name = "members/admin/alerts_sent.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(alerts.postings_with_counts(), POSTINGS_PER_PAGE)
        context.update(
            page_obj=paginator.get_page(self.request.GET.get("p")),
            paused_count=Member.objects.filter(email_paused_at__isnull=False).count(),
        )
        return context
