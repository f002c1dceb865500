"""The wider partnership: joining, members' preferences, consent records, retention, and the
officers' member records (postal members among them)."""
