"""Benchmark of the person import at scale (issue 10 item 11: streaming, bounded imports).

    .venv/bin/python bench/import_bench.py [--rows 100000] [--formats csv,xlsx]
                                           [--database-url URL]

Generates N varied fictitious person rows (names of the demo's name lists, households
with heads and children, statuses, German and ISO dates, some near-duplicate spellings
and a block of identical rows), writes them as CSV and as XLSX, and imports each file
into a fresh municipality of a throw-away database – each in its own process, so the
peak memory (``ru_maxrss``) is that import's. Prints rows/s, the peak resident memory
and its growth over the process before the import, and the data size.
Targets: ≥ 2 000 rows/s (product.md §9), peak memory of a 100 000-row file < 300 MB.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEADER = ["external_id", "family_name", "given_names", "birth_date", "sex", "citizenship",
          "household_ref", "household_role", "entry_date", "assignment_date", "legal_status",
          "legal_status_since", "accommodation", "activity"]
COUNTRIES = ["SY"] * 30 + ["AF"] * 15 + ["IQ"] * 12 + ["UA"] * 12 + ["TR"] * 8 + ["ER"] * 5
STATUSES = ["gestattung", "refugee", "subsidiary", "duldung", "temporary_protection"]
IDENTICAL = 2000  # rows of one person registered again and again (the quadratic case)


def _day(rng: random.Random, first: int, last: int) -> datetime.date:
    return datetime.date(first, 1, 1) + datetime.timedelta(
        days=rng.randint(0, (last - first) * 365))


def rows(n: int, seed: int = 7) -> list[list[str]]:
    from kim.people.demo.names import FAMILY, GIVEN, REGION

    rng = random.Random(seed)  # noqa: S311
    out: list[list[str]] = []
    household = 0
    while len(out) < n:
        household += 1
        country = rng.choice(COUNTRIES)
        region = REGION[country]
        family = rng.choice(FAMILY[region])
        entry = _day(rng, 2015, 2025)
        status = rng.choice(STATUSES)
        size = min(rng.choice([1, 1, 2, 3, 4, 5]), n - len(out))
        for member in range(size):
            sex = rng.choice("mf")
            adult = member < 2
            born = entry - datetime.timedelta(days=rng.randint(19 * 365, 60 * 365) if adult
                                              else rng.randint(30, 17 * 365))
            given = rng.choice(GIVEN[f"{region}_{sex}"])
            if rng.random() < 0.03:  # a variant spelling of a common name
                given = given.replace("ou", "u").replace("ph", "f")
            german = rng.random() < 0.5
            fmt = "%d.%m.%Y" if german else "%Y-%m-%d"
            out.append([
                f"X{len(out):07d}", family, given,
                born.strftime(fmt) if rng.random() > 0.1 else str(born.year), sex, country,
                f"H{household:06d}" if size > 1 else "",
                ("head" if member == 0 else "partner" if member == 1 else "child")
                if size > 1 else "",
                entry.strftime(fmt), (entry + datetime.timedelta(days=60)).strftime(fmt),
                status, (entry + datetime.timedelta(days=14)).strftime(fmt),
                rng.choice(["", "WALD", "OST", "SCHW"]),
                rng.choice(["", "none", "employed", "training", "language_course"]),
            ])
    for i in range(min(IDENTICAL, n // 50)):  # overwrite a block with one identical person
        out[i * 7] = [f"X{i * 7:07d}", "Haddad", "Mariam", "01.03.1990", "f", "SY", "", "",
                      "", "", "", "", "", ""]
    return out


def write_files(n: int, folder: Path) -> dict[str, Path]:
    import csv

    from openpyxl import Workbook

    data = rows(n)
    csv_path = folder / "persons.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(data)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Personen")
    sheet.append(HEADER)
    for row in data:
        sheet.append(row)
    xlsx_path = folder / "persons.xlsx"
    book.save(xlsx_path)
    return {"csv": csv_path, "xlsx": xlsx_path}


def setup(database_url: str | None) -> None:
    os.environ["KIM_DATA_DIR"] = tempfile.mkdtemp(prefix="kim-import-bench-")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "kim.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_one(path: Path, slug: str, database_url: str | None) -> dict[str, object]:
    """Import one file into a fresh municipality (runs in a child process)."""
    setup(database_url)
    from django.conf import settings
    from django_scopes import scope

    from kim.core.domain.municipalities import create_municipality
    from kim.people.importers.persons import import_persons
    from kim.people.models import Person

    municipality = create_municipality(slug, f"Bench {slug}")
    before = peak_mb()
    with scope(municipality=municipality), path.open("rb") as stream:
        start = time.perf_counter()
        result = import_persons(municipality, stream, path.name)
        took = time.perf_counter() - start
        stored = Person.objects.count()
    assert result.ok and result.written, [str(e) for e in result.errors[:5]]
    return {"rows": result.rows, "stored": stored, "seconds": took,
            "rows_per_s": result.rows / took, "peak_mb": peak_mb(), "before_mb": before,
            "duplicates": len(result.duplicates),
            "more": sum(getattr(result, "more_duplicates", {}).values()),
            "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--formats", default="csv,xlsx")
    parser.add_argument("--database-url")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # path of one file to import
    args = parser.parse_args()
    if args.child:
        path = Path(args.child)
        print(json.dumps(run_one(path, f"bench-{path.suffix[1:]}", args.database_url)))
        return
    folder = Path(tempfile.mkdtemp(prefix="kim-import-files-"))
    start = time.perf_counter()
    files = write_files(args.rows, folder)
    print(f"kim import benchmark – {args.rows} varied rows ({min(IDENTICAL, args.rows // 50)} "
          f"of them identical), "
          f"generated in {time.perf_counter() - start:.0f} s")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cpus, Python "
          f"{platform.python_version()}")
    for fmt in args.formats.split(","):
        path = files[fmt]
        command = [sys.executable, __file__, "--child", str(path)]
        if args.database_url:
            command += ["--database-url", args.database_url]
        out = subprocess.run(command, capture_output=True, text=True, check=False)
        if out.returncode:
            print(f"{fmt}: failed\n{out.stderr[-2000:]}")
            continue
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        size = path.stat().st_size / 1024 / 1024
        print(f"{fmt:4} {size:5.1f} MB file, {figures['rows']} rows into a fresh municipality "
              f"({figures['database']}): {figures['seconds']:.1f} s = "
              f"{figures['rows_per_s']:.0f} rows/s; peak memory {figures['peak_mb']:.0f} MB "
              f"(process before the import {figures['before_mb']:.0f} MB); "
              f"{figures['duplicates']} duplicate pairs listed, {figures['more']} counted")


if __name__ == "__main__":
    main()
