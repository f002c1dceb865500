"""Postal mailing: batches of letters, their labels and PDF, and changes asked by post."""
