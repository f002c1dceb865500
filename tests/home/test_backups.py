"""`manage.py backup` and `manage.py restore`: a populated site restored into an empty
database serves the same pages and documents, on PostgreSQL and on SQLite; a restore never
overwrites a database that has data."""

import io
import json
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.page_snapshot import add_minutes_document
from tests.site_processes import copy_site, manage

SNAPSHOT = "from tests.page_snapshot import print_snapshot; print_snapshot()"


def snapshot(var_dir: Path, **environment: str) -> dict:
    printed = manage(var_dir, "shell", "-c", SNAPSHOT, **environment).stdout
    pages = json.loads(printed.splitlines()[-1])
    assert len(pages) > 10, "a populated site has more pages than that"
    assert {status for status, _ in pages.values()} == {200}
    assert any(url.startswith("/documents/") for url in pages)
    return pages


# Each runs the site's commands in other processes (migrate, demo content, backup, restore,
# rendering every page twice): minutes on a loaded machine, beyond the 300-second default.
@pytest.mark.timeout(900)
def test_a_sqlite_site_restored_from_its_backup_into_an_empty_database_serves_the_same_pages(
    migrated_sqlite_site, tmp_path
):
    source = copy_site(migrated_sqlite_site, tmp_path / "source")
    manage(source, "load_demo_content")
    manage(source, "shell", "-c", "from tests.page_snapshot import *; add_minutes_document()")
    archive = tmp_path / "kcp.tar.gz"
    manage(source, "backup", str(archive))
    target = tmp_path / "target"
    target.mkdir()

    restored = manage(target, "restore", str(archive))

    # The demo's induction document and the minutes added above.
    assert "Restored the sqlite database and 2 media file(s)" in restored.stdout
    assert snapshot(target) == snapshot(source)


def database_url(name: str) -> str:
    host = connection.settings_dict["HOST"].replace("/", "%2F")
    return f"postgres://{connection.settings_dict['USER']}@{host}/{name}"


@pytest.fixture
def empty_postgres_database():
    name = f"kcp_restored_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.timeout(900)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_postgresql_site_restored_from_its_backup_into_an_empty_database_serves_the_same_pages(
    settings, tmp_path, empty_postgres_database
):
    settings.MEDIA_ROOT = tmp_path / "source-media"
    call_command("load_demo_content", stdout=io.StringIO())
    add_minutes_document()
    archive = tmp_path / "kcp.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    target_media = tmp_path / "restored-media"

    restored = manage(
        tmp_path,
        "restore",
        str(archive),
        DATABASE_URL=database_url(empty_postgres_database),
        MEDIA_ROOT=str(target_media),
    )

    # The demo's induction document and the minutes added above.
    assert "Restored the postgresql database and 2 media file(s)" in restored.stdout
    source = snapshot(
        tmp_path,
        DATABASE_URL=database_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )
    assert source == snapshot(
        tmp_path, DATABASE_URL=database_url(empty_postgres_database), MEDIA_ROOT=str(target_media)
    )


@pytest.mark.django_db
def test_restoring_over_a_database_that_has_data_is_refused_and_says_what_to_do(tmp_path):
    archive = tmp_path / "kcp.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="restore into an empty database"):
        call_command("restore", str(archive), stdout=io.StringIO())


@pytest.mark.django_db
def test_a_backup_never_overwrites_an_existing_file(tmp_path):
    existing = tmp_path / "kcp.tar.gz"
    existing.write_text("last week's backup")
    with pytest.raises(CommandError, match="choose a new file name"):
        call_command("backup", str(existing), stdout=io.StringIO())
    assert existing.read_text() == "last week's backup"


@pytest.mark.django_db
def test_restoring_a_file_that_is_not_a_backup_says_so(tmp_path):
    not_a_backup = tmp_path / "notes.tar.gz"
    not_a_backup.write_text("not an archive")
    with pytest.raises(CommandError, match="is not a backup archive"):
        call_command("restore", str(not_a_backup), stdout=io.StringIO())
