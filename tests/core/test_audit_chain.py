"""The audit log's hash chain: ``kim audit verify`` finds a deleted, changed or inserted
row on SQLite and PostgreSQL, names its position, and parallel writers never fork a chain.

The tampering below uses raw SQL with the append-only trigger lifted (dropped on SQLite,
disabled on PostgreSQL) inside the test's transaction – what someone with database access
could do."""

from __future__ import annotations

import hashlib
import io
import json
import threading
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django_scopes import scopes_disabled

from kim.core.audit.chain import GENESIS, canonical, content, digest
from kim.core.audit.context import audit_context
from kim.core.audit.writer import write
from kim.core.models import AuditEntry

TABLE = AuditEntry._meta.db_table
SQLITE_TRIGGER = ("CREATE TRIGGER core_auditentry_no_update BEFORE UPDATE ON core_auditentry "
                  "BEGIN SELECT RAISE(ABORT, 'append-only'); END")


@contextmanager
def tampering():
    """A cursor with the append-only trigger out of the way (restored afterwards)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER core_auditentry_append_only")
        else:
            cursor.execute("DROP TRIGGER core_auditentry_no_update")
        yield cursor
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER core_auditentry_append_only")
        else:
            cursor.execute(SQLITE_TRIGGER)


def verify(*args):
    out = io.StringIO()
    call_command("audit", "verify", *args, stdout=out)
    return out.getvalue().splitlines()


def fill(municipality, n=5):
    for i in range(n):
        write("read", model="core.role", object_id=i, object_repr=f"Eintrag {i}",
              municipality_id=municipality.pk, changes={"fields": ["x"], "i": i})


def chain_of(municipality):
    with scopes_disabled():
        return list(AuditEntry.objects.filter(chain=municipality.pk).order_by("seq"))


def entry_at(municipality, seq):
    return next(e for e in chain_of(municipality) if e.seq == seq)


@pytest.mark.django_db
def test_each_municipality_has_its_own_chain_of_linked_entries(soest, herne):
    before_soest, before_herne = len(chain_of(soest)), len(chain_of(herne))
    fill(soest, 3)
    fill(herne, 2)
    write("login_failed", model="core.user", object_repr="niemand")
    soest_chain = chain_of(soest)
    assert [e.seq for e in soest_chain] == list(range(1, before_soest + 4))
    assert len(chain_of(herne)) == before_herne + 2
    assert soest_chain[0].prev_hash == GENESIS
    for previous, entry in zip(soest_chain, soest_chain[1:], strict=False):
        assert entry.prev_hash == previous.hash
        expected = hashlib.sha256(canonical(content(entry))).hexdigest()
        assert entry.hash == digest(entry) == expected
    with scopes_disabled():
        outside = AuditEntry.objects.filter(municipality=None).latest("id")
    assert outside.chain == 0 and outside.seq >= 1


@pytest.mark.django_db
def test_verify_prints_the_head_of_every_chain(soest, herne):
    fill(soest)
    fill(herne, 2)
    lines = verify()
    heads = {line.split()[0]: line.split()[1:] for line in lines}
    last = chain_of(soest)[-1]
    assert heads["soest"] == [str(last.seq), last.hash]
    assert heads["herne"][0] == str(chain_of(herne)[-1].seq)
    assert verify("--municipality", "soest") == [f"soest {last.seq} {last.hash}"]


@pytest.mark.django_db
def test_a_deleted_row_is_found_with_its_position(soest):
    """Finding "SQLite audit rows can be deleted … and nothing makes that detectable"."""
    fill(soest, 6)
    victim = chain_of(soest)[-3]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # the trigger forbids it: lift it first
            with tampering() as cur:
                cur.execute(f"DELETE FROM {TABLE} WHERE id = %s", [victim.pk])  # noqa: S608
        else:  # SQLite has no DELETE trigger: any database user can do this
            cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [victim.pk])  # noqa: S608
    with pytest.raises(CommandError) as err:
        verify("--municipality", "soest")
    assert str(err.value) == (f"audit chain of soest broken at position {victim.seq}: "
                              "entry missing (deleted)")


@pytest.mark.django_db
def test_a_changed_row_is_found_with_its_position(soest):
    fill(soest, 4)
    victim = chain_of(soest)[-2]
    with tampering() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET object_repr = %s WHERE id = %s",  # noqa: S608
                       ["harmlos", victim.pk])
    with pytest.raises(CommandError) as err:
        verify()
    assert str(err.value) == (f"audit chain of soest broken at position {victim.seq} "
                              f"(entry id {victim.pk}): content changed")


@pytest.mark.django_db
def test_a_changed_json_value_is_found(soest):
    fill(soest, 3)
    victim = chain_of(soest)[-1]
    with tampering() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET changes = %s WHERE id = %s",  # noqa: S608
                       [json.dumps({"fields": ["x"], "i": 99}), victim.pk])
    with pytest.raises(CommandError, match=f"position {victim.seq} .*content changed"):
        verify("--municipality", "soest")


@pytest.mark.django_db
def test_an_inserted_row_is_found(soest):
    fill(soest, 3)
    head = chain_of(soest)[-1]
    forged = AuditEntry(municipality_id=soest.pk, action="read", model="core.role",
                        object_repr="untergeschoben", changes={}, timestamp=head.timestamp,
                        chain=soest.pk, seq=head.seq + 1, prev_hash="f" * 64)
    forged.hash = digest(forged)  # a correct hash of its own content, but not linked
    forged.insert()  # bypasses the chain, as a raw INSERT would
    with pytest.raises(CommandError) as err:
        verify()
    assert str(err.value) == (
        f"audit chain of soest broken at position {head.seq + 1} (entry id {forged.pk}): "
        "does not follow the previous entry (inserted, replaced or changed before)")


@pytest.mark.django_db
def test_anchors_catch_a_recomputed_chain_and_a_cut_off_end(soest, tmp_path):
    fill(soest, 4)
    anchors = tmp_path / "anchors.txt"
    anchors.write_text("# printed by kim audit verify\n" + "\n".join(verify()) + "\n")
    assert verify("--anchors", str(anchors))  # unchanged: fine

    # Somebody with write access changes an entry and recomputes every later hash.
    entries = chain_of(soest)
    with tampering() as cursor:
        prev = entries[-3].prev_hash
        for entry in entries[-3:]:
            entry.prev_hash = prev
            if entry is entries[-3]:
                entry.object_repr = "geschönt"
            entry.hash = digest(entry)
            prev = entry.hash
            cursor.execute(f"UPDATE {TABLE} SET object_repr = %s, prev_hash = %s, "  # noqa: S608
                           "hash = %s WHERE id = %s",
                           [entry.object_repr, entry.prev_hash, entry.hash, entry.pk])
    assert verify("--municipality", "soest")  # the chain alone cannot tell
    with pytest.raises(CommandError) as err:
        verify("--anchors", str(anchors))
    assert str(err.value) == (f"audit chain of soest: anchored position {entries[-1].seq} "
                              "has another hash (the chain was recomputed)")


@pytest.mark.django_db
def test_anchors_catch_entries_cut_off_the_end(soest, tmp_path):
    fill(soest, 3)
    anchors = tmp_path / "anchors.txt"
    anchors.write_text("\n".join(verify("--municipality", "soest")) + "\n")
    last = chain_of(soest)[-1]
    with tampering() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [last.pk])  # noqa: S608
    assert verify("--municipality", "soest")  # a shorter chain is still consistent
    with pytest.raises(CommandError) as err:
        verify("--municipality", "soest", "--anchors", str(anchors))
    assert str(err.value) == (f"audit chain of soest: anchored position {last.seq} is "
                              f"missing, the chain ends at {last.seq - 1} (entries cut off)")


@pytest.mark.django_db
def test_bad_input_gives_one_line_errors(soest, tmp_path):
    with pytest.raises(CommandError, match="^Unknown municipality 'nirgendwo'$"):
        verify("--municipality", "nirgendwo")
    bad = tmp_path / "anchors.txt"
    bad.write_text("soest zwölf abc\n")
    with pytest.raises(CommandError, match=r"^Anchors .* line 1: expected '<municipality> "
                                           r"<position> <hash>'$"):
        verify("--anchors", str(bad))
    with pytest.raises(CommandError, match="^Cannot read anchors"):
        verify("--anchors", str(tmp_path / "missing.txt"))


@pytest.mark.django_db
def test_entries_inside_a_rolled_back_transaction_leave_no_gap(soest):
    from django.db import transaction

    fill(soest, 2)
    try:
        with transaction.atomic():
            fill(soest, 2)
            raise RuntimeError("rollback")
    except RuntimeError:
        pass
    fill(soest, 1)
    assert verify("--municipality", "soest")
    assert [e.seq for e in chain_of(soest)] == list(range(1, len(chain_of(soest)) + 1))


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="needs PostgreSQL: SQLite never runs two writers at once")
@pytest.mark.django_db(transaction=True)
def test_parallel_writers_do_not_fork_the_chain(soest):
    """Eight threads, each with its own connection and transaction, write 25 entries each
    into the same municipality's chain at the same time."""
    from django.db import transaction

    barrier = threading.Barrier(8)
    errors = []

    def writer(n):
        try:
            barrier.wait()
            for i in range(25):
                with transaction.atomic(), audit_context(source=f"thread {n}"):
                    write("read", model="core.role", object_id=i,
                          municipality_id=soest.pk)
        except Exception as exc:  # noqa: BLE001 – reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    seqs = [e.seq for e in chain_of(soest)]
    assert seqs == list(range(1, len(seqs) + 1))
    assert len([e for e in chain_of(soest) if e.source.startswith("thread")]) == 200
    assert verify("--municipality", "soest")
