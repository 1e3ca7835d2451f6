"""The hash chain over the audit log: one chain per municipality (chain 0: entries outside
any municipality, e.g. failed logins of unknown names).

Each entry stores its position ``seq`` in its chain, the hash of its predecessor
(``prev_hash``; the first entry has 64 zeros) and its own ``hash``: SHA-256 over the
canonical JSON of its content and ``prev_hash``. ``verify`` recomputes every chain and
names the first entry that was deleted (a gap in the positions), changed (its hash no
longer matches its content) or inserted (it does not follow its predecessor).

What it protects against: rows deleted, changed or inserted with database access but
without recomputing every later hash – e.g. deleting one SQLite row by hand, or restoring
an edited dump. What it does not: somebody with write access to the database can
recompute the whole chain from the changed entry on, and can cut entries off its end.
Against that, write the head hashes that ``kim audit verify`` prints to a place the
database's users cannot change (an external log, a ticket, a printed report);
``kim audit verify --anchors FILE`` checks that each recorded (position, hash) is still in
the chain.

Concurrent writers must not fork a chain: the next position is read and written in one
transaction under a lock per chain (PostgreSQL: a transaction-level advisory lock, held
until commit; SQLite runs one writer at a time – kim opens its transactions IMMEDIATE);
a unique (chain, seq) constraint makes any fork fail loudly instead.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

GENESIS = "0" * 64
# pg_advisory_xact_lock(key1, key2): key1 says "kim audit chain", key2 is the chain.
_LOCK_KEY = 0x6B696D  # "kim"


def chain_of(municipality_id: int | None) -> int:
    return municipality_id or 0


def canonical(fields: dict[str, Any]) -> bytes:
    """The bytes an entry's hash is computed over (stable across databases)."""
    return json.dumps(fields, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def timestamp_text(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def content(entry: Any) -> dict[str, Any]:
    """What the hash covers: every column except the id and the hash itself."""
    return {
        "chain": entry.chain, "seq": entry.seq, "prev_hash": entry.prev_hash,
        "timestamp": timestamp_text(entry.timestamp),
        "municipality": entry.municipality_id, "actor_id": entry.actor_id,
        "actor_name": entry.actor_name, "request_id": entry.request_id,
        "source": entry.source, "action": entry.action, "model": entry.model,
        "object_id": entry.object_id, "object_repr": entry.object_repr,
        "changes": entry.changes,
    }


def digest(entry: Any) -> str:
    return hashlib.sha256(canonical(content(entry))).hexdigest()


def _head(cursor: Any, table: str, chain: int) -> tuple[int, str]:
    cursor.execute(f"SELECT seq, hash FROM {table} WHERE chain = %s "  # noqa: S608
                   "ORDER BY seq DESC LIMIT 1", [chain])
    row = cursor.fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def link(entry: Any) -> None:
    """Give a new entry its place in its chain and its hash, then insert it – in one
    transaction under the chain's lock (call from the model's save)."""
    # What the database gives back must hash the same: JSON as it round-trips.
    entry.changes = json.loads(json.dumps(entry.changes or {}))
    entry.chain = chain_of(entry.municipality_id)
    table = entry._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_KEY, entry.chain])
        seq, prev = _head(cursor, table, entry.chain)
        entry.seq, entry.prev_hash = seq + 1, prev
        entry.hash = digest(entry)
        entry.insert()


@dataclass(frozen=True)
class ChainState:
    chain: int
    entries: int
    head_seq: int
    head_hash: str


@dataclass(frozen=True)
class Break:
    chain: int
    seq: int  # the position where the chain breaks
    entry_id: int | None
    reason: str  # "missing" (deleted), "changed", "relinked" (inserted or replaced)


def verify_chain(chain: int, rows: Iterable[Any]) -> ChainState | Break:
    """Check one chain, its entries ordered by position."""
    expected_seq, prev, count = 1, GENESIS, 0
    for entry in rows:
        if entry.seq != expected_seq:
            return Break(chain, expected_seq, None, "missing")
        if entry.prev_hash != prev:
            return Break(chain, entry.seq, entry.pk, "relinked")
        if digest(entry) != entry.hash:
            return Break(chain, entry.seq, entry.pk, "changed")
        prev, expected_seq, count = entry.hash, expected_seq + 1, count + 1
    return ChainState(chain, count, expected_seq - 1, prev)


def chain_rows(model: Any, chain: int) -> Iterator[Any]:
    from django_scopes import scopes_disabled

    with scopes_disabled():
        yield from model.objects.filter(chain=chain).order_by("seq").iterator(chunk_size=5000)


def chains(model: Any) -> list[int]:
    from django_scopes import scopes_disabled

    with scopes_disabled():
        return sorted(model.objects.order_by().values_list("chain", flat=True).distinct())
