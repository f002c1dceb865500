"""Publishing a draft agenda is the Agenda Planning Group agreeing it."""

from django.dispatch import receiver
from wagtail.signals import published

from .agendas import record_agreement
from .models import DraftAgenda


@receiver(published, sender=DraftAgenda, dispatch_uid="kcp_governance_agenda_agreed")
def agenda_agreed(sender, instance, revision=None, **kwargs):
    if revision is not None:
        record_agreement(instance, revision)
