"""``kim audit verify [--municipality SLUG] [--anchors FILE]``: check the audit log's hash
chains (kim/core/audit/chain.py).

Prints one line per chain, ``<municipality> <head position> <head hash>`` (``-`` for the
entries outside any municipality) – write these lines somewhere the database's users
cannot change them, and give that file as ``--anchors`` later: each recorded position must
still carry its hash. A broken chain or a missing anchor: one line on standard error
naming the municipality and the position, exit status 1, nothing on standard output.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scopes_disabled

from kim.core.audit.chain import Break, ChainState, chain_of, chain_rows, chains, verify_chain
from kim.core.models import AuditEntry, Municipality

ANCHOR = re.compile(r"^(\S+) (\d+) ([0-9a-f]{64})$")
REASONS = {
    "missing": "entry missing (deleted)",
    "changed": "content changed",
    "relinked": "does not follow the previous entry (inserted, replaced or changed before)",
}


class Command(BaseCommand):
    help = "Verify the hash chains of the audit log and print their heads."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="recompute every chain; print the heads")
        verify.add_argument("--municipality", help="only this municipality's chain (slug)")
        verify.add_argument("--anchors", help="file of earlier printed head lines to check")

    def handle(self, *args: Any, action: str, municipality: str | None = None,
               anchors: str | None = None, **options: Any) -> None:
        with scopes_disabled():
            names = {m.pk: m.slug for m in Municipality.objects.all()}
        if municipality is not None:
            ids = [pk for pk, slug in names.items() if slug == municipality]
            if not ids:
                raise CommandError(f"Unknown municipality {municipality!r}")
            wanted = [chain_of(ids[0])]
        else:
            wanted = chains(AuditEntry)
        expected = _read_anchors(anchors) if anchors else {}

        lines, problems = [], []
        for chain in wanted:
            name = names.get(chain, f"#{chain}") if chain else "-"
            result = verify_chain(chain, chain_rows(AuditEntry, chain))
            if isinstance(result, Break):
                entry = f" (entry id {result.entry_id})" if result.entry_id else ""
                problems.append(f"audit chain of {name} broken at position {result.seq}"
                                f"{entry}: {REASONS[result.reason]}")
                continue
            problem = _check_anchors(name, chain, result, expected.pop(name, []))
            if problem:
                problems.append(problem)
            lines.append(f"{name} {result.head_seq} {result.head_hash}")
        if municipality is None:
            problems += [f"audit chain of {name}: anchored, but has no entries"
                         for name in expected]
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise CommandError(problems[0] + more)
        for line in lines:
            self.stdout.write(line)


def _read_anchors(path: str) -> dict[str, list[tuple[int, str]]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise CommandError(f"Cannot read anchors {path}: {err}") from None
    anchors: dict[str, list[tuple[int, str]]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = ANCHOR.match(line)
        if match is None:
            raise CommandError(f"Anchors {path} line {number}: expected "
                               "'<municipality> <position> <hash>'")
        anchors.setdefault(match[1], []).append((int(match[2]), match[3]))
    return anchors


def _check_anchors(name: str, chain: int, state: ChainState,
                   anchored: list[tuple[int, str]]) -> str:
    if not anchored:
        return ""
    wanted = dict(anchored)
    with scopes_disabled():
        found = dict(AuditEntry.objects.filter(chain=chain, seq__in=list(wanted))
                     .values_list("seq", "hash"))
    for seq in sorted(wanted):
        if seq > state.head_seq:
            return (f"audit chain of {name}: anchored position {seq} is missing, the chain "
                    f"ends at {state.head_seq} (entries cut off)")
        if found.get(seq) != wanted[seq]:
            return (f"audit chain of {name}: anchored position {seq} has another hash "
                    "(the chain was recomputed)")
    return ""
