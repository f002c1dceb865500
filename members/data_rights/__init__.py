"""Data rights: a member's own data as a readable page and a JSON download, deletion, and what
background work and editing records hold about a person."""
