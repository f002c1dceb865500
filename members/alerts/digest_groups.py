"""The weekly digest grouped by group: each posting under the group page it sits beneath (by
the page tree), groups ordered by their newest posting, postings newest first. Two queries,
however many postings."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from wagtail.models import Page

from home.extension_points import group_page_types
from members.models import Posting

OTHER = "Across the Partnership"


@dataclass
class GroupOfPostings:
    name: str
    postings: list[Posting] = field(default_factory=list)


def by_group(postings: Sequence[Posting]) -> list[GroupOfPostings]:
    paths = dict(
        Page.objects.filter(pk__in=[posting.page_id for posting in postings]).values_list(
            "pk", "path"
        )
    )
    groups = list(
        Page.objects.type(*group_page_types()).values_list("path", "title")
        if group_page_types()
        else []
    )
    grouped: dict[str, GroupOfPostings] = {}
    newest_first = sorted(
        postings, key=lambda posting: (posting.posted_at, posting.pk), reverse=True
    )
    for posting in newest_first:
        path = paths.get(posting.page_id, "")
        matches = [
            (len(group_path), title) for group_path, title in groups if path.startswith(group_path)
        ]
        name = max(matches)[1] if matches else OTHER
        grouped.setdefault(name, GroupOfPostings(name)).postings.append(posting)
    return list(grouped.values())
