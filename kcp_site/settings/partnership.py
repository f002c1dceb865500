"""Settings of the Partnership's own behaviour, read by base.py: the demo content, the
scheduler's jobs, background work, and each domain's figures (events, consultations, alerts,
post, induction). Each value that differs between machines comes from the environment."""

import os
from pathlib import Path

from .environment import VAR_DIR

# Demo content for `make run`, loaded in this order by `manage.py load_demo_content`.
KCP_DEMO_CONTENT_LOADERS = [
    "home.demo",
    "themegroups.demo",
    "papers.demo",
    "papers.governance.demo",
    "papers.indicators.demo",
    "members.demo",
    "members.events.demo",
    "members.consultations.demo",
    "members.risks.demo",
    "members.outreach.demo",
    # Last: every demo meeting with an agenda gets its pack, papers and all.
    "papers.packs.demo",
]
KCP_DEMO_CONTENT_ALLOWED = False

# Periodic jobs run by `manage.py run_scheduler`: (management command, every N seconds).
KCP_SCHEDULED_JOBS = [
    ("publish_scheduled", 60),
    ("recover_background_work", 60),
    ("send_news_and_views_reminders", 3600),
    ("clean_up_old_records", 3600),
    ("expire_event_offers", 60),
    ("erase_event_needs", 3600),
    ("send_away_day_reminders", 3600),
    ("apply_member_retention", 24 * 3600),
    # A seat's joining or leaving day gives or takes away the Steering Group members' role.
    ("sync_steering_group_roles", 60),
    ("send_induction_reminders", 3600),
    # Alerts whose task was lost, and the weekly digest when its day and time come.
    ("send_alerts", 60),
    # Draft agendas the Agenda Planning Group has still to agree, and actions due or overdue.
    ("send_governance_reminders", 3600),
    # Officers are told once when the risk register's annual review falls due.
    ("send_risk_review_reminders", 3600),
    # The "About N members" of the home and join pages (members.outreach), once a day.
    ("count_members", 24 * 3600),
]
# The scheduler wakes this often to see which jobs are due (and closes stale connections).
KCP_SCHEDULER_TICK_SECONDS = float(os.environ.get("KCP_SCHEDULER_TICK_SECONDS", "1"))
# A background task still RUNNING this long after it started belongs to a worker that died:
# the scheduler queues it again. Delivery runs stop at half of it.
KCP_TASK_LEASE_SECONDS = float(os.environ.get("KCP_TASK_LEASE_SECONDS", "900"))
# Finished task results are deleted this many days after they finished.
KCP_TASK_RESULT_RETENTION_DAYS = int(os.environ.get("KCP_TASK_RESULT_RETENTION_DAYS", "14"))
# Where the SQLite scheduler keeps its lock files (PostgreSQL uses advisory locks).
KCP_LOCK_DIR = Path(os.environ.get("KCP_LOCK_DIR", VAR_DIR / "locks"))

# Events (members.events): a place freed up is held for the first person waiting this long
# (milliseconds; tests set a few); access and dietary needs are deleted this many days after
# the event ends.
KCP_EVENT_OFFER_HOLD_MS = int(os.environ.get("KCP_EVENT_OFFER_HOLD_MS", str(48 * 3600 * 1000)))
KCP_EVENT_NEEDS_KEPT_DAYS = int(os.environ.get("KCP_EVENT_NEEDS_KEPT_DAYS", "30"))
# After an event's waiting list closes, an offer of a freed place ends no later than this many
# hours before the event starts.
KCP_EVENT_LAST_OFFER_HOURS = int(os.environ.get("KCP_EVENT_LAST_OFFER_HOURS", "2"))
# Consultations (members.consultations): how long the link emailed to a non-member stays
# valid, and the longest answer a response may give.
KCP_CONSULTATION_LINK_VALID_SECONDS = int(
    os.environ.get("KCP_CONSULTATION_LINK_VALID_SECONDS", str(7 * 24 * 3600))
)
KCP_RESPONSE_MAX_CHARACTERS = int(os.environ.get("KCP_RESPONSE_MAX_CHARACTERS", "5000"))

# Postal batches: the window envelope the letters are printed for ("DL" or "C5", see
# members.postal.letters.ENVELOPE_WINDOWS), and how many letters WeasyPrint renders at a
# time, in how many processes at once, before pypdf joins them (memory stays flat however
# large the batch; bench/postal_batch.py measures it).
KCP_POSTAL_ENVELOPE = os.environ.get("KCP_POSTAL_ENVELOPE", "DL")
KCP_POSTAL_PDF_CHUNK_SIZE = int(os.environ.get("KCP_POSTAL_PDF_CHUNK_SIZE", "50"))
KCP_POSTAL_PDF_PROCESSES = int(os.environ.get("KCP_POSTAL_PDF_PROCESSES", "2"))
# Alerts (members.alerts): a posting goes out this long after it is posted, so the
# items of one meeting published together go as one message; members are queued in batches.
KCP_ALERT_BUNDLE_SECONDS = float(os.environ.get("KCP_ALERT_BUNDLE_SECONDS", "300"))
KCP_ALERT_BATCH_SIZE = int(os.environ.get("KCP_ALERT_BATCH_SIZE", "500"))

# News and Views (themegroups): updates are due this many days before a Steering Group
# meeting, and lead officers whose group has sent none are reminded this many days before that.
KCP_NEWS_AND_VIEWS_DEADLINE_DAYS = 7
KCP_NEWS_AND_VIEWS_REMINDER_DAYS = 3

# --- Limits against guessing and heavy input (issue 12) -------------------------------------
# How many proxies in front of the site add themselves to X-Forwarded-For (the documented TLS
# proxy: 1). The rate limits key on the client's address; 0 trusts REMOTE_ADDR alone.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "0"))
# The owner of an account is told once per this many seconds per address that sign-in from
# that address was paused after wrong passwords.
KCP_LOCKOUT_NOTICE_SECONDS = 5 * 60
# Guesses at a password-protected page: this many per client address and window (seconds).
KCP_PAGE_PASSWORD_ATTEMPTS = 10
KCP_PAGE_PASSWORD_WINDOW_SECONDS = 60
# Officers' and lead officers' sessions end after this long without a request (seconds).
KCP_STAFF_IDLE_TIMEOUT_SECONDS = int(os.environ.get("KCP_STAFF_IDLE_TIMEOUT_SECONDS", "1800"))
# Uploads: the largest document file, and how far a .docx may unpack before it is read.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
KCP_DOCX_MAX_UNPACKED_BYTES = 20 * 1024 * 1024
# Induction (members): officers are told about a Steering Group member who has finished no
# module this many days after taking their seat.
KCP_INDUCTION_REMINDER_DAYS = int(os.environ.get("KCP_INDUCTION_REMINDER_DAYS", "28"))
# How many of the Steering Group's next meetings the members' dashboard shows.
KCP_DASHBOARD_MEETINGS_SHOWN = 3

# The meeting cycle (papers.governance): its lead time and reminder days are the site setting
# "Meeting cycle" (papers.governance.models.MeetingCycleSettings), changed by officers.
# An edit to a draft agenda after the group agreed it goes back to the group.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
