"""Helpers for tests that run the site as separate processes (scripts/run-site.sh, backups):
a migrated SQLite site to copy, the environment for its commands, a free port."""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = str(Path(sys.executable))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_environment(var_dir: Path, **extra: str) -> dict[str, str]:
    """`make run`'s settings (dev, SQLite in var_dir), with no PostgreSQL from the test run."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PG", "DJANGO_", "DATABASE_URL", "KCP_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="kcp_site.settings.dev",
        KCP_VAR_DIR=str(var_dir),
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return environment


def manage(var_dir: Path, *arguments: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=REPO,
        env=site_environment(var_dir, **extra),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )


def copy_site(template: Path, var_dir: Path) -> Path:
    shutil.copytree(template, var_dir, dirs_exist_ok=True)
    return var_dir
