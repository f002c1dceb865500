"""The Partnership's risk register: each risk with its cause and effect, owner, controls, its
scores before and after controls and every re-score; the annual review of the whole register,
the reminder when it falls due, and a draft report to the wider KCP made from a review.

A sub-app of `members` with its own label (`risks`) because it stands on its own: its own
tables, pages under /members/risks/ (Steering Group members and officers only, never public,
never in search, feeds or the sitemap: they are Django views, not pages of the tree), its own
scheduler job and emails. Officers edit risks and record reviews in the admin. Actions are
linked by a free-text "related actions" field, one action a line (its title or address), the
seam the meeting-cycle action tracker can later fill with real links."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

OFFICER_PERMISSIONS = tuple(
    ("risks", f"{verb}_{model}")
    for verb in ("add", "change", "delete", "view")
    for model in ("risk", "registerreview")
)


def grant_officers_risks_permissions(**kwargs) -> None:
    # roles imports the auth and Wagtail models, which cannot load before the registry is ready.
    from home.roles import grant_officer_model_permissions

    grant_officer_model_permissions(OFFICER_PERMISSIONS)


class RisksConfig(AppConfig):
    name = "members.risks"
    label = "risks"
    verbose_name = "Risk register"

    def ready(self):
        # After every app's migrations, not only this one's: Django makes an app's permissions
        # in a post_migrate receiver connected after this one (auth comes later in
        # INSTALLED_APPS), so by the last app's signal they all exist.
        post_migrate.connect(grant_officers_risks_permissions, dispatch_uid="kcp_risks_officers")
