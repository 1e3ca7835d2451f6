"""Import boundaries (docs/architecture.md "Modules"), generated from the registry:

- pure packages (the rules engine and the solvers) import no Django and nothing of kim
  outside themselves;
- core imports no app;
- an app imports another app only through the other's declared ``public_modules``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kim.core.modules.registry import modules

ROOT = Path(__file__).resolve().parents[2]
KIM = ROOT / "kim"

# Pure Python packages: no Django, no other part of kim (they are tested and benchmarked
# on their own, and kim.rules is mypy --strict).
PURE = ("kim.rules", "kim.stats", "kim.housing.placement", "kim.housing.waiting",
        "kim.volunteers.matching")
# Libraries every layer may use (they import no app themselves, checked above).
SHARED = ("kim.rules", "kim.stats")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, text: str) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in the file, relative ones resolved."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # "from kim.people import models" imports the submodule kim.people.models
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names
                      if (KIM.parent / Path(*f"{target}.{alias.name}".split("."))).exists()
                      or (KIM.parent / Path(*f"{target}.{alias.name}".split("."))
                          ).with_suffix(".py").exists()]
    return found


def _files() -> list[Path]:
    return [p for p in KIM.rglob("*.py") if "migrations" not in p.parts]


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "kim":
        return None
    return parts[1] if parts[1] in modules else None


def _within(module: str, prefixes: tuple[str, ...] | list[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def violations(probe: tuple[Path, str] | None = None) -> list[str]:
    """Every import crossing a boundary. ``probe``: a file (path, source) checked as if it
    were in the tree – the checker's own tests, without writing into the source tree that
    the other test lane reads at the same time."""
    public = modules.public_modules()
    found = []
    files = [(path, path.read_text(encoding="utf-8")) for path in _files()]
    for path, text in files + ([probe] if probe else []):
        source = _module_name(path)
        src_app = _app_of(source)
        for line, target in _imports(path, text):
            where = f"{path.relative_to(ROOT)}:{line} imports {target}"
            if _within(source, PURE):
                if target.split(".")[0] == "django" or (
                        target.startswith("kim.") and not _within(target, PURE)):
                    found.append(f"{where} (pure package)")
                continue
            if not target.startswith("kim.") or _within(target, SHARED):
                continue
            dst_app = _app_of(target)
            if dst_app is None or dst_app == src_app:
                continue
            if src_app == "core":
                found.append(f"{where} (core imports no app)")
            elif dst_app != "core" and not _within(target, public[dst_app]) and not any(
                    _within(p, (target,)) for p in public[dst_app]):
                found.append(f"{where} (not a public module of {dst_app})")
    return found


def test_import_boundaries_hold():
    assert violations() == []


@pytest.mark.parametrize("line, expected", [
    ("from django.db import models", "pure package"),
    ("from kim.core.models import Municipality", "pure package"),
])
def test_the_check_catches_a_pure_package_importing_django(line, expected):
    """The checker itself: a file in kim/rules with a forbidden import is reported."""
    probe = (KIM / "rules" / "_boundary_probe.py", line + "\n")
    assert any(expected in v and "_boundary_probe" in v for v in violations(probe))


def test_the_check_catches_core_importing_an_app():
    probe = (KIM / "core" / "_boundary_probe.py", "from kim.housing.models import Stay\n")
    assert any("core imports no app" in v for v in violations(probe))


def test_the_check_catches_an_app_importing_internals():
    probe = (KIM / "quota" / "_boundary_probe.py", "from kim.housing.views import stays\n")
    assert any("not a public module of housing" in v for v in violations(probe))
