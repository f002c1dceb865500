"""Accounts: the user model, sign-in through allauth (adapter, form), two-factor and idle-
session rules for staff, and the account's own personal data."""
