"""A consistent backup of the database and the uploaded files, and its restore (`manage.py backup` and
`manage.py restore`).

A backup is a folder of three files:
- `database.dump`: PostgreSQL's custom format from `pg_dump`, which reads the whole database in one
  snapshot (one repeatable-read transaction), so the rows agree with each other whatever is written
  meanwhile; or `database.sqlite3` under the embedded run, a copy by SQLite's online backup API;
- `media.tar`: every file under MEDIA_ROOT (evidence, agreements, Cabinet report PDFs);
- `manifest.json`: when, from what, and the sha256 of the dump and of every file.

The database is read first and the files second: uploads are written before the row that names them is
committed and never deleted (records are archived, not deleted), so every file the database names is in
the tar; a file uploaded in between is in the tar without a row, which is harmless.

A restore checks every checksum before it changes anything, goes only into an empty database (no
tables) unless forced, and checks every file again once written.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connections
from django.utils import timezone

from intlinks import data_version

DUMP, SQLITE_COPY, MEDIA, MANIFEST = "database.dump", "database.sqlite3", "media.tar", "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore refused, with a message for the person running it."""


@dataclass
class Manifest:
    created: str
    vendor: str
    database_file: str
    database_sha256: str
    files: dict[str, str]  # path under MEDIA_ROOT -> sha256

    def write(self, folder: Path) -> None:
        (folder / MANIFEST).write_text(json.dumps(self.__dict__, indent=2, sort_keys=True) + "\n")

    @classmethod
    def read(cls, folder: Path) -> "Manifest":
        try:
            return cls(**json.loads((folder / MANIFEST).read_text()))
        except (OSError, ValueError, TypeError) as error:
            raise BackupError(
                f"{folder / MANIFEST} is missing or not a backup's manifest: {error}"
            ) from error


def sha256_of(stream) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def sha256_of_file(path: Path) -> str:
    with path.open("rb") as stream:
        return sha256_of(stream)


def media_root() -> Path:
    backend = settings.STORAGES["default"]["BACKEND"]
    if backend != "django.core.files.storage.FileSystemStorage":
        # Object storage keeps its own versions; this command backs up files on this machine only.
        raise BackupError(f"Uploaded files are in {backend}, not MEDIA_ROOT: back them up with its own tools")
    return Path(settings.MEDIA_ROOT)


# ---- backup ---------------------------------------------------------------------------------------


def backup(*, to: Path, using: str = "default") -> Manifest:
    """Write a backup of the database `using` and of MEDIA_ROOT into the new or empty folder `to`."""
    root = media_root()
    if to.resolve().is_relative_to(root.resolve()):
        # The tar would take in the backup being written (and every earlier backup there).
        raise BackupError(f"{to} is inside MEDIA_ROOT ({root}): back up to a folder outside it")
    to.mkdir(parents=True, exist_ok=True)
    if any(to.iterdir()):
        raise BackupError(f"{to} is not empty: give a new folder for each backup")
    connection = connections[using]
    if connection.vendor == "postgresql":
        database_file = DUMP
        _pg_dump(connection.settings_dict, to / DUMP)
    elif connection.vendor == "sqlite":
        database_file = SQLITE_COPY
        _sqlite_copy(Path(connection.settings_dict["NAME"]), to / SQLITE_COPY)
    else:
        raise BackupError(f"No backup for a {connection.vendor} database")
    files = _tar_media(root, to / MEDIA)
    manifest = Manifest(
        created=timezone.now().isoformat(),
        vendor=connection.vendor,
        database_file=database_file,
        database_sha256=sha256_of_file(to / database_file),
        files=files,
    )
    manifest.write(to)
    return manifest


def _pg_environment(settings_dict: dict) -> dict:
    """libpq's variables for the database: the password never on a command line (`ps` shows it)."""
    environment = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    return environment


