"""Officers' screens for member records, Partnership officers only: a Wagtail ModelViewSet
(filters, search, inspect, CSV export, add and edit postal members, erase), the download,
consent renewal and the retention report; every view, export and change audited."""

import datetime
import json

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Max, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from home.audit import record_access
from home.http_caching import kept_private
from home.models import Interest
from home.officer_screens import OfficersOnlyMixin
from home.spreadsheets import neutralise
from members.audit.actions import Action
from members.data_rights import services as data_rights
from members.exceptions import MembersError
from members.models import ConsentRecord, Member
from members.partnership import consent, retention
from members.partnership import services as partnership
from members.partnership.forms import MemberAdminForm

CONSENT_AGES = [
    ("under_1", "In the last year"),
    ("1_to_2", "1 to 2 years ago"),
    ("over_2", "More than 2 years ago"),
    ("renewal", "Agreed to an older privacy notice that asks for renewal"),
]


class MemberFilterSet(WagtailFilterSet):
    interests = django_filters.ModelMultipleChoiceFilter(
        queryset=Interest.objects.all(), widget=forms.CheckboxSelectMultiple, label="Interest"
    )
    route = django_filters.ChoiceFilter(choices=Member.Route.choices, label="Route")
    kind = django_filters.ChoiceFilter(choices=Member.Kind.choices, label="Kind of member")
    status = django_filters.ChoiceFilter(choices=Member.Status.choices, label="Status")
    email_paused = django_filters.BooleanFilter(
        field_name="email_paused_at",
        lookup_expr="isnull",
        exclude=True,
        label="Email refused by their mail server",
    )
    consent_age = django_filters.ChoiceFilter(
        choices=CONSENT_AGES, label="Consent given", method="filter_consent_age"
    )

    class Meta:
        model = Member
        fields = ["interests", "route", "kind", "status"]

    def filter_consent_age(self, queryset, name, value):
        now = timezone.now()
        year = datetime.timedelta(days=365)
        if value == "under_1":
            return queryset.filter(last_consent_at__gte=now - year)
        if value == "1_to_2":
            return queryset.filter(
                last_consent_at__lt=now - year, last_consent_at__gte=now - 2 * year
            )
        if value == "over_2":
            return queryset.filter(last_consent_at__lt=now - 2 * year)
        if value == "renewal":
            return queryset.filter(pk__in=consent.members_needing_renewal().values("pk"))
        return queryset


class MemberIndexView(generic.IndexView):
    filterset_class = MemberFilterSet
    search_backend_name = None  # the ORM, so member data never goes into a search index

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("user")
            .prefetch_related(Prefetch("interests", queryset=Interest.objects.only("name")))
            .annotate(last_consent_at=Max("consents__given_at"))
        )

    def _filters_used(self) -> dict:
        used = {key: self.request.GET.getlist(key) for key in self.request.GET if key != "p"}
        used.pop("export", None)
        return used

    def render_to_response(self, context, **response_kwargs):
        count = context["object_list"].count() if self.is_export else len(context["object_list"])
        action = Action.EXPORTED if self.is_export else Action.VIEWED_LIST
        record_access(
            self.request.user, action, count=count, details={"filters": self._filters_used()}
        )
        return super().render_to_response(context, **response_kwargs)

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def to_row_dict(self, item):
        return {
            field: ", ".join(interest.name for interest in item.interests.all())
            if field == "interests"
            else getattr(item, field)
            for field in self.list_export
        }


class MemberInspectView(generic.InspectView):
    template_name = "members/admin/inspect.html"

    def get(self, request, *args, **kwargs):
        record_access(request.user, Action.INSPECTED, subject=self.object)
        return super().get(request, *args, **kwargs)

    def get_email_display_value(self):
        return self.object.email or "(none: a postal member)"

    def get_interests_display_value(self):
        return ", ".join(interest.name for interest in self.object.interests.all()) or "-"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            member=self.object,
            consents=self.object.consents.select_related("privacy_notice_version", "recorded_by"),
            changes=self.object.changes.select_related("changed_by"),
            alert_deliveries=self.object.alert_deliveries.select_related("posting", "email"),
            needs_renewal=consent.needs_renewal(self.object),
        )
        return context


def _details_from(form, member: Member | None = None) -> partnership.MembershipDetails:
    data = form.cleaned_data
    return partnership.MembershipDetails(
        name=data["name"],
        kind=data["kind"],
        organisation_name=data.get("organisation_name", ""),
        interests=tuple(data["interests"]),
        route=data.get("route") or (member.route if member else Member.Route.POST),
        postal_address=data.get("postal_address", member.postal_address if member else ""),
        postcode=data.get("postcode", member.postcode if member else ""),
        is_large_print=data.get("is_large_print", member.is_large_print if member else False),
    )


