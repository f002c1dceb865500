"""Who may change or delete a document. Wagtail's collection rules first; then, because a
document a live page uses is part of what that page publishes, changing, replacing or
deleting it also needs the right to publish every live page that uses it. A lead officer
without publish rights changes such a document only through a new version of the page,
which goes through the officers' review like any other change."""

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

# The actions that alter what a published page shows.
ALTERING_ACTIONS = frozenset({"change", "delete"})


def _live_pages_using(document_ids=None) -> dict[int, set[int]]:
    """Document id -> ids of the live pages that use it, from Wagtail's reference index."""
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        base_content_type=ContentType.objects.get_for_model(Page),
    )
    if document_ids is not None:
        references = references.filter(to_object_id__in=[str(pk) for pk in document_ids])
    pages_by_document: dict[int, set[int]] = {}
    for document_id, page_id in references.values_list("to_object_id", "object_id").distinct():
        pages_by_document.setdefault(int(document_id), set()).add(int(page_id))
    live = set(
        Page.objects.filter(
            pk__in={page_id for ids in pages_by_document.values() for page_id in ids}, live=True
        ).values_list("pk", flat=True)
    )
    return {document_id: ids & live for document_id, ids in pages_by_document.items() if ids & live}


def documents_locked_for(user) -> set[int]:
    """The documents a live page uses that the user may not publish."""
    if user.is_active and user.is_superuser:
        return set()
    used = _live_pages_using()
    if not used:
        return set()
    publishable = set(
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "publish")
        .filter(pk__in={pk for ids in used.values() for pk in ids})
        .values_list("pk", flat=True)
    )
    return {document_id for document_id, pages in used.items() if not pages <= publishable}


def is_locked_for(user, document) -> bool:
    """Whether a live page uses the document and the user may not publish that page."""
    if user.is_active and user.is_superuser:
        return False
    pages = _live_pages_using([document.pk]).get(document.pk, set())
    if not pages:
        return False
    publishable = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
    return publishable.filter(pk__in=pages).count() < len(pages)


class PublishedDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document policy, refusing "change" and "delete" of a document a live page
    uses to anyone who may not publish that page. Choosing it stays allowed."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if actions - ALTERING_ACTIONS and super().user_has_any_permission_for_instance(
            user, actions - ALTERING_ACTIONS, instance
        ):
            return True
        if not actions & ALTERING_ACTIONS:
            return False
        return super().user_has_any_permission_for_instance(
            user, actions & ALTERING_ACTIONS, instance
        ) and not is_locked_for(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) <= ALTERING_ACTIONS:
            instances = instances.exclude(pk__in=documents_locked_for(user))
        return instances


def document_permission_policy() -> PublishedDocumentPermissionPolicy:
    return PublishedDocumentPermissionPolicy(
        get_document_model_string(),
        auth_model="wagtaildocs.Document",
        owner_field_name="uploaded_by_user",
    )
