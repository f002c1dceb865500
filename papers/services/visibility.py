"""Who may see a page or a document, and the document collection each group's papers use."""

from django.db import transaction
from wagtail.models import Collection, Page, PageViewRestriction, ReferenceIndex
from wagtail.permissions import policy_registry

from home.roles import group_ids_of


def collection_for_group(group_page: Page) -> Collection:
    """The document collection holding a group's annexes and background papers, created under
    the root collection the first time it is asked for. It is found by the group's name."""
    root = Collection.get_first_root_node()
    name = group_page.title
    with transaction.atomic():
        existing = root.get_children().filter(name=name).first()
        if existing:
            return existing
        return root.add_child(name=name)


def _request_passes(restrictions, request) -> bool:
    return all(restriction.accept_request(request) for restriction in restrictions)


def pages_visible_to(request, pages) -> set[int]:
    """The ids of those live `pages` the request may see, view restrictions inherited from
    ancestors included. Two queries however many pages (every restriction, with its groups),
    where checking each page with Wagtail's accept_request would ask for the person's groups
    once per page."""
    pages = [page for page in pages if page.live]
    if not pages:
        return set()
    restrictions = list(
        PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    )
    user = request.user
    group_ids = group_ids_of(request)
    passed = set(request.session.get(PageViewRestriction.passed_view_restrictions_session_key, []))

    def passes(restriction) -> bool:
        kind = restriction.restriction_type
        if kind == PageViewRestriction.LOGIN:
            return user.is_authenticated
        if kind == PageViewRestriction.GROUPS:
            return user.is_superuser or any(g.pk in group_ids for g in restriction.groups.all())
        if kind == PageViewRestriction.PASSWORD:
            return restriction.pk in passed
        return True

    refused_paths = [r.page.path for r in restrictions if not passes(r)]
    return {
        page.pk for page in pages if not any(page.path.startswith(path) for path in refused_paths)
    }


def document_is_visible_to(document, request) -> bool:
    """Whether a document may be served: some live page the request may see uses it (through
    Wagtail's reference index), or the user may edit documents in its collection."""
    user = request.user
    policy = policy_registry.get_by_type(type(document))
    if user.is_authenticated and policy.user_has_permission_for_instance(user, "change", document):
        return True
    if not _request_passes(document.collection.get_view_restrictions(), request):
        return False
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ReferenceIndex._get_base_content_type(Page))
        .values_list("object_id", flat=True)
        .distinct()
    ]
    live_pages = Page.objects.filter(pk__in=page_ids).live()
    if live_pages.public().exists():
        return True
    return any(
        _request_passes(page.get_view_restrictions(), request)
        for page in live_pages.not_public()[:20]
    )
