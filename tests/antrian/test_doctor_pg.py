"""`antrian doctor` on a server whose hall is in PostgreSQL (`[store] url`), against a real
throw-away cluster (tests/support/pg.py): the database answers, the credentials, the schema
version against this server's, LISTEN/NOTIFY; a refused port, a wrong password and a missing
database each get their own cause and fix, and the password is never shown."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import psycopg
import pytest

from antrian.cli import main
from antrian.doctor import Options, diagnose
from config.server import DEFAULT_CONFIG
from server.pg_store import PgStore
from server.schema import MIGRATIONS
from tests.support.live_server import free_port, with_store

SECRET = "Rahasia-Sekali-42"
_roles = itertools.count(1)


def server_file(folder: Path, url: str) -> Path:
    return with_store(Path(DEFAULT_CONFIG), url, folder)


def doctor(folder: Path, url: str, language: str = "id"):
    """The doctor's report for a server file with this `[store] url` (server not started)."""
    options = Options(
        language=language, data_dir=folder / "data", host="127.0.0.1", port=free_port(),
        not_started=True,
    )  # fmt: skip
    report = diagnose(server_file(folder, url), options)
    return report, {result.key: result for result in report.results}


def in_database(url: str, database_url: str) -> str:
    """`url`'s user and password on `database_url`'s database."""
    return url.rpartition("/")[0] + "/" + database_url.rpartition("/")[2]


def set_schema_version(url: str, version: int) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE schema_version SET version = %s", (version,))


def test_a_migrated_database_then_newer_and_older_schemas(pg_url, tmp_path):
    """Empty: ✓ made at the first start; migrated: ✓ the same schema, LISTEN/NOTIFY ✓ with its
    time; a newer schema ✗ (upgrade this host), an older one ! (the server upgrades it)."""
    report, found = doctor(tmp_path, pg_url)
    assert [r.key for r in report.results] == [
        "config", "data_dir", "database", "pg_notify", "port",
    ]  # fmt: skip
    assert found["database"].status == "ok"
    assert "masih kosong" in found["database"].detail
    assert found["pg_notify"].status == "ok"
    assert "LISTEN/NOTIFY bekerja" in found["pg_notify"].detail
    assert report.exit_code == 0

    PgStore(pg_url, listen=False).close()  # the server's own migrations
    _, found = doctor(tmp_path, pg_url)
    assert found["database"].status == "ok"
    assert f"skema {len(MIGRATIONS)} (sama dengan server ini)" in found["database"].detail

    set_schema_version(pg_url, len(MIGRATIONS) + 1)
    report, found = doctor(tmp_path, pg_url, language="en")
    assert found["database"].status == "fail"
    assert "newer than this server's" in found["database"].detail
    assert "Upgrade Antrian on this PC" in found["database"].fix
    assert found["pg_notify"].status == "skip" and report.exit_code == 1

    set_schema_version(pg_url, 1)
    report, found = doctor(tmp_path, pg_url)
    assert found["database"].status == "warn"
    assert "lebih lama dari server ini" in found["database"].detail
    assert "pg_dump" in found["database"].fix
    assert report.exit_code == 0


def test_refused_port_and_missing_database(pg_url, tmp_path):
    """Nothing on the port: ✗ "ditolak" within the connect bound; a database that does not
    exist: ✗ naming it, with the createdb line."""
    refused = f"postgresql://antrian@127.0.0.1:{free_port()}/antrian"
    report, found = doctor(tmp_path, refused)
    assert found["database"].status == "fail"
    assert "sambungan ditolak" in found["database"].detail
    assert "systemctl start postgresql" in found["database"].fix
    assert found["database"].seconds < found["database"].bound
    assert found["pg_notify"].status == "skip"
    assert report.exit_code == 1

    missing = pg_url.rpartition("/")[0] + "/tidak_ada"
    _, found = doctor(tmp_path, missing)
    assert found["database"].status == "fail"
    assert "basis data tidak_ada tidak ada" in found["database"].detail
    assert "createdb --owner=postgres tidak_ada" in found["database"].fix


def test_wrong_password_never_printed_and_no_create_right(pg_cluster, pg_url, tmp_path, capsys):
    """A wrong password: ✗ with the ALTER ROLE fix, and neither password appears anywhere in
    the report (text or --json). The right password of a user that does not own the
    database: ✗ it may not make the schema (PostgreSQL 15+ default), with the fix."""
    role = f"doctor_{next(_roles)}"
    right = in_database(pg_cluster.password_role(role, SECRET), pg_url)
    wrong = right.replace(SECRET, "Salah-Sandi-99")
    config = server_file(tmp_path, wrong)
    port = str(free_port())
    common = ["--data", str(tmp_path / "data"), "--port", port, "--not-started"]
    code = main(["doctor", "--config", str(config), *common])
    text = capsys.readouterr().out
    assert code == 1
    assert f"PostgreSQL menolak kata sandi pengguna {role}" in text
    assert "ALTER ROLE" in text
    assert f"{role}:***@127.0.0.1" in text
    main(["doctor", "--config", str(config), "--json", *common])
    answer = capsys.readouterr().out
    database = next(c for c in json.loads(answer)["checks"] if c["key"] == "database")
    assert database["status"] == "fail"
    for shown in (text, answer):
        assert "Salah-Sandi-99" not in shown and SECRET not in shown

    report, found = doctor(tmp_path, right)
    if psycopg.connect(pg_url).info.server_version < 150000:
        pytest.skip("PostgreSQL before 15 lets every user create in schema public")
    assert found["database"].status == "fail"
    assert f"pengguna {role} tidak boleh membuat tabel" in found["database"].detail
    assert f"ALTER SCHEMA public OWNER TO {role}" in found["database"].fix
    assert SECRET not in json.dumps(report.as_dict())


def test_several_hosts_as_libpq_writes_them(pg_cluster, pg_url, tmp_path):
    """`host1:port,host2:port` (the form that finds the primary after a failover): the first
    host refuses, the second answers: ✓, the URL shown as written, without the password."""
    role = f"doctor_{next(_roles)}"
    right = in_database(pg_cluster.password_role(role, SECRET), pg_url)
    both = right.replace("@127.0.0.1:", f"@127.0.0.1:{free_port()},127.0.0.1:")
    both += "?target_session_attrs=read-write"
    with psycopg.connect(pg_url, autocommit=True) as conn:  # the role may make the schema
        conn.execute(f'ALTER SCHEMA public OWNER TO "{role}"')
    report, found = doctor(tmp_path, both)
    assert found["database"].status == "ok", found["database"].detail
    assert f"{role}:***@127.0.0.1:" in found["database"].detail
    assert ",127.0.0.1:" in found["database"].detail
    assert SECRET not in json.dumps(report.as_dict())
    store = PgStore(both, listen=False)  # the server opens it too (its name is redacted)
    try:
        assert store.schema_version() == len(MIGRATIONS)
        assert SECRET not in store.where and f"{role}:***@" in store.where
    finally:
        store.close()