class MemberCreateView(generic.CreateView):
    """Adds a postal member, with how, when and by whom consent was given."""

    def save_instance(self):
        data = self.form.cleaned_data
        return partnership.add_postal_member(
            self.request.user,
            _details_from(self.form),
            consent_method=data["consent_method"],
            consent_given_on=data["consent_given_on"],
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except MembersError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)


class MemberEditView(generic.EditView):
    def save_instance(self):
        # The form changed the instance in memory; the service compares with the saved row.
        member = Member.objects.get(pk=self.object.pk)
        return partnership.edit_member(self.request.user, member, _details_from(self.form, member))

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except MembersError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)


class MemberDeleteView(generic.DeleteView):
    """Deleting a member erases them, through every personal-data holder."""

    page_title = "Erase"
    template_name = "members/admin/confirm_erase.html"

    def delete_action(self):
        data_rights.erase_member(self.object, by=self.request.user)

    def get_success_message(self):
        return (
            f"Member {self.object.pk} is erased: their name, contact details and choices are gone."
        )


class MemberViewSet(ModelViewSet):
    model = Member
    icon = "group"
    menu_label = "Wider partnership"
    menu_order = 850
    add_to_admin_menu = True
    index_view_class = MemberIndexView
    inspect_view_class = MemberInspectView
    add_view_class = MemberCreateView
    edit_view_class = MemberEditView
    delete_view_class = MemberDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "route", "kind", "status", "email_paused_at", "last_active_at"]
    list_export = [
        "id",
        "name",
        "email",
        "kind",
        "organisation_name",
        "route",
        "status",
        "interests",
        "postal_address",
        "postcode",
        "joined_at",
        "last_active_at",
        "last_consent_at",
    ]
    export_headings = {"last_consent_at": "Consent last given", "email": "Email address"}
    export_filename = "wider-partnership-members"
    search_fields = ["name", "user__email", "organisation_name", "postcode"]
    inspect_view_fields = [
        "name",
        "email",
        "kind",
        "organisation_name",
        "route",
        "status",
        "interests",
        "postal_address",
        "postcode",
        "joined_at",
        "verified_at",
        "last_active_at",
        "added_by",
        "email_paused_at",
        "email_paused_reason",
    ]

    def get_form_class(self, for_update=False):
        return MemberAdminForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/data.json", MemberDataDownloadView.as_view(), name="download"),
            path("<int:pk>/renew/", RenewConsentView.as_view(), name="renew"),
            path("retention/", RetentionReportView.as_view(), name="retention"),
        ]


class MemberDataDownloadView(OfficersOnlyMixin, TemplateView):
    """Everything held about a member, for an officer answering a subject access request."""

    def get(self, request, pk):
        member = get_object_or_404(Member, pk=pk)
        exported = data_rights.export_for_officer(request.user, member)
        response = HttpResponse(
            json.dumps(exported, indent=2, ensure_ascii=False, default=str),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="member-{member.pk}.json"'
        return kept_private(response)


class RenewConsentForm(forms.Form):
    method = forms.ChoiceField(
        label="How did they renew their consent?",
        choices=[(method.value, method.label) for method in ConsentRecord.OFFICER_METHODS],
    )


class RenewConsentView(OfficersOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Record renewed consent"
    header_icon = "group"
    template_name = "members/admin/renew.html"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            member=get_object_or_404(Member, pk=self.kwargs["pk"]), form=form or RenewConsentForm()
        )
        return context

    def post(self, request, pk):
        member = get_object_or_404(Member, pk=pk)
        form = RenewConsentForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        consent.renew_consent(member, form.cleaned_data["method"], recorded_by=request.user)
        record_access(request.user, Action.RENEWED, subject=member)
        messages.success(request, f"Consent renewed for member {member.pk}.")
        return redirect(request.POST.get("next") or reverse("member:inspect", args=[member.pk]))


class RetentionReportView(OfficersOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Retention report"
    header_icon = "time"
    template_name = "members/admin/retention.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        due = list(retention.members_due_for_review())
        cutoff = retention.review_cutoff()
        for member in due:
            member.is_past_limit = member.last_active_at < cutoff and (
                member.last_consent_at is None or member.last_consent_at < cutoff
            )
        record_access(self.request.user, Action.VIEWED_RETENTION, count=len(due))
        context.update(
            members=due,
            config=retention.retention_settings(),
            renew_form=RenewConsentForm(),
        )
        return context
