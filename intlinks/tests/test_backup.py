"""`manage.py backup` and `manage.py restore`: a populated PostgreSQL database and its uploaded files
round-trip into a fresh database and folder with every row and every byte identical; a damaged backup
and a database that is not empty are refused before anything changes."""

import io
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg2
import pytest
import redis
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from intlinks import data_version
from intlinks.backup import MANIFEST, MEDIA
from intlinks.tests.test_access import url_objects  # noqa: F401 (a fixture: records of every kind, with files)

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def table_digests(cursor) -> dict[str, tuple[int, str]]:
    """Every table of the public schema: its row count and a digest of all its rows in a fixed order."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    digests = {}
    for (table,) in cursor.fetchall():
        rows = "md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
        cursor.execute(f'SELECT count(*), {rows} FROM "{table}" t')
        digests[table] = cursor.fetchone()
    return digests


def sequence_values(cursor) -> dict[str, int | None]:
    """Where each id sequence stands: a restored database must not hand out an id already used."""
    cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
    return dict(cursor.fetchall())


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def elsewhere(tmp_path_factory) -> Path:
    """A folder outside MEDIA_ROOT (which the access table's records put in tmp_path) for the backup."""
    return tmp_path_factory.mktemp("backups")


@pytest.fixture
def fresh_database():
    """An empty PostgreSQL database of this test's own, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored_{os.getpid()}"
    admin = psycopg2.connect(dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def run_manage(*args, database_url: str, media_root: Path) -> subprocess.CompletedProcess:
    """A management command as an operator runs it, in its own process, on the given database."""
    environment = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(media_root)}
    return subprocess.run([*MANAGE, *args], env=environment, capture_output=True, text=True, timeout=300)


@pytest.mark.django_db(transaction=True)  # committed rows: pg_dump reads from its own connection
def test_a_populated_database_and_its_files_round_trip_with_every_row_and_byte_identical(
    url_objects,  # noqa: F811 (the fixture imported above)
    fresh_database,
    elsewhere,
):
    files = files_under(Path(settings.MEDIA_ROOT))
    assert len(files) >= 4  # an agreement, an evidence file, a Cabinet report's PDF and its exempt appendix
    with connection.cursor() as cursor:
        digests, sequences = table_digests(cursor), sequence_values(cursor)
    assert sum(count for count, _ in digests.values()) > 100

    call_command("backup", "--to", str(elsewhere / "backup"))
    restored_media = elsewhere / "restored-media"
    version_key = f"intlinks:{fresh_database}:1:{data_version.VERSION_KEY}"
    shared_cache = redis.Redis.from_url(os.environ["REDIS_URL"])
    shared_cache.delete(version_key)
    result = run_manage(
        "restore",
        "--from",
        str(elsewhere / "backup"),
        database_url=f"postgres:///{fresh_database}",
        media_root=restored_media,
    )

    assert result.returncode == 0, result.stderr
    with psycopg2.connect(dbname=fresh_database) as restored, restored.cursor() as cursor:
        assert table_digests(cursor) == digests
        assert sequence_values(cursor) == sequences
    assert files_under(restored_media) == files
    # The restored site's cached figures (ADR 0022) start from a data version the restore wrote.
    assert shared_cache.exists(version_key)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_has_tables_unless_forced(url_objects, elsewhere):  # noqa: F811
    call_command("backup", "--to", str(elsewhere / "backup"))
    with pytest.raises(CommandError, match="restore into an empty one, or --force"):
        call_command("restore", "--from", str(elsewhere / "backup"))


@pytest.mark.django_db
def test_backup_refuses_a_folder_inside_media_root_which_it_would_copy_into_itself(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(CommandError, match="inside MEDIA_ROOT"):
        call_command("backup", "--to", str(tmp_path / "backups" / "today"))


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_whose_file_was_changed_before_changing_anything(
    url_objects,  # noqa: F811
    fresh_database,
    elsewhere,
):
    backup = elsewhere / "backup"
    call_command("backup", "--to", str(backup))
    with tarfile.open(backup / MEDIA) as tar:
        first = tar.getmembers()[0]
        data = tar.extractfile(first).read()
    with tarfile.open(backup / MEDIA, "w") as tar:  # the same name, one byte changed
        first.size = len(data)
        tar.addfile(first, io.BytesIO(data[:-1] + b"X"))

    result = run_manage(
        "restore",
        "--from",
        str(backup),
        database_url=f"postgres:///{fresh_database}",
        media_root=elsewhere / "m",
    )

    assert result.returncode != 0
    assert "does not match the manifest" in result.stderr
    with psycopg2.connect(dbname=fresh_database) as untouched, untouched.cursor() as cursor:
        assert table_digests(cursor) == {}
    assert not (elsewhere / "m").exists()


def test_the_embedded_sqlite_database_round_trips_through_the_backup_api(tmp_path):
    live = tmp_path / "live.sqlite3"
    with sqlite3.connect(live) as database:
        database.execute("CREATE TABLE place (id integer PRIMARY KEY, name text)")
        database.executemany("INSERT INTO place (name) VALUES (?)", [("Krefeld",), ("Chongqing 重庆",)])
    database.close()
    (tmp_path / "media" / "evidence").mkdir(parents=True)
    (tmp_path / "media" / "evidence" / "photo.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")

    backed_up = run_manage(
        "backup",
        "--to",
        str(tmp_path / "backup"),
        database_url=f"sqlite:///{live}",
        media_root=tmp_path / "media",
    )
    assert backed_up.returncode == 0, backed_up.stderr
    restored = run_manage(
        "restore",
        "--from",
        str(tmp_path / "backup"),
        database_url=f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        media_root=tmp_path / "restored-media",
    )

    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(tmp_path / "restored.sqlite3") as copy:
        assert list(copy.iterdump()) == list(sqlite3.connect(live).iterdump())
    assert files_under(tmp_path / "restored-media") == files_under(tmp_path / "media")
    assert (tmp_path / "backup" / MANIFEST).exists()
