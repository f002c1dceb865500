"""Backups of the whole site: the database and the uploaded media in one archive.

An archive is a gzipped tar holding `manifest.json` (format, database engine, when), the
database (`database.dump` from `pg_dump --format=custom` on PostgreSQL, `database.sqlite3`
from SQLite's online backup API, which is safe while the site runs) and `media/`.
A restore goes into an empty database only, so it can never overwrite a live site by
mistake; the media files are put back under MEDIA_ROOT."""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

from .exceptions import BackupError

ARCHIVE_FORMAT = 1
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    engine: str
    media_files: int


def _engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else connection.vendor


def _postgres_program(name: str) -> str:
    """pg_dump / pg_restore: from KCP_POSTGRES_BIN_DIR, the PATH, or Debian's install."""
    folder = os.environ.get("KCP_POSTGRES_BIN_DIR")
    if folder:
        return str(Path(folder) / name)
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    raise BackupError(
        f"{name} was not found: install PostgreSQL's client programs "
        f"(apt-get install postgresql-client) or set KCP_POSTGRES_BIN_DIR."
    )


def _postgres_environment() -> dict[str, str]:
    database = connection.settings_dict
    environment = dict(os.environ)
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _run(command: list[str]) -> None:
    result = subprocess.run(command, env=_postgres_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def _sqlite_path() -> Path:
    return Path(connection.settings_dict["NAME"])


def back_up(path: Path) -> BackupSummary:
    """Write an archive of the database and the media to `path` (written whole, then moved
    into place, so a failed backup never leaves a half archive under that name)."""
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} already exists: choose a new file name for the backup.")
    engine = _engine()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        work_dir = Path(work)
        if engine == "postgresql":
            database_file = work_dir / POSTGRES_DUMP
            _run(
                [
                    _postgres_program("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={database_file}",
                ]
            )
        elif engine == "sqlite":
            database_file = work_dir / SQLITE_COPY
            connection.close()
            with (
                closing(sqlite3.connect(_sqlite_path())) as source,
                closing(sqlite3.connect(database_file)) as copy,
            ):
                source.backup(copy)
        else:
            raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")
        media_files = [item for item in media_root.rglob("*") if item.is_file()]
        manifest = {
            "format": ARCHIVE_FORMAT,
            "engine": engine,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "media_files": len(media_files),
        }
        (work_dir / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = work_dir / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(work_dir / "manifest.json", arcname="manifest.json")
            archive.add(database_file, arcname=database_file.name)
            for item in media_files:
                archive.add(item, arcname=f"media/{item.relative_to(media_root)}")
        partial.replace(path)
    return BackupSummary(path=path, engine=engine, media_files=len(media_files))


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError(
            "This file is not a KCP backup (it has no manifest): check the file name."
        ) from error
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise BackupError(f"This backup's format ({manifest.get('format')}) is not known.")
    return manifest


def restore(path: Path) -> BackupSummary:
    """Restore an archive made by back_up into the empty database the settings point at."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist: give the path of a backup archive.")
    engine = _engine()
    try:
        archive = tarfile.open(path, "r:gz")
    except tarfile.TarError as error:
        raise BackupError(f"{path} is not a backup archive: {error}.") from error
    with archive, tempfile.TemporaryDirectory() as work:
        manifest = _read_manifest(archive)
        if manifest["engine"] != engine:
            raise BackupError(
                f"This is a backup of a {manifest['engine']} site, and the settings point at "
                f"{engine}: set DATABASE_URL to a {manifest['engine']} database."
            )
        tables = connection.introspection.table_names()
        if tables:
            raise BackupError(
                f"The database already has {len(tables)} tables: restore into an empty "
                "database (create a new one, or drop this one first), so nothing is overwritten."
            )
        archive.extractall(work, filter="data")
        work_dir = Path(work)
        if engine == "postgresql":
            _run(
                [
                    _postgres_program("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    f"--dbname={connection.settings_dict['NAME']}",
                    str(work_dir / POSTGRES_DUMP),
                ]
            )
        else:
            connection.close()
            with (
                closing(sqlite3.connect(work_dir / SQLITE_COPY)) as source,
                closing(sqlite3.connect(_sqlite_path())) as target,
            ):
                source.backup(target)
        media_root = Path(settings.MEDIA_ROOT)
        restored_media = work_dir / "media"
        if restored_media.exists():
            shutil.copytree(restored_media, media_root, dirs_exist_ok=True)
    return BackupSummary(path=path, engine=engine, media_files=manifest["media_files"])
