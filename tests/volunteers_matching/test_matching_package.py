"""The matching core stays pure (no Django), and the benchmark script still runs (its
figures are not asserted: the machine is shared)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_matching_core_imports_no_django():
    code = (
        "import sys, kim.volunteers.matching, kim.volunteers.matching.cli;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.stdout.strip() == "[]"


def test_bench_runs_and_reports():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "volunteer_match_bench.py"),
            "--runs",
            "1",
            "--volunteers",
            "200",
            "--requests",
            "100",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "200 volunteers" in result.stdout and "first fit" in result.stdout
    assert "match() wall time p50" in result.stdout
