"""A publish refused by an app's check (papers.exceptions.PublishRefused, raised where every
publish passes: MeetingPage.publish) reaches an officer as the reason, whichever admin screen
asked for it: the edit view's publish button says so through a hook, and this middleware does
for the others (approving a page's workflow task publishes it inside Wagtail's own view).
Wagtail's view runs in a transaction, so nothing of the refused approval is kept."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .exceptions import PublishRefused


class RefusedPublishMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishRefused):
            return None
        messages.error(request, exception.message)
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = reverse("wagtailadmin_home")
        return redirect(back)
