"""Benchmark of the volunteer ↔ request matching (kim.volunteers.matching.match), issue 14
item 3: 2 000 volunteers × 1 000 requests matched in < 5 s.

    python bench/volunteer_match_bench.py [--volunteers 2000] [--requests 1000] [--runs 5]
                                          [--seed 1] [--dense] [--cli]

Generates a fictitious mid-size town (Stuttgart has about 2 000 volunteers in 41 circles):
volunteers who mostly speak German plus English, French, Russian, Turkish, some Arabic,
Persian, Ukrainian, Kurdish, few Dari, Pashto, Tigrinya, Somali, with CEFR levels, 1–4
skills, 1–3 districts of 12 (a quarter take any district), 2–6 of 18 weekly slots,
capacity 1–3 with some current load, certificates of good conduct (some expired);
requests in the newcomers' languages (a fifth need none), a skill, often a district,
1–4 slots, a quarter involving children, some following an earlier household. Each run
draws a new town and matches it; the report gives wall time p50/max, matched requests
against first fit, the number of candidate pairs and the machine.

``--dense`` is the worst case for the network: no language, skill or district, one slot
for everybody, so every volunteer is a candidate for every request (2 million pairs).
``--cli`` times the whole command instead (JSON file → JSON output, in-process).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kim.volunteers.matching import Request, Volunteer, first_fit, match  # noqa: E402
from kim.volunteers.matching.cli import main as cli_main  # noqa: E402

ON = date(2026, 6, 1)
DISTRICTS = [
    "Innenstadt",
    "Nord",
    "Süd",
    "Ost",
    "West",
    "Ampen",
    "Deiringsen",
    "Meiningsen",
    "Ostönnen",
    "Hattrop",
    "Paradiese",
    "Ruploh",
]
SLOTS = [
    f"{day}-{part}"
    for day in ("mon", "tue", "wed", "thu", "fri", "sat")
    for part in ("am", "pm", "eve")
]
SKILLS = [
    "Behördengang",
    "Hausaufgabenhilfe",
    "Deutsch üben",
    "Arztbegleitung",
    "Wohnungssuche",
    "Bewerbung",
    "Fahrradwerkstatt",
    "Sport",
    "Kinderbetreuung",
    "Dolmetschen",
    "Umzugshilfe",
    "Freizeit",
]
CHILD_SKILLS = {"Hausaufgabenhilfe", "Kinderbetreuung", "Sport", "Freizeit"}
# Share of volunteers speaking a language (besides German) and of requests needing it.
VOLUNTEER_LANGS = {
    "en": 60,
    "fr": 15,
    "ru": 10,
    "tr": 8,
    "ar": 12,
    "fa": 5,
    "uk": 8,
    "ku": 3,
    "prs": 2,
    "ps": 1,
    "ti": 0.5,
    "so": 0.5,
}
REQUEST_LANGS = {
    "ar": 25,
    "uk": 20,
    "fa": 10,
    "prs": 8,
    "ku": 7,
    "ps": 5,
    "ti": 5,
    "tr": 5,
    "ru": 5,
    "so": 3,
    "en": 4,
    "fr": 3,
}
LEVELS = ["A2", "B1", "B2", "C1", "C2", "native"]


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def volunteers(rng: random.Random, n: int, dense: bool) -> list[Volunteer]:
    out = []
    for i in range(n):
        langs = {code for code, pct in VOLUNTEER_LANGS.items() if rng.random() * 100 < pct}
        capacity = rng.choices([1, 2, 3], [5, 3, 2])[0]
        certificate = rng.random()
        out.append(
            Volunteer(
                key=f"v{i:05d}",
                languages=frozenset(langs),
                skills=frozenset(rng.sample(SKILLS, rng.randint(1, 4))),
                districts=frozenset(
                    {"*"} if rng.random() < 0.25 else rng.sample(DISTRICTS, rng.randint(1, 3))
                ),
                slots=frozenset({"mon-am"} if dense else rng.sample(SLOTS, rng.randint(2, 6))),
                capacity=capacity,
                load=rng.randint(0, capacity) if rng.random() < 0.4 else 0,
                levels={code: rng.choice(LEVELS) for code in langs if rng.random() < 0.7},
                earlier_households=frozenset(
                    f"hh-{rng.randrange(600)}" for _ in range(rng.randint(1, 2))
                )
                if rng.random() < 0.2
                else frozenset(),
                certificate_until=(
                    ON + timedelta(days=rng.randint(1, 1800))
                    if certificate < 0.4
                    else ON - timedelta(days=rng.randint(1, 400))
                    if certificate < 0.5
                    else None
                ),
            )
        )
    return out


def requests(rng: random.Random, n: int, dense: bool) -> list[Request]:
    out = []
    for i in range(n):
        skill = rng.choice(SKILLS) if rng.random() < 0.85 else None
        out.append(
            Request(
                key=f"r{i:05d}",
                slots=frozenset({"mon-am"} if dense else rng.sample(SLOTS, rng.randint(1, 4))),
                language=None if dense or rng.random() < 0.2 else _pick(rng, REQUEST_LANGS),
                skill=None if dense else skill,
                district=None if dense or rng.random() < 0.3 else rng.choice(DISTRICTS),
                involves_children=rng.random() < (0.6 if skill in CHILD_SKILLS else 0.1),
                household=f"hh-{rng.randrange(600)}" if rng.random() < 0.15 else None,
            )
        )
    return out


def as_json(vs: list[Volunteer], rs: list[Request]) -> dict[str, object]:
    return {
        "volunteers": [
            {
                "id": v.key,
                "languages": sorted(v.languages),
                "skills": sorted(v.skills),
                "districts": sorted(v.districts),
                "slots": sorted(v.slots),
                "capacity": v.capacity,
                "load": v.load,
                "language_levels": dict(v.levels),
                "earlier_households": sorted(v.earlier_households),
                "certificate": v.certificate_until.isoformat() if v.certificate_until else False,
            }
            for v in vs
        ],
        "requests": [
            {
                "id": r.key,
                "language": r.language,
                "skill": r.skill,
                "district": r.district,
                "slots": sorted(r.slots),
                "involves_children": r.involves_children,
                "household": r.household,
            }
            for r in rs
        ],
    }


def candidate_pairs(vs: list[Volunteer], rs: list[Request]) -> int:
    """Pairs that meet every hard constraint (arcs of the network), via the index."""
    from kim.volunteers.matching.index import Index
    from kim.volunteers.matching.types import DEFAULT_WEIGHTS

    index = Index(vs, rs, ON, DEFAULT_WEIGHTS)
    free = index.free > 0
    return sum(int((index.eligible(r) & free).sum()) for r in rs)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--volunteers", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dense", action="store_true")
    parser.add_argument("--cli", action="store_true")
    args = parser.parse_args()
    times = []
    for run in range(args.runs):
        rng = random.Random(args.seed + run)
        vs = volunteers(rng, args.volunteers, args.dense)
        rs = requests(rng, args.requests, args.dense)
        if args.cli:
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
                json.dump(as_json(vs, rs), fh)
            started = time.perf_counter()
            code, out, err = cli_main(["match", fh.name], today=ON, read_stdin=bytes)
            elapsed = time.perf_counter() - started
            os.unlink(fh.name)
            if code:
                raise SystemExit(err)
            matched = len(json.loads(out)["matches"])
        else:
            started = time.perf_counter()
            result = match(vs, rs, on=ON)
            elapsed = time.perf_counter() - started
            matched = len(result.matches)
        times.append(elapsed)
        greedy = len(first_fit(vs, rs, ON))
        print(
            f"run {run + 1}: {len(vs)} volunteers ({sum(v.free for v in vs)} free assignments),"
            f" {len(rs)} requests, {candidate_pairs(vs, rs)} candidate pairs; matched"
            f" {matched} (first fit {greedy}), {elapsed:.2f} s"
        )
    what = "command (JSON in and out)" if args.cli else "match()"
    print(
        f"{what} wall time p50 {statistics.median(times):.2f} s, max {max(times):.2f} s"
        f" ({args.volunteers} volunteers × {args.requests} requests"
        f"{', dense' if args.dense else ''}, {args.runs} runs, target < 5 s)"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python"
        f" {platform.python_version()}, ortools {version('ortools')},"
        f" numpy {version('numpy')}, load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
