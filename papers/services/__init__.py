"""Business rules for papers, one module per subject: who may see a page or a document and
each group's document collection (visibility), importing a paper from its file into a page
(importing), and comment periods on published papers (comment_periods). Callers import
from here."""

from .comment_periods import (
    comment_periods_of,
    open_for_comments,
)
from .importing import (
    IMPORTABLE_SUFFIXES,
    MEETING_PAGE_TYPE,
    NEW_MEETING_TIME,
    NEW_MEETING_VENUE,
    REPORT_PAGE_TYPE,
    ImportPreview,
    ImportResult,
    import_paper,
    importable_groups,
    preview_import,
    read_uploaded_paper,
)
from .visibility import (
    collection_for_group,
    document_is_visible_to,
    pages_visible_to,
)

__all__ = [
    "IMPORTABLE_SUFFIXES",
    "ImportPreview",
    "ImportResult",
    "MEETING_PAGE_TYPE",
    "NEW_MEETING_TIME",
    "NEW_MEETING_VENUE",
    "REPORT_PAGE_TYPE",
    "collection_for_group",
    "comment_periods_of",
    "document_is_visible_to",
    "import_paper",
    "importable_groups",
    "open_for_comments",
    "pages_visible_to",
    "preview_import",
    "read_uploaded_paper",
]
