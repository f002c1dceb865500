"""The members app's models, one module per domain (see shared/DESIGN.md): accounts first."""

from .accounts import EmailUserManager, User

__all__ = ["EmailUserManager", "User"]
