"""Admin views for papers: importing a paper from its file, by way of a preview."""

import datetime
import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .exceptions import ImportNotAllowed, PaperFormatError
from .forms import ImportPaperForm, MeetingDateForm, TitleCaseForm
from .printed_titles import is_in_capitals
from .services import ImportPreview, import_paper, importable_groups, preview_import
from .services.duplicates import same_paper_on_site

SESSION_KEY = "papers_pending_imports"
PENDING_IMPORTS_KEPT = 3
KIND_NAMES = {
    "report": "report",
    "action_plan": "action plan",
    "progress_report": "progress report",
    "minutes": "set of minutes",
    "agenda": "meeting's agenda",
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
        return self.render_preview(form.preview, token, form.cleaned_data["file"].name)

    def render_preview(
        self,
        preview: ImportPreview,
        token: str,
        file_name: str,
        date_form=None,
        title_form=None,
        status=200,
    ):
        """The preview: where the paper goes, what to check, any page that already holds
        it, and the choices left to the officer (the meeting date, the title's case)."""
        self.template_name = self.preview_template_name
        title = preview.values.fields["title"]
        self.page_subtitle = title
        if date_form is None and preview.needs_meeting_date:
            date_form = MeetingDateForm()
        if title_form is None and is_in_capitals(title):
            title_form = TitleCaseForm(title=title)
        return self.render_to_response(
            self.get_context_data(
                preview=preview,
                token=token,
                file_name=file_name,
                kind_name=KIND_NAMES[preview.parsed.kind],
                date_form=date_form,
                title_form=title_form,
                same_papers=same_paper_on_site(preview.values, preview.meeting_date),
            ),
            status=status,
        )


class CreateImportedPaperView(ImportPaperView):
    """Create (or update) the draft previewed a moment ago, and open it in the editor; a
    report that prints no meeting date is created only once the officer has given one."""

    def get(self, request):
        return redirect("papers_import")

    def post(self, request):
        token = request.POST.get("token", "")
        pending = request.session.get(SESSION_KEY, {}).get(token)
        if pending is None:
            messages.error(request, "The preview has expired. Upload the paper again.")
            return redirect("papers_import")
        group = importable_groups(request.user).filter(pk=pending["group_id"]).first()
        if group is None:
            raise PermissionDenied
        date = (
            datetime.date.fromisoformat(pending["meeting_date"])
            if pending["meeting_date"]
            else None
        )
        printed_title = pending.get("title", "")
        title_form = (
            TitleCaseForm(request.POST, title=printed_title)
            if is_in_capitals(printed_title)
            else None
        )
        if title_form is not None:
            title_form.is_valid()  # a checkbox: any answer is valid
        if date is None:
            preview = preview_import(pending["text"], source_name=pending["file_name"], group=group)
            if preview.needs_meeting_date:
                date_form = MeetingDateForm(request.POST)
                if not date_form.is_valid():
                    return self.render_preview(
                        preview, token, pending["file_name"], date_form, title_form
                    )
                date = date_form.cleaned_data["meeting_date"]
        try:
            result = import_paper(
                pending["text"],
                source_name=pending["file_name"],
                group=group,
                meeting_date=date,
                user=request.user,
                title=title_form.chosen_title() if title_form is not None else "",
            )
        except PaperFormatError as error:
            messages.error(request, f"The paper was not imported: {error}.")
            return redirect("papers_import")
        except ImportNotAllowed as error:
            messages.error(request, f"The paper was not imported: {error.message}")
            return redirect("papers_import")
        _forget_pending_import(request, token)
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
        "title": form.preview.values.fields["title"],
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
