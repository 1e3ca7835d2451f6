"""Reading a PDF back as poppler does (pdftotext -bbox-layout; Debian poppler-utils,
installed by scripts/test.sh): pages with their size, text blocks and words with their
right edge, so tests can check that nothing runs off the paper."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest

PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
BLOCK = re.compile(r"<block [^>]*>(.*?)</block>", re.S)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">'
                  r"(.*?)</word>")


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    blocks: list[str]  # the words of each text block, joined by spaces
    words: list[tuple[float, float, str]]  # (x min, x max, word)


def pdf_pages(content: bytes) -> list[Page]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/system-deps.sh)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.pdf"
        path.write_bytes(content)
        xml = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(path), "-"],
                             capture_output=True, text=True, check=True).stdout
    pages = []
    for width, height, body in PAGE.findall(xml):
        words = [(float(a), float(b), unescape(w)) for a, b, w in WORD.findall(body)]
        blocks = [" ".join(unescape(w) for *_x, w in WORD.findall(block))
                  for block in BLOCK.findall(body)]
        pages.append(Page(float(width), float(height), blocks, words))
    return pages
