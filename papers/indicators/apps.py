"""The indicators data bank: public pages for the Partnership's performance indicators (what
is counted, its source, the lead organisation, targets by year) with their results as rows,
a chart and a table of results against targets, a CSV download, and whether each is on track.

A sub-app of `papers` with its own label (`indicators`) because it stands on its own: its own
page types under /indicators/, its own tables and import. Papers embed an indicator's chart
through `IndicatorChartBlock`, frozen when the paper is first published
(`services.freeze_indicator_charts`)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate

OFFICER_PERMISSIONS = tuple(
    ("indicators", f"{verb}_indicatorresult") for verb in ("add", "change", "delete", "view")
)


def grant_officers_indicators_permissions(**kwargs) -> None:
    # roles imports the auth and Wagtail models, which cannot load before the registry is ready.
    from home.roles import grant_officer_model_permissions

    grant_officer_model_permissions(OFFICER_PERMISSIONS)


class IndicatorsConfig(AppConfig):
    name = "papers.indicators"
    label = "indicators"
    verbose_name = "Indicators"

    def ready(self):
        # After every app's migrations, not only this one's: Django makes an app's permissions
        # in a post_migrate receiver connected after this one (auth comes later in
        # INSTALLED_APPS), so by the last app's signal they all exist.
        post_migrate.connect(
            grant_officers_indicators_permissions, dispatch_uid="kcp_indicators_officers"
        )
        # These import Wagtail's models, which cannot load before the registry is ready.
        from wagtail.signals import page_published  # (the same reason)

        from home import page_cache  # (the same reason)

        from .services import freeze_charts_on_publish  # imports this app's models

        page_cache.forget_pages_when_app_changes(self.label)
        page_published.connect(freeze_charts_on_publish, dispatch_uid="kcp_indicators_freeze")
