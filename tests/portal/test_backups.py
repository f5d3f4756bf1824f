"""scripts/backup.sh and scripts/restore.sh: a backup of the seeded portal restored into
a fresh database holds every row of every table (comments, responses, pages, users,
subscribers...) and every uploaded file, public and private."""

import os
import subprocess
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from consultations.models import CommentResponse, ConsultationComment

ROOT = Path(__file__).resolve().parents[2]

# serialized_rollback: the flush after the test would drop the site and home page.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url(name: str) -> str:
    s = connection.settings_dict
    auth = quote(s["USER"]) + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("backups are pg_dump's: PostgreSQL only")


@pytest.fixture
def fresh_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(script, *args, env):
    result = subprocess.run(  # noqa: S603 - the repository's own scripts
        [str(ROOT / "scripts" / script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def contents(cursor, tables):
    """Every table's rows, sorted, as text (so that any difference shows)."""
    found = {}
    for table in tables:
        cursor.execute(f'SELECT t::text FROM "{table}" t ORDER BY 1')  # noqa: S608 - own tables
        found[table] = [row[0] for row in cursor.fetchall()]
    return found


def files_in(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in directory.rglob("*") if p.is_file()
    }


def test_backup_restores_every_row_and_file_into_a_fresh_database(tmp_path, fresh_database):
    call_command("seed_demo", "--seed", "2026", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert ConsultationComment.objects.count() > 5 and CommentResponse.objects.count() > 3
    media, private = tmp_path / "media", tmp_path / "private"
    (media / "images").mkdir(parents=True)
    (media / "images" / "herb.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (private / "exports").mkdir(parents=True)
    (private / "exports" / "raport-wstepny.pdf").write_bytes(b"%PDF-1.7 " + os.urandom(4096))
    source = connection.settings_dict["NAME"]

    backup = run(
        "backup.sh",
        str(tmp_path / "backups"),
        env={
            "DATABASE_URL": database_url(source),
            "MEDIA_ROOT": str(media),
            "PRIVATE_MEDIA_ROOT": str(private),
        },
    )
    assert sorted(os.listdir(backup)) == [
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
        "private.tar.gz",
    ]
    restored = tmp_path / "restored"
    run(
        "restore.sh",
        backup,
        env={
            "DATABASE_URL": database_url(fresh_database),
            "MEDIA_ROOT": str(restored / "media"),
            "PRIVATE_MEDIA_ROOT": str(restored / "private"),
        },
    )

    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        expected = contents(cursor, tables)
    with psycopg.connect(database_url(fresh_database)) as copy, copy.cursor() as cursor:
        found = contents(cursor, tables)
        cursor.execute("SELECT comment FROM django_comments ORDER BY id")
        comments = [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT text FROM {CommentResponse._meta.db_table} ORDER BY id")  # noqa: S608
        responses = [row[0] for row in cursor.fetchall()]
    assert found == expected
    assert comments == list(
        ConsultationComment.objects.order_by("id").values_list("comment", flat=True)
    )
    assert responses == list(CommentResponse.objects.order_by("id").values_list("text", flat=True))
    assert files_in(restored / "media") == files_in(media)
    assert files_in(restored / "private") == files_in(private)


def test_restore_refuses_a_damaged_backup(tmp_path):
    backup = run(
        "backup.sh",
        str(tmp_path),
        env={
            "DATABASE_URL": database_url(connection.settings_dict["NAME"]),
            "MEDIA_ROOT": str(tmp_path / "none"),
            "PRIVATE_MEDIA_ROOT": str(tmp_path / "none"),
        },
    )
    with open(Path(backup) / "database.dump", "r+b") as dump:
        dump.seek(100)
        dump.write(b"\x00\x00\x00")
    result = subprocess.run(  # noqa: S603
        [str(ROOT / "scripts" / "restore.sh"), backup],
        env={**os.environ, "DATABASE_URL": database_url("postgres")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "checksums do not match" in result.stderr
