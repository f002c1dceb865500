"""The actions members and officers take, one module per domain (partnership, consent,
alerts, induction, events, attendance, responses; postal mailing is in members.postal)."""
