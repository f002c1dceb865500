"""Meetings, agendas, minutes, paper pages, numbering, the paper importer, archive and feeds."""

from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "papers"
    verbose_name = "Papers and meetings"

    def ready(self):
        # Models are loaded only once apps are ready: the policy module imports them.
        from wagtail.documents import get_document_model
        from wagtail.permissions import policy_registry

        from .permissions import document_permission_policy

        # exact_class: wins over the policy wagtail.documents registers in its own ready(),
        # whichever app is readied first.
        policy_registry.register(
            get_document_model(), document_permission_policy(), exact_class=True
        )
