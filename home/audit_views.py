"""The officers' screen of the personal data audit trail (home.audit): every entry of every app,
newest first, filtered by who, what, when and about which record. Read-only, officers only;
entries name people by number, so the screen shows no personal data beyond officers' names."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home.audit import AuditEntry, audit_actions
from home.roles import PARTNERSHIP_OFFICERS

ENTRIES_PER_PAGE = 50


def _action_choices():
    return sorted(audit_actions().items(), key=lambda item: item[1])


def _subject_choices():
    kinds = AuditEntry.objects.exclude(subject_type="").values_list("subject_type", flat=True)
    return [(kind, kind.split(".")[-1].replace("_", " ")) for kind in sorted(set(kinds))]


def _actors(request=None):
    """Who can appear as an actor: officers, and anyone who already has an entry."""
    has_entries = AuditEntry.objects.filter(actor__isnull=False).values("actor_id")
    return (
        get_user_model()
        .objects.filter(Q(groups__name=PARTNERSHIP_OFFICERS) | Q(pk__in=has_entries))
        .distinct()
    )


class AuditEntryFilterSet(WagtailFilterSet):
    actor = django_filters.ModelChoiceFilter(queryset=_actors, label="Who")
    action = django_filters.ChoiceFilter(choices=_action_choices, label="What")
    at = django_filters.DateFromToRangeFilter(label="When", widget=DateRangePickerWidget)
    subject_type = django_filters.ChoiceFilter(choices=_subject_choices, label="About a")
    subject_id = django_filters.NumberFilter(
        label="Record number", widget=forms.NumberInput(attrs={"min": 1})
    )

    class Meta:
        model = AuditEntry
        fields = ["actor", "action", "at", "subject_type", "subject_id"]


class AuditEntryIndexView(generic.IndexView):
    paginate_by = ENTRIES_PER_PAGE
    default_ordering = "-at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("actor", "page")


class AuditTrailViewSet(ModelViewSet):
    """Read-only: the permission policy (home.wagtail_hooks) allows officers to view, and
    nobody, superusers included, to add, change or delete."""

    model = AuditEntry
    icon = "list-ul"
    menu_label = "Personal data audit trail"
    add_to_admin_menu = False
    index_view_class = AuditEntryIndexView
    filterset_class = AuditEntryFilterSet
    list_display = [
        DateColumn("at", label="When"),
        Column("actor", label="Who"),
        Column("action_label", label="What"),
        Column("subject", label="About"),
        Column("page", label="On the page"),
        Column("count", label="People"),
    ]
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = []
    list_export = []
