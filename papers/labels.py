"""How officers tell pages apart where they pick or list them: a title alone repeats ("Minutes",
"Progress report"), so the label adds the group, the meeting's date and the kind of paper.
Read from the page's own fields: no query."""

from django.utils import dateformat


def paper_label(page, title: str | None = None) -> str:
    """ "Title (Group, meeting of 13 May 2009, report)" for a specific paper page."""
    details = []
    group_name = getattr(page, "group_name", "")
    meeting_date = getattr(page, "meeting_date", None)
    if group_name:
        details.append(group_name)
    if meeting_date:
        details.append(f"meeting of {dateformat.format(meeting_date, 'j F Y')}")
    details.append(str(page._meta.verbose_name))
    return f"{title or page.title} ({', '.join(details)})"
