"""``kim volunteers match FILE [--format json]`` (issue 14 item 3): the exact output shape,
every error path (one line on stderr naming the element, exit 1, nothing on stdout)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from kim.volunteers.matching.cli import main

TODAY = date(2026, 6, 1)


def volunteer(i=1, **extra):
    return {
        "id": i,
        "languages": ["ar"],
        "skills": ["Behördengang"],
        "districts": ["*"],
        "slots": ["mon-am"],
        "capacity": 1,
        **extra,
    }


def request(i="r1", **extra):
    return {"id": i, "language": "ar", "slots": ["mon-am"], **extra}


def write(tmp_path, document, name="in.json"):
    path = tmp_path / name
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    path.write_bytes(data)
    return str(path)


def run(*argv, stdin=b""):
    return main(list(argv), today=TODAY, read_stdin=lambda: stdin)


def ok(tmp_path, document, *options):
    code, out, err = run("match", write(tmp_path, document), *options)
    assert (code, err) == (0, "")
    return json.loads(out) if "text" not in options else out


def test_exact_output_shape(tmp_path):
    document = {
        "volunteers": [volunteer(1), volunteer("v2", languages=["ti"])],
        "requests": [request("r1"), request(2, language="ti"), request("r3", language="fa")],
    }
    out = ok(tmp_path, document)
    assert list(out) == ["matches", "unmatched"]
    assert [list(m) for m in out["matches"]] == [["request", "volunteer", "score", "reasons"]] * 2
    assert [(m["request"], m["volunteer"], m["score"]) for m in out["matches"]] == [
        ("r1", 1, 4),
        (2, "v2", 4),
    ]
    assert out["matches"][0]["reasons"][0] == {
        "code": "speaks",
        "params": {"language": "ar"},
        "text": "Speaks Arabic (level not recorded).",
    }
    assert out["unmatched"] == [
        {
            "request": "r3",
            "reasons": [
                {
                    "code": "no_language",
                    "params": {"language": "fa"},
                    "text": "No volunteer speaks Persian.",
                }
            ],
        }
    ]


def test_every_request_exactly_once_with_reasons(tmp_path):
    volunteers = [volunteer(i, capacity=i % 3) for i in range(10)]
    requests = [request(f"r{i}", skill=["Behördengang", "Fahrrad"][i % 2]) for i in range(12)]
    out = ok(tmp_path, {"volunteers": volunteers, "requests": requests})
    seen = [m["request"] for m in out["matches"]] + [u["request"] for u in out["unmatched"]]
    assert sorted(seen) == sorted(r["id"] for r in requests)
    assert len(out["matches"]) == 6  # the Behördengang requests; capacity 0 takes none
    assert all(m["reasons"] for m in out["matches"] + out["unmatched"])
    assert {u["reasons"][0]["code"] for u in out["unmatched"]} == {"no_skill"}


def test_optional_keys_and_extras(tmp_path):
    document = {
        "volunteers": [
            volunteer(
                1,
                language_levels={"AR": "c1"},
                certificate="2026-06-01",
                load=0,
                earlier_households=[17],
                name="ignored",
            ),
            volunteer(2, certificate=True, districts=["Ampen"]),
        ],
        "requests": [
            request(
                "r1",
                involves_children=True,
                household="17",
                district=None,
                skill=None,
                description="ignored",
            ),
            request("r2", involves_children=True, district="Ampen"),
        ],
    }
    out = ok(tmp_path, document)
    assert [(m["request"], m["volunteer"], m["score"]) for m in out["matches"]] == [
        ("r1", 1, 18),
        ("r2", 2, 8),
    ]  # C1: 8 + continuity 10; B1 4 + named district 4
    codes = [r["code"] for r in out["matches"][0]["reasons"]]
    assert codes == [
        "speaks_level",
        "shared_slots",
        "certificate_valid_until",
        "continuity",
        "load",
    ]
    assert out["matches"][1]["reasons"][3]["code"] == "certificate_valid"
    # a day later the first certificate has expired
    code, out, _ = run("match", write(tmp_path, document), "--as-of", "2026-06-02")
    assert [m["request"] for m in json.loads(out)["matches"]] == ["r2"]


def test_empty_lists_and_capacity_zero(tmp_path):
    assert ok(tmp_path, {"volunteers": [], "requests": []}) == {"matches": [], "unmatched": []}
    out = ok(tmp_path, {"volunteers": [volunteer(capacity=0)], "requests": [request()]})
    assert out["unmatched"][0]["reasons"][0]["code"] == "all_at_capacity"
    out = ok(tmp_path, {"volunteers": [], "requests": [request()]})
    assert out["unmatched"][0]["reasons"][0]["code"] == "no_volunteers"


def test_slots_are_opaque_strings(tmp_path):
    document = {
        "volunteers": [volunteer(slots=["Mo 14-16"])],
        "requests": [request("a", slots=["Mo 14-16"]), request("b", slots=["mo 14-16"])],
    }
    out = ok(tmp_path, document)
    assert [m["request"] for m in out["matches"]] == ["a"]


@pytest.mark.parametrize("prefix", [b"\xef\xbb\xbf", b""])
def test_bom_and_utf8(tmp_path, prefix):
    data = (
        prefix
        + json.dumps(
            {"volunteers": [volunteer()], "requests": [request()]}, ensure_ascii=False
        ).encode()
    )
    assert len(ok(tmp_path, data)["matches"]) == 1


def test_utf16_with_bom(tmp_path):
    text = json.dumps({"volunteers": [volunteer()], "requests": [request()]})
    assert len(ok(tmp_path, text.encode("utf-16"))["matches"]) == 1


def test_standard_input():
    data = json.dumps({"volunteers": [volunteer()], "requests": [request()]}).encode()
    code, out, err = run("match", "-", stdin=data)
    assert code == 0 and json.loads(out)["matches"][0]["volunteer"] == 1


def test_text_format(tmp_path):
    document = {"volunteers": [volunteer()], "requests": [request(), request("r2", language="ti")]}
    assert ok(tmp_path, document, "--format", "text").splitlines() == [
        "request r1: volunteer 1 (score 4)",
        "  - Speaks Arabic (level not recorded).",
        "  - Available at the requested time: mon-am.",
        "  - Parallel assignments with this one: 1 of at most 1.",
        "request r2: no volunteer",
        "  - No volunteer speaks Tigrinya.",
        "matched 1 of 2 requests, total score 4",
    ]


BAD_ELEMENTS = [
    ([], 'input: must be an object with the keys "volunteers" and "requests", got a list'),
    ({"requests": []}, "volunteers: is missing"),
    ({"volunteers": []}, "requests: is missing"),
    ({"volunteers": {}, "requests": []}, "volunteers: must be a list, got an object"),
    ({"volunteers": [5], "requests": []}, "volunteers[0]: must be an object, got 5"),
    (
        {"volunteers": [volunteer(), {"languages": []}], "requests": []},
        "volunteers[1].id: is missing",
    ),
    (
        {"volunteers": [volunteer(capacity=-1)], "requests": []},
        "volunteers[0].capacity: must be a non-negative integer, got -1",
    ),
    (
        {"volunteers": [volunteer(capacity=1.5)], "requests": []},
        "volunteers[0].capacity: must be a non-negative integer, got 1.5",
    ),
    (
        {"volunteers": [volunteer(capacity="2")], "requests": []},
        'volunteers[0].capacity: must be a non-negative integer, got "2"',
    ),
    (
        {"volunteers": [volunteer(capacity=True)], "requests": []},
        "volunteers[0].capacity: must be a non-negative integer, got true",
    ),
    (
        {"volunteers": [volunteer(capacity=None)], "requests": []},
        "volunteers[0].capacity: must be a non-negative integer, got null",
    ),
    (
        {"volunteers": [{k: v for k, v in volunteer().items() if k != "capacity"}], "requests": []},
        "volunteers[0].capacity: is missing",
    ),
    (
        {
            "volunteers": [{k: v for k, v in volunteer().items() if k != "districts"}],
            "requests": [],
        },
        "volunteers[0].districts: is missing",
    ),
    (
        {"volunteers": [volunteer(languages="ar")], "requests": []},
        'volunteers[0].languages: must be a list, got "ar"',
    ),
    (
        {"volunteers": [volunteer(languages=["ar", ""])], "requests": []},
        'volunteers[0].languages[1]: must be a non-empty string, got ""',
    ),
    (
        {"volunteers": [volunteer(slots=[["mon"]])], "requests": []},
        "volunteers[0].slots[0]: must be a non-empty string, got a list",
    ),
    (
        {"volunteers": [volunteer(id=True)], "requests": []},
        "volunteers[0].id: must be a non-empty string or an integer, got true",
    ),
    (
        {"volunteers": [volunteer(id=2.5)], "requests": []},
        "volunteers[0].id: must be a non-empty string or an integer, got 2.5",
    ),
    (
        {"volunteers": [volunteer(id="")], "requests": []},
        'volunteers[0].id: must be a non-empty string or an integer, got ""',
    ),
    (
        {"volunteers": [volunteer(1), volunteer(2), volunteer("1")], "requests": []},
        'volunteers[2].id: "1" is also the id of volunteers[0]',
    ),
    (
        {"volunteers": [], "requests": [request("a"), request("a")]},
        'requests[1].id: "a" is also the id of requests[0]',
    ),
    (
        {"volunteers": [volunteer(capacity=10**20)], "requests": []},
        "volunteers[0].capacity: must be at most 1000000, got 100000000000000000000",
    ),
    (
        {"volunteers": [volunteer(load=-1)], "requests": []},
        "volunteers[0].load: must be a non-negative integer, got -1",
    ),
    (
        {"volunteers": [volunteer(language_levels={"de": "B1"})], "requests": []},
        "volunteers[0].language_levels.de: not one of the volunteer's languages",
    ),
    (
        {"volunteers": [volunteer(language_levels={"ar": "fluent"})], "requests": []},
        "volunteers[0].language_levels.ar: must be one of A1, A2, B1, B2, C1, C2, native, "
        'got "fluent"',
    ),
    (
        {"volunteers": [volunteer(language_levels=["ar"])], "requests": []},
        "volunteers[0].language_levels: must be an object, got a list",
    ),
    (
        {"volunteers": [volunteer(certificate="2026-13-01")], "requests": []},
        "volunteers[0].certificate: must be true, false or the last valid day as YYYY-MM-DD, "
        'got "2026-13-01"',
    ),
    (
        {"volunteers": [volunteer(earlier_households="hh")], "requests": []},
        'volunteers[0].earlier_households: must be a list, got "hh"',
    ),
    ({"volunteers": [], "requests": [{"id": "r"}]}, "requests[0].slots: is missing"),
    (
        {"volunteers": [], "requests": [request(language="")]},
        'requests[0].language: must be a non-empty string, got ""',
    ),
    (
        {"volunteers": [], "requests": [request(skill=5)]},
        "requests[0].skill: must be a non-empty string, got 5",
    ),
    (
        {"volunteers": [], "requests": [request(district=["Ampen"])]},
        "requests[0].district: must be a non-empty string, got a list",
    ),
    (
        {"volunteers": [], "requests": [request(involves_children="yes")]},
        'requests[0].involves_children: must be true or false, got "yes"',
    ),
    (
        {"volunteers": [], "requests": [request(household=False)]},
        "requests[0].household: must be a non-empty string or an integer, got false",
    ),
]


@pytest.mark.parametrize(("document", "message"), BAD_ELEMENTS)
def test_bad_elements(tmp_path, document, message):
    code, out, err = run("match", write(tmp_path, document))
    assert (code, out, err) == (1, "", f"error: {message}\n")


BAD_FILES = [
    (b"", "invalid JSON at line 1 column 1: Expecting value"),
    (b'{"volunteers": [}', "invalid JSON at line 1 column 17: Expecting value"),
    (b'{"volunteers": [], "requests": [], }', "invalid JSON at line 1 column 36: "),
    (b'{"volunteers": [NaN], "requests": []}', "invalid JSON: NaN is not a JSON number"),
    (
        b'{"volunteers": [], "requests": []}'.replace(b"[]", b"[\xff]", 1),
        "not UTF-8 text (byte 16)",
    ),
    (b"[" * 100000 + b"]" * 100000, "invalid JSON: nested too deeply"),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_bad_files(tmp_path, data, message):
    path = write(tmp_path, data)
    code, out, err = run("match", path)
    assert (code, out) == (1, "")
    # the JSON parser's own wording varies between Python versions: compare the start
    assert err.startswith(f"error: {path}: {message}") and err.count("\n") == 1


def test_key_given_twice(tmp_path):
    data = b'{"volunteers": [{"id": 1, "capacity": 1, "capacity": 5}], "requests": []}'
    assert run("match", write(tmp_path, data)) == (
        1,
        "",
        "error: volunteers[0].capacity: given twice\n",
    )


def test_missing_file_and_directory(tmp_path):
    assert run("match", str(tmp_path / "nope.json")) == (
        1,
        "",
        f"error: cannot read {tmp_path / 'nope.json'}: No such file or directory\n",
    )
    assert run("match", str(tmp_path)) == (
        1,
        "",
        f"error: cannot read {tmp_path}: Is a directory\n",
    )


USAGE = "usage: kim volunteers match FILE [--format json|text] [--as-of YYYY-MM-DD]"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), f"the following arguments are required: action, file; {USAGE}"),
        (("match",), f"the following arguments are required: file; {USAGE}"),
        (("list", "x.json"), f"unknown command 'list'; {USAGE}"),
        (("match", "x.json", "--format", "xml"), "--format: must be json or text, got 'xml'"),
        (
            ("match", "x.json", "--as-of", "1.6.2026"),
            "--as-of: bad date '1.6.2026'; expected YYYY-MM-DD",
        ),
        (("match", "x.json", "--extra"), f"unrecognized arguments: --extra; {USAGE}"),
    ],
)
def test_usage_errors(argv, message):
    assert run(*argv) == (1, "", f"error: {message}\n")


def test_help():
    code, out, err = run("--help")
    assert code == 0 and out.startswith(f"{USAGE}\n") and err == ""


def test_django_command_writes_the_result(tmp_path):
    path = write(tmp_path, {"volunteers": [volunteer()], "requests": [request()]})
    out = StringIO()
    call_command("volunteers", "match", path, "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["matches"][0]["request"] == "r1"
    err = StringIO()
    with pytest.raises(SystemExit) as exc:
        call_command("volunteers", "match", str(tmp_path / "nope.json"), stdout=out, stderr=err)
    assert exc.value.code == 1
    missing = tmp_path / "nope.json"
    assert err.getvalue() == f"error: cannot read {missing}: No such file or directory\n"


def test_console_exit_status_and_streams(tmp_path):
    good = write(tmp_path, {"volunteers": [volunteer()], "requests": [request()]}, "good.json")
    bad = write(tmp_path, {"volunteers": [volunteer(capacity=-3)], "requests": []}, "bad.json")
    cmd = [sys.executable, "-m", "kim", "volunteers"]
    options = {"capture_output": True, "text": True, "check": False, "timeout": 120}
    passed = subprocess.run([*cmd, "match", good], **options)
    failed = subprocess.run([*cmd, "match", bad], **options)
    usage = subprocess.run([*cmd, "match"], **options)
    assert (passed.returncode, passed.stderr) == (0, "")
    assert json.loads(passed.stdout)["matches"][0]["volunteer"] == 1
    assert (failed.returncode, failed.stdout) == (1, "")
    assert failed.stderr == (
        "error: volunteers[0].capacity: must be a non-negative integer, got -3\n"
    )
    assert (usage.returncode, usage.stdout) == (1, "")
    assert usage.stderr.count("\n") == 1 and usage.stderr.startswith("error: ")
