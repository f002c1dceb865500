"""Meetings, agendas, minutes, paper pages, numbering, the paper importer, archive and feeds."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

# The contact officers every group shares: lead officers may add and choose them, only
# Partnership officers change or delete them.
OFFICER_PERMISSIONS = (
    ("papers", "add_contactofficer"),
    ("papers", "change_contactofficer"),
    ("papers", "delete_contactofficer"),
    ("papers", "view_contactofficer"),
)


def grant_officers_papers_permissions(**kwargs) -> None:
    # roles imports the auth and Wagtail models, which cannot load before the registry is ready.
    from home.roles import grant_officer_model_permissions

    grant_officer_model_permissions(OFFICER_PERMISSIONS)


class PapersConfig(AppConfig):
    name = "papers"
    verbose_name = "Papers and meetings"

    def ready(self):
        # Each of these imports Wagtail's models, which cannot load before the registry is ready.
        from wagtail.documents import get_document_model  # needs the app registry
        from wagtail.permissions import policy_registry  # filled by the apps' ready()

        from home import page_cache  # imports Wagtail's models

        from . import archive_dates  # imports the models
        from .models import PaperArchiveDate  # (the same reason)
        from .permissions import document_permission_policy  # imports Wagtail's models

        page_cache.forget_pages_when_app_changes(self.label)
        # Written as the paper is published, which forgets the pages already.
        page_cache.keep_pages_when_model_changes(PaperArchiveDate)
        archive_dates.connect_signals()
        # Once papers has migrated: its permissions exist by then.
        post_migrate.connect(
            grant_officers_papers_permissions, sender=self, dispatch_uid="kcp_papers_officers"
        )
        # exact_class: wins over the policy wagtail.documents registers in its own ready(),
        # whichever app is readied first.
        policy_registry.register(
            get_document_model(), document_permission_policy(), exact_class=True
        )
