"""The public welcome pages on the demo (issue 16 item 3: p95 ≤ 50 ms).

    .venv/bin/python bench/welcome_bench.py [--data DIR] [--repeat 200]

Uses a data directory with the demo loaded (default: a throw-away one, loaded here), and
asks Django's test client anonymously for the index, a page and a search in German,
Arabic and Tigrinya: server time p50/p95/max and queries per request, cached (every
request after the first) and uncached (cache cleared before each request).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PATHS = ["/soest-demo/info/?lang=de", "/soest-demo/info/gesundheit/?lang=ar",
         "/soest-demo/info/notfall/?lang=ti", "/soest-demo/info/integrationsteam/?lang=fa",
         "/soest-demo/info/search/?q=Arzt&lang=de", "/soest-demo/info/search/?q=الطبيب&lang=ar"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    os.environ["KIM_DATA_DIR"] = args.data or tempfile.mkdtemp(prefix="kim-welcome-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kim.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if not args.data:
        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # production storage
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':48} {'mode':8} {'p50':>7} {'p95':>7} {'max':>7} queries")
    for path in PATHS:
        for mode in ("cached", "uncached"):
            times = []
            for _ in range(args.repeat):
                if mode == "uncached":
                    cache.clear()
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(path, secure=True)
                    times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"{path:48} {mode:8} {statistics.median(times):6.1f}ms {p95:6.1f}ms "
                  f"{times[-1]:6.1f}ms {len(queries)}")


if __name__ == "__main__":
    main()
