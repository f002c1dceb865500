"""Publishing a draft agenda is the Agenda Planning Group agreeing it; publishing a paper at
a meeting links it to its agenda item."""

from django.dispatch import receiver
from wagtail.signals import page_published, published

from papers.models.kinds import PAPER_PAGE_MODELS

from .agendas import link_paper_to_agenda, record_agreement
from .models import DraftAgenda


@receiver(published, sender=DraftAgenda, dispatch_uid="kcp_governance_agenda_agreed")
def agenda_agreed(sender, instance, revision=None, **kwargs):
    if revision is not None:
        record_agreement(instance, revision)


@receiver(page_published, dispatch_uid="kcp_governance_paper_on_agenda")
def paper_joins_its_agenda_item(sender, instance, **kwargs):
    if (
        isinstance(instance, PAPER_PAGE_MODELS)
        and instance.first_published_at == instance.last_published_at
    ):
        link_paper_to_agenda(instance)
