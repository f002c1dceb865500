"""Admin screens of theme groups: officers manage lead officers and review access; lead
officers send their group's News and Views. Each action calls themegroups.services."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.roles import is_partnership_officer

from . import services
from .exceptions import ThemeGroupError
from .forms import AddLeadOfficerForm, NewsAndViewsForm
from .models import GroupPage, LeadOfficerGroup, NewsAndViewsUpdate


class OfficersOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_partnership_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminScreen(WagtailAdminTemplateMixin, TemplateView):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class LeadOfficersView(OfficersOnlyMixin, AdminScreen):
    """Who the lead officers of each group are, the access review, and adding someone."""

    page_title = "Lead officers"
    header_icon = "group"
    template_name = "themegroups/admin/lead_officers.html"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        User = get_user_model()
        accesses = list(
            LeadOfficerGroup.objects.select_related("page", "group").order_by("page__title")
        )
        people = User.objects.filter(groups__lead_officer_group__isnull=False).distinct()
        by_group: dict[int, list] = {}
        for person in people.prefetch_related("groups"):
            for group in person.groups.all():
                by_group.setdefault(group.pk, []).append(person)
        for access in accesses:
            access.people = sorted(by_group.get(access.group_id, []), key=lambda p: p.email)
        context.update(
            form=form or AddLeadOfficerForm(),
            accesses=accesses,
            holders=services.access_review(),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = AddLeadOfficerForm(request.POST)
        if form.is_valid():
            try:
                person = services.find_person(form.cleaned_data["email"])
                services.add_lead_officer(person, form.cleaned_data["group"])
            except ThemeGroupError as error:
                form.add_error("email", error.message)
            else:
                messages.success(
                    request,
                    f"{person.email} is now a lead officer of {form.cleaned_data['group'].title}.",
                )
                return redirect("themegroups_lead_officers")
        return self.render_to_response(self.get_context_data(form=form))


class RemoveLeadOfficerView(OfficersOnlyMixin, AdminScreen):
    page_title = "Remove a lead officer"
    header_icon = "group"
    template_name = "themegroups/admin/confirm.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group = get_object_or_404(GroupPage, pk=self.kwargs["page_id"])
        person = get_object_or_404(get_user_model(), pk=self.kwargs["user_id"])
        context.update(
            question=f"Stop {person.email} being a lead officer of {group.title}?",
            consequence="They lose their rights on the group's pages, documents and images "
            "at once. Pages they have already published stay published.",
            confirm_label="Yes, remove them",
        )
        return context

    def post(self, request, page_id, user_id):
        group = get_object_or_404(GroupPage, pk=page_id)
        person = get_object_or_404(get_user_model(), pk=user_id)
        try:
            services.remove_lead_officer(person, group)
        except ThemeGroupError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, f"{person.email} is no longer a lead officer of {group.title}."
            )
        return redirect("themegroups_lead_officers")


class RemoveLeaverView(OfficersOnlyMixin, AdminScreen):
    page_title = "Remove a leaver"
    header_icon = "group"
    template_name = "themegroups/admin/confirm.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = get_object_or_404(get_user_model(), pk=self.kwargs["user_id"])
        context.update(
            question=f"Remove every lead-officer right {person.email} holds?",
            consequence="Use this when someone leaves their organisation. Their account "
            "stays, without any right to edit group pages; other roles are untouched.",
            confirm_label="Yes, remove all their lead-officer rights",
        )
        return context

    def post(self, request, user_id):
        person = get_object_or_404(get_user_model(), pk=user_id)
        removed = services.remove_leaver(person)
        messages.success(
            request,
            f"{person.email} is no longer in: {', '.join(removed)}."
            if removed
            else f"{person.email} was not a lead officer of any group.",
        )
        return redirect("themegroups_lead_officers")


class TrustGroupView(OfficersOnlyMixin, AdminScreen):
    http_method_names = ["post"]

    def post(self, request, page_id):
        group = get_object_or_404(GroupPage, pk=page_id)
        is_trusted = request.POST.get("is_trusted") == "yes"
        services.trust_group(group, is_trusted=is_trusted)
        messages.success(
            request,
            f"Lead officers of {group.title} may now publish directly."
            if is_trusted
            else f"Lead officers of {group.title} now submit pages for approval.",
        )
        return redirect("themegroups_lead_officers")


class NewsAndViewsView(AdminScreen):
    """A lead officer sends their group's update for the next Steering Group meeting."""

    page_title = "News and Views"
    header_icon = "comment"
    template_name = "themegroups/admin/news_and_views.html"

    def dispatch(self, request, *args, **kwargs):
        self.groups = services.groups_led_by(request.user)
        if not self.groups.exists():
            raise PermissionDenied
        self.meetings = services.upcoming_steering_group_meetings()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = list(self.meetings[:6])
        for meeting in meetings:
            meeting.deadline = services.news_and_views_deadline(meeting)
        context.update(
            waiting=services.news_and_views_waiting_for_approval()
            if is_partnership_officer(self.request.user)
            else [],
            form=form or NewsAndViewsForm(groups=self.groups, meetings=self.meetings),
            meetings=meetings,
            sent=NewsAndViewsUpdate.objects.filter(group__in=self.groups, meeting__in=self.meetings)
            .select_related("group", "meeting")
            .order_by("meeting__start", "group__title"),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = NewsAndViewsForm(request.POST, groups=self.groups, meetings=self.meetings)
        if form.is_valid():
            try:
                update = services.submit_news_and_views(user=request.user, **form.cleaned_data)
            except ThemeGroupError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    f"Thank you: {update.group.title}'s update is on the agenda of "
                    f"{update.meeting.title}."
                    if update.is_approved
                    else f"Thank you: {update.group.title}'s update for {update.meeting.title} "
                    "goes on the agenda once a Partnership officer approves it.",
                )
                return redirect(reverse("themegroups_news_and_views"))
        return self.render_to_response(self.get_context_data(form=form))


class ApproveNewsAndViewsView(AdminScreen):
    """A Partnership officer puts an update on the public agenda (POST only)."""

    http_method_names = ["post"]

    def post(self, request, update_id):
        update = get_object_or_404(NewsAndViewsUpdate, pk=update_id)
        try:
            services.approve_news_and_views(user=request.user, update=update)
        except ThemeGroupError as error:
            raise PermissionDenied(error.message) from error
        messages.success(
            request,
            f"{update.group.title}'s update is now on the agenda of {update.meeting.title}.",
        )
        return redirect(reverse("themegroups_news_and_views"))
