"""The admin's forms for decisions and actions save through the services, so the rule on who
may record (and every check on what is recorded) is the same in the admin as everywhere."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from . import services
from .exceptions import GovernanceError

# Which form field each error is about, so the message stands beside what to fix.
ERROR_FIELDS = {
    "unknown_owner": "owner",
    "due_before_meeting": "due_on",
    "due_required": "due_on",
    "reason_required": "dropped_reason",
    "unknown_status": "status",
    "unknown_paragraph": "source_number",
    "unknown_outcome": "outcome",
}


class ServiceForm(WagtailAdminModelForm):
    """Runs the service in `clean()` (inside the view's transaction, so a refusal saves
    nothing) and hands the saved record to the view."""

    def record(self):
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            self._recorded = self.record()
        except GovernanceError as error:
            field = ERROR_FIELDS.get(error.code)
            if self.instance.pk is None or field in self.fields:
                raise ValidationError({field: error.message} if field else error.message) from error
            raise ValidationError(error.message) from error
        return cleaned

    def save(self, commit=True):
        self.instance = self._recorded
        return self.instance

    def save_m2m(self):
        pass


class ActionForm(ServiceForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only imported minutes may leave these blank (as printed); an officer gives both.
        for name, message in (
            ("owner", "Choose the owner from the contacts list, or add them as a contact first."),
            ("due_on", "Give the date the action is due."),
        ):
            if name in self.fields:
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = message
        if "decision" in self.fields:
            # Only decisions of the groups the user records for are offered.
            field = self.fields["decision"]
            field.queryset = services.recordable_by(self.for_user, field.queryset)

    def record(self):
        data = self.cleaned_data
        if self.instance.pk:
            return services.change_action(
                by=self.for_user,
                action=self.instance,
                text=data["text"],
                owner=data["owner"],
                due_on=data["due_on"],
            )
        return services.record_action(
            by=self.for_user,
            meeting=data["meeting"],
            text=data["text"],
            owner=data["owner"],
            due_on=data["due_on"],
            decision=data.get("decision"),
            source_page=data.get("source_page"),
            source_number=data.get("source_number", ""),
            status=data.get("status") or "not_started",
            dropped_reason=data.get("dropped_reason", ""),
        )


class DecisionForm(ServiceForm):
    def record(self):
        data = self.cleaned_data
        if self.instance.pk:
            # Recording again replaces: the service checks the rights on the meeting.
            services.check_may_change_decision(self.for_user, self.instance)
        return services.record_decision(
            by=self.for_user,
            meeting=data["meeting"],
            item_title=data["item_title"],
            outcome=data["outcome"],
            wording=data["wording"],
            paper=data.get("paper"),
            minutes=data.get("minutes"),
            minute_number=data.get("minute_number", ""),
            decided_on=data.get("decided_on"),
            decision=self.instance if self.instance.pk else None,
        )
