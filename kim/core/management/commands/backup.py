"""``kim backup create FILE`` / ``kim backup restore FILE`` for SQLite installations.

``create`` writes a consistent copy while kim runs (SQLite's online backup) together with
the uploaded documents and the secret key into one tar archive (mode 0600). ``restore``
checks the archive (a kim database that passes SQLite's integrity check) and puts its
database, documents and key in place of the current ones – stop kim first. PostgreSQL is
backed up with its own tools (docs/operations.md). Errors: one line, exit status 1.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.db import connection
from django.db.backends.sqlite3._functions import register as register_functions

from kim.core.management.oneline import OneLineCommand

DB_NAME = "kim.sqlite3"


class Command(OneLineCommand):
    help = "Back up or restore a SQLite installation (database, documents, secret key)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = self.subcommands(parser)
        create = sub.add_parser("create")
        create.add_argument("file")
        restore = sub.add_parser("restore")
        restore.add_argument("file")

    def handle(self, *args: Any, action: str, file: str, **options: Any) -> None:
        if connection.vendor != "sqlite":
            raise CommandError("database: PostgreSQL is backed up with pg_dump or "
                               "pg_basebackup (docs/operations.md)")
        data_dir = Path(settings.DATA_DIR)
        if action == "create":
            _create(Path(connection.settings_dict["NAME"]), data_dir, Path(file))
        else:
            connection.close()
            _restore(Path(file), Path(connection.settings_dict["NAME"]), data_dir)


def _create(database: Path, data_dir: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / DB_NAME
        source, dest = sqlite3.connect(database), sqlite3.connect(copy)
        with dest:
            source.backup(dest)
        source.close()
        dest.close()
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        except OSError as err:
            raise CommandError(f"file: cannot write {target}: {err.strerror}") from None
        with os.fdopen(fd, "wb") as out, tarfile.open(fileobj=out, mode="w:gz") as tar:
            tar.add(copy, DB_NAME)
            documents = Path(settings.MEDIA_ROOT)
            if documents.exists():
                tar.add(documents, "documents")
            key = data_dir / "secret_key"
            if key.exists():
                tar.add(key, "secret_key")


def _restore(archive: Path, database: Path, data_dir: Path) -> None:
    try:
        tar = tarfile.open(archive, "r:gz")  # noqa: SIM115 (closed by the with below)
    except (OSError, tarfile.TarError) as err:
        raise CommandError(f"file: not a kim backup: {err}") from None
    with tar, tempfile.TemporaryDirectory() as tmp:
        names = tar.getnames()
        if DB_NAME not in names:
            raise CommandError(f"file: not a kim backup (no {DB_NAME})")
        tar.extractall(tmp, filter="data")
        restored = Path(tmp) / DB_NAME
        check = sqlite3.connect(restored)
        # CHECK constraints may call the functions Django registers on SQLite (e.g. a
        # date's day): the integrity check evaluates them, so register them here too
        register_functions(check)
        try:
            ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            ok = ok and check.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        except sqlite3.DatabaseError:
            ok = False
        finally:
            check.close()
        if not ok:
            raise CommandError(f"file: {DB_NAME} in the archive is no intact kim database")
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(restored, database)
        os.chmod(database, 0o600)
        documents = Path(settings.MEDIA_ROOT)
        if (Path(tmp) / "documents").exists():
            shutil.rmtree(documents, ignore_errors=True)
            shutil.copytree(Path(tmp) / "documents", documents)
        if (Path(tmp) / "secret_key").exists():
            shutil.copyfile(Path(tmp) / "secret_key", data_dir / "secret_key")
            os.chmod(data_dir / "secret_key", 0o600)

