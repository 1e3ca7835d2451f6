"""German out of the box: compile missing or outdated message catalogues at start-up.

A built package carries compiled catalogues (setup.py). A checkout installed in place
(``pip install -e .``) has only the .po files; without this, ``kim migrate`` and
``kim runserver`` would show English pages. Compiling needs no gettext tools (Babel), is
skipped when the .mo file is current, and is atomic (temporary file + rename), so several
worker processes starting at once do no harm. A read-only installation is left alone.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)
LOCALE = Path(__file__).resolve().parent.parent / "locale"


def ensure_catalogues(root: Path = LOCALE) -> list[Path]:
    """Compile every .po under ``root`` whose .mo is missing or older; returns those."""
    compiled = []
    for po in root.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        try:
            _compile(po, mo)
        except OSError as exc:
            log.warning("Cannot compile %s (%s); the pages will be in English.", po, exc)
            continue
        compiled.append(mo)
    return compiled


def _compile(po: Path, mo: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source)
    handle, temporary = tempfile.mkstemp(dir=mo.parent, suffix=".mo.tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            write_mo(out, catalog)
        os.replace(temporary, mo)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
