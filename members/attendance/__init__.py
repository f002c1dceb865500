"""Attendance at Steering Group meetings: officers record it per seat, and the yearly report per
member and organisation (officers only)."""
