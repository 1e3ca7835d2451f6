"""Transliteration-aware weighted Levenshtein distance for normalised name tokens.

The costs encode which letters transliterations confuse: vowels that Arabic script does not
write (and that French/Persian/Turkish render as 'e') are cheap, a/u is not (that is what
separates Hassan from Hussein and Mahmoud from Muhammad).
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = frozenset("aeiou")

_SUB_COSTS: dict[frozenset[str], float] = {
    frozenset("ou"): 0.2,  # Arabic has no o: Mohammed/Muhammad, Hossein/Husain, Omar/Umar
    frozenset("ao"): 0.6,  # Slavic akanye, Ukrainian vs Russian: Oleksandr/Aleksandr
    frozenset("au"): 1.0,  # distinctive: Hassan/Hussein, Mahmoud/Muhammad
    frozenset("iy"): 0.3, frozenset("ij"): 0.3, frozenset("jy"): 0.2,  # glides й/ي
    frozenset("dt"): 0.4, frozenset("bp"): 0.4, frozenset("gk"): 0.5,  # final devoicing
    frozenset("sz"): 0.3, frozenset("fv"): 0.3,  # German vs English transcription
    frozenset("ck"): 0.3,  # Carim/Karim
    frozenset("cs"): 0.5,  # ц/ts written c in Latin Slavic alphabets
    frozenset("gh"): 0.5,  # Ukrainian г = h: Olha/Olga, Ihor/Igor
    frozenset("gj"): 0.5,  # Egyptian g for ج: Gamal/Jamal
}
_VOWEL_SUB = 0.7  # a/i, i/u, ...: usually different names but sometimes one vowel misheard
_E_SUB = 0.3  # 'e' is the schwa that stands in for any short vowel (Ahmed, Fatemeh, Abdel)
_VOWEL_INDEL = 0.8  # Saad/Said, Mohammed/Mahmoud differ by one long vowel
_E_INDEL = 0.3  # unwritten/elided short vowel: Fatma/Fatemeh, Arabic-script skeletons
_H_INDEL = 0.5  # h is often silent or dropped (Kölner Phonetik ignores it entirely)
_CONSONANT = 1.0
_FINAL_A_INDEL = 2.0  # feminine ending: Ali/Alia, Karim/Karima, Aleksandr/Aleksandra


def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    pair = frozenset((a, b))
    if pair in _SUB_COSTS:
        return _SUB_COSTS[pair]
    if a in VOWELS and b in VOWELS:
        return _E_SUB if "e" in pair else _VOWEL_SUB
    return _CONSONANT


def _indel_cost(c: str) -> float:
    if c == "e":
        return _E_INDEL
    if c in VOWELS:
        return _VOWEL_INDEL
    return _H_INDEL if c == "h" else _CONSONANT


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_SUB: dict[str, float] = {a + b: _sub_cost(a, b) for a in _LETTERS for b in _LETTERS}
_INDEL: dict[str, float] = {c: _indel_cost(c) for c in _LETTERS}


def weighted_distance(a: str, b: str) -> float:
    """Edit distance with the cost table above; symmetric; non-letters cost 1."""
    la, lb = len(a), len(b)
    if la == 0 or lb == 0:
        return sum(_INDEL.get(c, 1.0) for c in a + b)
    sub, indel = _SUB, _INDEL
    ins_b = [indel.get(c, 1.0) for c in b]
    if b[-1] == "a":
        ins_b[-1] = _FINAL_A_INDEL  # only applies on the last row/column, see below
    prev = [0.0] * (lb + 1)
    for j in range(1, lb + 1):
        prev[j] = prev[j - 1] + indel.get(b[j - 1], 1.0)
    for i in range(1, la + 1):
        ca = a[i - 1]
        del_a = indel.get(ca, 1.0)
        last_row = i == la
        cur = [prev[0] + del_a] + [0.0] * lb
        for j in range(1, lb + 1):
            cb = b[j - 1]
            d = del_a
            if last_row and j == lb and ca == "a":
                d = _FINAL_A_INDEL  # a ends with an extra -a after b is used up
            ins = ins_b[j - 1] if (last_row and j == lb) else indel.get(cb, 1.0)
            cur[j] = min(prev[j] + d, cur[j - 1] + ins, prev[j - 1] + sub.get(ca + cb, 1.0))
        prev = cur
    return prev[lb]


@lru_cache(maxsize=16384)
def token_similarity(a: str, b: str) -> float:
    """1 - weighted distance / longer length, in [0, 1]."""
    if a == b:
        return 1.0
    if a > b:  # exact symmetry regardless of floating point order
        a, b = b, a
    longest = max(len(a), len(b))
    return max(0.0, 1.0 - weighted_distance(a, b) / longest)
