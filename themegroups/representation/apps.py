"""Representation: whether each group stays representative, and people asking to join.

- The composition report (officers only): each group's membership (Steering Group seats, and
  theme-group members where recorded) by sector, flagging any group where the voluntary and
  community sector falls below the threshold in site settings (one third by default).
- "Express an interest in joining this group": a form linked from every group page, for
  signed-in members or, for anyone else, through a signed link emailed to them; each request
  reaches that group's contact officer and lead officers through the outbox, and keeps its
  state (new, contacted, joined, declined).

A sub-app of `themegroups` with its own label (`representation`), because it stands on its
own: its own tables, site setting, pages and emails."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

OFFICER_PERMISSIONS = tuple(
    ("representation", f"{verb}_interestrequest") for verb in ("change", "view", "delete")
)


def grant_officers_representation_permissions(**kwargs) -> None:
    # roles imports the auth and Wagtail models, which cannot load before the registry is ready.
    from home.roles import grant_officer_model_permissions

    grant_officer_model_permissions(OFFICER_PERMISSIONS)


class RepresentationConfig(AppConfig):
    name = "themegroups.representation"
    label = "representation"
    verbose_name = "Representation"

    def ready(self):
        # After every app's migrations: auth makes this app's permissions in a receiver of
        # its own connected later (see members.apps).
        post_migrate.connect(
            grant_officers_representation_permissions, dispatch_uid="kcp_representation_officers"
        )