def _run(command: list[str], settings_dict: dict) -> None:
    result = subprocess.run(command, env=_pg_environment(settings_dict), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _pg_dump(settings_dict: dict, path: Path) -> None:
    # pg_dump reads every table in one snapshot; custom format is compressed and restores selectively.
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={path}", settings_dict["NAME"]], settings_dict)


def _sqlite_copy(source: Path, path: Path) -> None:
    # The online backup API copies a consistent state even while the site writes (WAL mode).
    _sqlite_backup(source, path)


def _sqlite_backup(source: Path, target: Path) -> None:
    reading, writing = sqlite3.connect(source), sqlite3.connect(target)
    try:
        reading.backup(writing)
    finally:
        reading.close()
        writing.close()


def _tar_media(root: Path, path: Path) -> dict[str, str]:
    files = {}
    with tarfile.open(path, "w") as tar:
        for file in sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []:
            name = file.relative_to(root).as_posix()
            data = file.read_bytes()
            files[name] = hashlib.sha256(data).hexdigest()
            info = tar.gettarinfo(str(file), arcname=name)
            info.size = len(data)  # the bytes hashed, even if the file grew since it was listed
            tar.addfile(info, io.BytesIO(data))
    return files


# ---- restore --------------------------------------------------------------------------------------


def restore(*, source: Path, force: bool = False, using: str = "default") -> Manifest:
    """Restore the backup in `source` into the database `using` and MEDIA_ROOT.

    Refuses, before changing anything, a backup whose checksums do not match and, unless `force`, a
    database that has tables or a MEDIA_ROOT that has files."""
    manifest = Manifest.read(source)
    _verify(source, manifest)
    connection = connections[using]
    if connection.vendor != manifest.vendor:
        raise BackupError(f"The backup is of a {manifest.vendor} database, this one is {connection.vendor}")
    root = media_root()
    if not force:
        tables = connection.introspection.table_names()
        if tables:
            raise BackupError(f"The database has {len(tables)} tables: restore into an empty one, or --force")
        if root.exists() and any(p.is_file() for p in root.rglob("*")):
            raise BackupError(f"{root} holds files: restore into an empty folder, or --force")
    connection.close()
    if connection.vendor == "postgresql":
        _pg_restore(connection.settings_dict, source / DUMP, clean=force)
    else:
        _sqlite_backup(source / SQLITE_COPY, Path(connection.settings_dict["NAME"]))
    _untar_media(source / MEDIA, root, manifest)
    data_version.changed()  # the rows were written by pg_restore: no figure cached before stays
    return manifest


def _verify(source: Path, manifest: Manifest) -> None:
    """Every checksum of the manifest against the backup's own bytes, before anything is changed."""
    if sha256_of_file(source / manifest.database_file) != manifest.database_sha256:
        raise BackupError(f"{manifest.database_file} does not match its checksum: the backup is damaged")
    found = {}
    with tarfile.open(source / MEDIA) as tar:
        for member in tar:
            if member.isfile():
                found[member.name] = sha256_of(tar.extractfile(member))
    if found != manifest.files:
        damaged = sorted(set(found.items()) ^ set(manifest.files.items()))
        raise BackupError(f"media.tar does not match the manifest: {', '.join(n for n, _ in damaged[:5])}")


def _pg_restore(settings_dict: dict, dump: Path, *, clean: bool) -> None:
    command = ["pg_restore", "--no-owner", "--single-transaction", "--exit-on-error"]
    if clean:
        command += ["--clean", "--if-exists"]
    _run([*command, f"--dbname={settings_dict['NAME']}", str(dump)], settings_dict)


def _untar_media(tar_path: Path, root: Path, manifest: Manifest) -> None:
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tar_path) as tar:
        for member in tar:
            if not member.isfile() or member.name not in manifest.files:
                continue
            target = _inside(root, member.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as stream, target.open("wb") as out:
                shutil.copyfileobj(stream, out, CHUNK)
            if sha256_of_file(target) != manifest.files[member.name]:
                raise BackupError(f"{target} was not written as backed up")


def _inside(root: Path, name: str) -> Path:
    """A member's path under root; a name that climbs out ("../", absolute) is refused."""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise BackupError(f"media.tar names a file outside MEDIA_ROOT: {name}")
    return root.joinpath(*relative.parts)
