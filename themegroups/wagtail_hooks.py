"""Admin wiring of theme groups: the Lead officers screen (officers only) and the News and
Views form (lead officers and officers), with their menu items."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.extension_points import PERSONAL_DATA_HOOK, PersonalDataHolder, RegisterEntry, rows

from . import services, views
from .models import NewsAndViewsReminder, NewsAndViewsUpdate


@hooks.register("register_admin_urls")
def theme_group_admin_urls():
    return [
        path("lead-officers/", views.LeadOfficersView.as_view(), name="themegroups_lead_officers"),
        path(
            "lead-officers/<int:page_id>/remove/<int:user_id>/",
            views.RemoveLeadOfficerView.as_view(),
            name="themegroups_remove_lead_officer",
        ),
        path(
            "lead-officers/leaver/<int:user_id>/",
            views.RemoveLeaverView.as_view(),
            name="themegroups_remove_leaver",
        ),
        path(
            "lead-officers/<int:page_id>/trust/",
            views.TrustGroupView.as_view(),
            name="themegroups_trust_group",
        ),
        path(
            "news-and-views/", views.NewsAndViewsView.as_view(), name="themegroups_news_and_views"
        ),
    ]


class OfficersMenuItem(MenuItem):
    def is_shown(self, request):
        return services.is_partnership_officer(request.user)


class LeadOfficersMenuItem(MenuItem):
    def is_shown(self, request):
        return services.groups_led_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def lead_officers_menu_item():
    return OfficersMenuItem(
        "Lead officers", reverse("themegroups_lead_officers"), icon_name="group", order=900
    )


@hooks.register("register_admin_menu_item")
def news_and_views_menu_item():
    return LeadOfficersMenuItem(
        "News and Views", reverse("themegroups_news_and_views"), icon_name="comment", order=210
    )


def _export_lead_officer_records(user) -> dict:
    return {
        "news_and_views_updates_submitted": rows(
            NewsAndViewsUpdate.objects.filter(submitted_by=user)
        ),
        "news_and_views_reminders": rows(NewsAndViewsReminder.objects.filter(user=user)),
    }


def _erase_lead_officer_records(user) -> None:
    """Updates stay (presented at a public meeting); who submitted them goes. Reminders sent
    to the person are theirs alone and go."""
    NewsAndViewsUpdate.objects.filter(submitted_by=user).update(submitted_by=None)
    NewsAndViewsReminder.objects.filter(user=user).delete()


@hooks.register(PERSONAL_DATA_HOOK)
def theme_groups_personal_data():
    return PersonalDataHolder(
        name="Theme groups",
        models=(NewsAndViewsUpdate, NewsAndViewsReminder),
        export=_export_lead_officer_records,
        erase=_erase_lead_officer_records,
        register=(
            RegisterEntry(
                "Lead officers' News and Views updates, and the reminders sent to them",
                ("themegroups.NewsAndViewsUpdate.*", "themegroups.NewsAndViewsReminder.*"),
                "To collect each group's update for the Steering Group and remind lead "
                "officers when one is due.",
                "Public task (UK GDPR article 6(1)(e))",
                "Partnership officers and the group's lead officers",
                "Updates are part of the public record; the reminders for as long as the "
                "person is a lead officer.",
            ),
        ),
    )
