"""Email alerts of new postings: what counts as a posting, who it matches (matching), the at-
once and weekly-digest fan-out (sending), one-click unsubscribe, and the officers' "Alerts sent"
screen."""
