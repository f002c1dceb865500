"""Admin views for papers: importing a paper from its file, by way of a preview."""

import datetime
import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .exceptions import ImportNotAllowed, PaperFormatError
from .forms import ImportPaperForm
from .services import import_paper, importable_groups

SESSION_KEY = "papers_pending_imports"
PENDING_IMPORTS_KEPT = 3
KIND_NAMES = {
    "report": "report",
    "action_plan": "action plan",
    "progress_report": "progress report",
}


class ImportPaperView(WagtailAdminTemplateMixin, View):
    """Upload a paper, see how it reads and where it goes, then create the draft. The paper's
    text waits in the session between the preview and the click, so nothing is uploaded twice
    and nothing is written until the officer has seen the preview."""

    page_title = "Import paper"
    header_icon = "upload"
    template_name = "papers/admin/import_paper.html"
    preview_template_name = "papers/admin/import_paper_preview.html"

    def dispatch(self, request, *args, **kwargs):
        self.groups = importable_groups(request.user)
        if not self.groups.exists():
            # A 403 page of our own: Wagtail turns PermissionDenied into a redirect home.
            self.template_name = "papers/admin/import_paper_not_allowed.html"
            return self.render_to_response(self.get_context_data(), status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(
            self.get_context_data(form=ImportPaperForm(groups=self.groups))
        )

    def post(self, request):
        form = ImportPaperForm(request.POST, request.FILES, groups=self.groups)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        token = _keep_pending_import(request, form)
        self.template_name = self.preview_template_name
        self.page_subtitle = form.preview.values.fields["title"]
        return self.render_to_response(
            self.get_context_data(
                preview=form.preview,
                token=token,
                file_name=form.cleaned_data["file"].name,
                kind_name=KIND_NAMES[form.preview.parsed.kind],
                contact_details=_contact_details(form.preview.parsed),
            )
        )


class CreateImportedPaperView(View):
    """Create (or update) the draft previewed a moment ago, and open it in the editor."""

    def post(self, request):
        pending = request.session.get(SESSION_KEY, {}).get(request.POST.get("token", ""))
        if pending is None:
            messages.error(request, "The preview has expired. Upload the paper again.")
            return redirect("papers_import")
        group = importable_groups(request.user).filter(pk=pending["group_id"]).first()
        if group is None:
            raise PermissionDenied
        date = pending["meeting_date"]
        try:
            result = import_paper(
                pending["text"],
                source_name=pending["file_name"],
                group=group,
                meeting_date=datetime.date.fromisoformat(date) if date else None,
                user=request.user,
            )
        except PaperFormatError as error:
            messages.error(request, f"The paper was not imported: {error}.")
            return redirect("papers_import")
        except ImportNotAllowed as error:
            messages.error(request, f"The paper was not imported: {error.message}")
            return redirect("papers_import")
        _forget_pending_import(request, request.POST["token"])
        done = "created as a draft" if result.created else "updated with a new draft revision"
        messages.success(request, f"“{result.page.title}” was {done}. Check it, then publish it.")
        for warning in result.warnings:
            messages.warning(request, warning)
        return redirect("wagtailadmin_pages:edit", result.page.pk)


def _keep_pending_import(request, form: ImportPaperForm) -> str:
    token = secrets.token_urlsafe(16)
    pending = request.session.get(SESSION_KEY, {})
    pending = dict(list(pending.items())[-(PENDING_IMPORTS_KEPT - 1) :])
    pending[token] = {
        "text": form.text,
        "file_name": form.cleaned_data["file"].name,
        "group_id": form.cleaned_data["group"].pk,
        "meeting_date": (
            form.cleaned_data["meeting_date"].isoformat()
            if form.cleaned_data["meeting_date"]
            else ""
        ),
    }
    request.session[SESSION_KEY] = pending
    return token


def _forget_pending_import(request, token: str) -> None:
    pending = request.session.get(SESSION_KEY, {})
    pending.pop(token, None)
    request.session[SESSION_KEY] = pending


def _contact_details(parsed) -> list[str]:
    contact = getattr(parsed, "contact", None)
    if contact is None:
        return []
    parts = (contact.job_title, contact.organisation, contact.phone, contact.email, contact.address)
    return [part for part in parts if part]
