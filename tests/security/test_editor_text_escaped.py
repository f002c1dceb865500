"""Every text an editor types that reaches a template, saved with `"><script>…` and
`x onfocus=…`, is escaped on the published page and in the admin's view of the draft
(issue 12). Each page type's own fields and the text inside its StreamField blocks are
filled in by walking the model, so a field added later is covered too."""

import datetime

import pytest
from django.db import models
from django.test import Client
from django.utils.html import escape
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from tests.security.markup import injected_markup

pytestmark = pytest.mark.django_db

HOSTILE = '"><script>alert(1)</script> x onfocus=alert(1) y'
# Fields Wagtail or the site fills in, or that hold no text shown on the page.
NOT_EDITOR_TEXT = {
    "path", "url_path", "slug", "draft_title", "content_type", "locale", "translation_key",
    "latest_revision", "live_revision", "owner", "locked_by", "alias_of", "search_description",
}  # fmt: skip
# Numbers are checked for duplicates and renumbered, so they stay as they are.
BLOCK_CHOICES = {"rag", "level", "status", "kind", "due_on", "document", "url", "page", "number"}


def hostile(max_length=None) -> str:
    return HOSTILE if not max_length or max_length >= len(HOSTILE) else HOSTILE[:max_length]


def poison(value):
    """Every string in a StreamField's raw data, except choices, dates and links."""
    if isinstance(value, dict):
        return {
            key: item if key in BLOCK_CHOICES or key in ("type", "id") else poison(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [poison(item) for item in value]
    if isinstance(value, str):
        return hostile(40)
    return value


def fill_with_hostile_text(page: Page) -> list[str]:
    filled = []
    for field in type(page)._meta.concrete_fields:
        if field.name in NOT_EDITOR_TEXT or not field.editable or field.choices:
            continue
        if isinstance(field, RichTextField):
            # What the rich text editor stores for typed text: escaped, in a paragraph.
            setattr(page, field.name, f"<p>{escape(HOSTILE)}</p>")
        elif isinstance(field, StreamField):
            raw = getattr(page, field.name).raw_data
            setattr(page, field.name, poison(list(raw)))
        elif isinstance(field, models.TextField | models.CharField) and not isinstance(
            field, models.EmailField | models.URLField | models.SlugField
        ):
            setattr(page, field.name, hostile(field.max_length))
        else:
            continue
        filled.append(field.name)
    if "correction_note" in filled:
        page.corrected_on = datetime.date(2009, 6, 1)  # a note needs its date to publish
    return filled


@pytest.fixture
def every_page_type(home_page, report, action_plan, progress_report, minutes, health_group):
    return [report, action_plan, progress_report, minutes, report.get_parent(), health_group]


def test_editor_text_is_escaped_on_published_pages_and_in_the_admins_draft_view(
    every_page_type, officer_browser
):
    visitor = Client()
    for original in every_page_type:
        page = Page.objects.get(pk=original.pk).specific
        filled = fill_with_hostile_text(page)
        assert "title" in filled
        page.save_revision(clean=False).publish()
        page = Page.objects.get(pk=page.pk).specific
        published = visitor.get(page.url)
        draft = officer_browser.get(f"/admin/pages/{page.pk}/view_draft/")
        for where, response in (("published", published), ("draft view", draft)):
            html = response.content.decode()
            assert response.status_code == 200, (type(page).__name__, where)
            assert "<script>alert(1)" not in html, (type(page).__name__, where, filled)
            assert injected_markup(html) == [], (type(page).__name__, where, filled)
            assert "&quot;&gt;&lt;script&gt;alert(1)" in html, (type(page).__name__, where)
