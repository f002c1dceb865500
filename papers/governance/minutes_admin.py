"""Recording decisions from the minutes page: officers, and the lead officers of the meeting's
group, give each agenda item's outcome, the decision's wording and the minute paragraph that
records it, from a screen linked from the minutes page in the admin. It saves through
`services.record_decision`, so the rule on who may record is the service's."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from papers.models import AgendaItem, MeetingPage, MinutesPage

from . import paragraphs, services
from .exceptions import GovernanceError
from .models import Decision, Outcome

ERROR_FIELDS = {"unknown_paragraph": "minute_number", "unknown_outcome": "outcome"}


class MinutesDecisionForm(forms.Form):
    item = forms.TypedChoiceField(
        label="Agenda item",
        coerce=int,
        error_messages={"required": "Choose the agenda item the decision is on."},
    )
    outcome = forms.ChoiceField(
        choices=[("", "Choose the outcome"), *Outcome.choices],
        error_messages={
            "required": "Choose the outcome: approved, approved with amendments, noted, "
            "deferred or not approved."
        },
    )
    wording = forms.CharField(
        label="Decision as the minutes word it",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write the decision as the minutes word it."},
    )
    minute_number = forms.CharField(
        label="Minute paragraph",
        required=False,
        max_length=20,
        help_text="The paragraph of these minutes that records the decision.",
    )

    def __init__(self, *args, items, minute_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", "Choose the agenda item")] + [
            (item.pk, f"{item.number} {item.title}".strip()) for item in items
        ]
        # A select of the minutes' own paragraphs; a number typed by hand is checked by the
        # service, which says which numbers the minutes have.
        self.fields["minute_number"].widget = forms.Select(
            choices=[("", "No paragraph")]
            + [(number, f"{number} {words}".strip()) for number, words in minute_choices]
        )


class MinutesDecisionsView(WagtailAdminTemplateMixin, View):
    header_icon = "tick-inverse"
    template_name = "governance/admin/minutes_decisions.html"

    def dispatch(self, request, minutes_id: int):
        self.minutes = get_object_or_404(MinutesPage, pk=minutes_id)
        parent = self.minutes.get_parent()
        self.meeting = get_object_or_404(MeetingPage, pk=parent.pk) if parent else None
        if self.meeting is None or not services.may_record_for(request.user, self.meeting):
            self.template_name = "governance/admin/minutes_decisions_not_allowed.html"
            return self.render_to_response(self.get_context_data(), status=403)
        self.items = list(AgendaItem.objects.filter(page=self.meeting).order_by("sort_order"))
        return super().dispatch(request, minutes_id)

    @property
    def page_title(self) -> str:
        return f"Decisions: {self.minutes.title}"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def _form(self, data=None) -> MinutesDecisionForm:
        return MinutesDecisionForm(
            data,
            items=self.items,
            minute_choices=paragraphs.numbered_paragraphs(self.minutes),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["minutes"] = self.minutes
        context["meeting"] = getattr(self, "meeting", None)
        if context["meeting"] is not None:
            context["decisions"] = Decision.objects.filter(meeting=self.meeting).order_by(
                "minute_number", "pk"
            )
        return context

    def get(self, request, minutes_id: int):
        return self.render_to_response(self.get_context_data(form=self._form()))

    def post(self, request, minutes_id: int):
        form = self._form(request.POST)
        if form.is_valid():
            item = next(i for i in self.items if i.pk == form.cleaned_data["item"])
            try:
                decision = services.record_decision(
                    by=request.user,
                    meeting=self.meeting,
                    item_title=item.title,
                    outcome=form.cleaned_data["outcome"],
                    wording=form.cleaned_data["wording"],
                    paper=item.paper,
                    minutes=self.minutes,
                    minute_number=form.cleaned_data["minute_number"],
                )
            except GovernanceError as error:
                form.add_error(ERROR_FIELDS.get(error.code), error.message)
            else:
                messages.success(request, f"Decision recorded: {decision}.")
                return redirect("governance_minutes_decisions", self.minutes.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)
