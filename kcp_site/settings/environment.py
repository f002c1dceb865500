"""Where the site lives on disk, and reading settings from the environment: shared by the
settings modules."""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "kcp_site"
VAR_DIR = Path(os.environ.get("KCP_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_key(name: str) -> str:
    """A random key kept in VAR_DIR/<name>.key, made on first use: for `make run`, so a laptop's
    key stays the same from one run to the next without anyone choosing one."""
    path = VAR_DIR / f"{name}.key"
    if not path.exists():
        # Written aside, then linked into place: of processes starting together (web, worker,
        # scheduler), the first link wins and every one reads that same, complete key.
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{path.name}.{os.getpid()}")
        draft.write_text(secrets.token_urlsafe(48))
        draft.chmod(0o600)
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()
