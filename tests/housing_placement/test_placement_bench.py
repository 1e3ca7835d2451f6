"""The benchmark script still runs (its figures are not asserted: the machine is shared)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "placement_bench.py"


def test_bench_runs_and_reports():
    result = subprocess.run(
        [sys.executable, str(BENCH), "--runs", "1", "--households", "20", "--persons", "60"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "placed" in result.stdout and "OPTIMAL" in result.stdout
    assert "solver wall time p50" in result.stdout
