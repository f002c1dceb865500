"""The URL map. Wagtail serves every page of the tree; everything else is listed here first."""

from allauth.account.views import LogoutView
from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import security
from home import views as home_views

urlpatterns = [
    path(settings.HEALTH_CHECK_PATH.strip("/") + "/", home_views.health, name="health"),
    # One login for everyone: the Wagtail admin signs in and out through allauth, so rate
    # limits, email verification and two-factor authentication apply to editors too.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login",
    ),
    # The admin's "Log out" button POSTs here: allauth's own view signs out (a redirect would
    # turn the POST into a GET that only shows the confirmation page).
    path("admin/logout/", LogoutView.as_view(), name="wagtailadmin_logout"),
    # Postal mailing holds members' addresses: refused with a 403, not the admin's redirect
    # (members.postal.urls says why).
    path("admin/postal-mailing/", include("members.postal.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Joining happens at /join/ (members.partnership.views.JoinView), allauth's sign-up form
    # extended.
    path("accounts/signup/", RedirectView.as_view(pattern_name="members_join", query_string=True)),
    path("accounts/", include("allauth.urls")),
    path("cookies/", home_views.cookies, name="cookies"),
    # Joining at /join/, the members' area under /members/ (members.urls has both).
    path("", include("members.urls")),
    path("search/", home_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("", include("members.events.urls")),
    path("", include("members.consultations.urls")),
    path("", include("members.risks.urls")),
    path("", include("members.membership_issues.urls")),
    path("", include("themegroups.representation.urls")),
    path("", include("members.outreach.urls")),
    path(".well-known/security.txt", security.security_txt, name="security_txt"),
    path(settings.CSP_REPORT_PATH.strip("/") + "/", security.csp_report, name="csp_report"),
    # Before papers': its meeting .ics pattern would take /forward-plan/calendar.ics.
    path("", include("papers.governance.urls")),
    path("", include("papers.urls")),
    path("", include("papers.indicators.urls")),
    # Before Wagtail's own: guesses at a page's password are limited, and Wagtail's plain
    # Django login (which would skip allauth's limits and two-factor) sends people to ours.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        security.rate_limited_page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login",
    ),
]

if settings.DEBUG:
    urlpatterns += static(
        settings.MEDIA_URL + "images/", document_root=settings.MEDIA_ROOT / "images"
    )

urlpatterns += [re_path(r"", include(wagtail_urls))]

handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
