"""A readability hint for plain-language German (Leichte/Einfache Sprache guidance):
long sentences and long words are what make an information text hard to read.

Pure Python: the editor shows the hint, the demo test holds the demo texts to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_WORDS_PER_SENTENCE = 12
MAX_WORD_LETTERS = 15

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class Readability:
    sentences: int
    average_words: float
    long_sentences: tuple[str, ...]  # more than MAX_WORDS_PER_SENTENCE words
    long_words: tuple[str, ...]  # more than MAX_WORD_LETTERS letters, in order, once each

    @property
    def plain(self) -> bool:
        return not self.long_sentences and not self.long_words


def check(text: str) -> Readability:
    """Sentence length and long words of ``text`` (URLs, e-mail addresses and phone numbers
    are no words)."""
    text = re.sub(r"\S+@\S+|https?://\S+", " ", text)
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if _WORD.search(s)]
    counts = [len(_WORD.findall(s)) for s in sentences]
    words: list[str] = []
    for word in _WORD.findall(text):
        # a hyphen splits a compound for the reader (Medio-Punkt, Binde-Strich)
        if any(len(part) > MAX_WORD_LETTERS for part in word.split("-")) and word not in words:
            words.append(word)
    return Readability(
        sentences=len(sentences),
        average_words=round(sum(counts) / len(counts), 1) if counts else 0.0,
        long_sentences=tuple(s for s, n in zip(sentences, counts, strict=True)
                             if n > MAX_WORDS_PER_SENTENCE),
        long_words=tuple(words),
    )
