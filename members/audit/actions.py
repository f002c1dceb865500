"""The personal-data actions the members app writes to the one audit trail (home.audit), with
the words officers read on its screen. Codes start with the app's label."""

from django.db import models


class Action(models.TextChoices):
    VIEWED_LIST = "members.viewed_list", "Viewed the member list"
    INSPECTED = "members.inspected", "Inspected a member"
    EXPORTED = "members.exported", "Exported members as CSV"
    ADDED = "members.added", "Added a member"
    CHANGED = "members.changed", "Changed a member"
    CHANGED_OWN_DETAILS = "members.changed_own_details", "Changed their own details"
    RENEWED = "members.renewed", "Recorded renewed consent"
    DOWNLOADED = "members.downloaded", "Downloaded a member's data"
    ERASED = "members.erased", "Erased a member"
    VIEWED_RETENTION = "members.viewed_retention", "Viewed the retention report"
    RECORDED_ATTENDANCE = "members.recorded_attendance", "Recorded a meeting's attendance"
    VIEWED_ATTENDANCE = "members.viewed_attendance", "Viewed attendance"
    EXPORTED_ATTENDANCE = "members.exported_attendance", "Exported the attendance report as CSV"
    BUILT_POSTAL_BATCH = "members.built_postal_batch", "Built a postal batch"
    VIEWED_POSTAL_BATCH = "members.viewed_postal_batch", "Viewed a postal batch"
    OPENED_LETTERS = "members.opened_letters", "Opened postal letters to print"
    DOWNLOADED_LETTERS = "members.downloaded_letters", "Downloaded a postal batch's PDF"
    EXPORTED_LABELS = "members.exported_labels", "Printed or exported address labels"
    MARKED_POSTED = "members.marked_posted", "Marked a postal batch as posted"
    RECORDED_RETURN = "members.recorded_return", "Recorded a letter returned undelivered"
    VIEWED_INDUCTION_PROGRESS = "members.induction.progress_viewed", "Viewed induction progress"
    VIEWED_SKILLS_AUDIT = "members.skills_audit.viewed", "Viewed skills audit answers"
    EXPORTED_SKILLS_AUDIT = "members.skills_audit.exported", "Exported skills audit answers"
    CHANGED_SKILLS_AUDIT = "members.skills_audit.changed", "Changed skills audit answers"
