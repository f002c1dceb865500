"""The actions members and officers take, one module per domain (partnership, consent,
alerts, postal, induction, events, attendance, responses)."""
