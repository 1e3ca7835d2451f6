"""Make transliterated person names comparable (duplicate detection).

Pure Python, stdlib only. Pipeline: script transliteration -> Latin cleanup -> transliteration
variant folding (:func:`normalize`) -> Kölner Phonetik per token (:func:`name_key`,
:func:`token_keys`) for indexed candidate lookup -> weighted edit distance
(:func:`similarity`) and birth date / sex checks (:func:`probable_duplicate`) on candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kim.people.domain.names_distance import VOWELS, token_similarity
from kim.people.domain.names_translit import to_latin

__all__ = [
    "PROBABLE_THRESHOLD", "TOKEN_THRESHOLD", "DuplicateVerdict", "PersonLike",
    "birth_dates_compatible", "cologne_codes", "cologne_phonetic", "name_key", "normalize",
    "probable_duplicate", "similarity", "token_keys",
]

# --- normalisation -------------------------------------------------------------------------

_APOSTROPHES = str.maketrans("", "", "'`")  # ayn/hamza marks: Ma'moun = Mamoun
# Hyphens, dots, digits -> token separator; letters of unsupported scripts (Ge'ez, Han) stay.
_NON_LETTER = re.compile(r"[\W\d_]+")

# Ordered plain replacements (str.replace is the fastest tool); order matters.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("dsch", "j"), ("dzh", "j"), ("dj", "j"),  # ج/дж in German, English, French spelling
    ("tsch", "ch"), ("tch", "ch"),  # ч in German and French spelling
    ("sch", "sh"), ("zh", "sh"),  # ш/ж: German writes both as sch
    ("kh", "ch"),  # خ/х: English kh, German ch (Khalid/Chalid, Mikhail/Michail)
    ("ph", "f"), ("th", "t"), ("dh", "d"), ("gh", "g"),  # Arabic interdentals/ghayn lost
    ("ck", "k"), ("q", "k"),  # ق is written q, k or kk
    ("w", "v"),  # в: English v, German w (Ivan/Iwan); و as v costs nothing in Kölner
    ("x", "ks"),  # Alexander/Aleksandr
    ("ou", "u"), ("oo", "u"), ("ee", "i"),  # French and English long-vowel spellings
)
# Cyrillic initial Е is written ye/je/e (Yelena/Jelena/Elena); j/y are vowels in Kölner.
_INITIAL_YE = re.compile(r"\b[jy]e")
_Y_GLIDE = re.compile(r"(?<=[a-z])y")  # non-initial y is a vowel/glide: Maryam, Zaynab
_J_GLIDE = re.compile(r"(?<=[bcfgklmnprstvz])j(?=[aeiou])")  # Tatjana, Marjam, Ilja
_J_FINAL = re.compile(r"(?<=[aeiou])j(?![aeiou])")  # Jurij, Andrej, Sergej -> i
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")  # ta marbuta / Persian -eh: Fatemeh, Abdullah
_DOUBLE = re.compile(r"([a-z])\1+")  # gemination is written inconsistently: Mohammed/Mohamed
# عبد compounds: Abd al-Rahman, Abdel Rahman, Abdulrahman, Abdurrahman, Abdirahman -> abdrahman
_ABD = re.compile(
    r"\babd(?:\s*[aeiou]\s*l\s*|\s*[aeiou]([rstdzn]|sh)\s*(?=\1)|[aeiou](?=[^aeiou\s])|\s+)"
    r"(?=[a-z]{3})"
)
# "... ad-Din" compounds are written joined or apart: Nur ad-Din/Nureddin, Salah ad-Din.
# (Not done for Allah: its folded form "ala" is also the given name Alaa.)
_COMPOUND_TAIL = re.compile(r"(?<=[a-z]{3}) (?=din\b)")
_ABU = re.compile(r"\b(abu|bu) (?=[a-z])")  # Abu Bakr / Abubakar
# Separate articles: al/el/ul/il anywhere; sun-letter forms only before their own consonant.
_ARTICLES = frozenset(("al", "el", "ul", "il"))
_SUN_ARTICLES = {f"{v}{c}": c for v in "aeu" for c in ("d", "n", "r", "s", "sh", "t", "z")}
# Joined article (Alhassan) is stripped only before h-names or names known to carry it,
# because Albert, Alma, Elmar, Elham must survive.
_GLUED_STEMS_RAW = (
    "ahmad ahmed ali amin aziz asad bakr jabari jundi kurdi masri omari umari rashid sayed "
    "said shami sharif zoubi zubi khatib khalil najjar nasser obaidi tamimi zein"
)


def _fold(s: str) -> str:
    """Latin variant folding on a lowercase ASCII string (whole name, tokens space separated)."""
    for old, new in _DIGRAPHS:
        if old in s:
            s = s.replace(old, new)
    # Each regex is guarded by a cheap substring test: most names need only a few rules.
    if "abd" in s:
        s = _ABD.sub("abd", s)
    if "bu " in s:
        s = _ABU.sub(r"\1", s)
    if "y" in s:
        s = _Y_GLIDE.sub("i", _INITIAL_YE.sub("e", s))
    if "j" in s:
        s = _J_FINAL.sub("i", _J_GLIDE.sub("i", _INITIAL_YE.sub("e", s)))
    s = s.replace("ei", "ai")  # the ay diphthong: Hussein/Husain, Zeinab/Zainab, Meier/Maier
    if "h" in s:
        s = _FINAL_H.sub("", s)
    return _DOUBLE.sub(r"\1", s)


_GLUED_STEMS = frozenset(_fold(w) for w in _GLUED_STEMS_RAW.split())


def _assimilated_article(tok: str, nxt: str) -> bool:
    """ar-Rahman, ash-Shami, an-Nur: the article took the next consonant (+ a vowel)."""
    cons = _SUN_ARTICLES.get(tok)
    return cons is not None and nxt.startswith(cons) and nxt[len(cons):len(cons) + 1] in VOWELS


def _strip_articles(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt and (tok in _ARTICLES or _assimilated_article(tok, nxt)):
            continue  # a separate article is never the name itself
        if tok[:2] in ("al", "el") and len(tok) > 4:
            rest = tok[2:]
            if (rest[0] == "h" and len(rest) >= 4) or rest in _GLUED_STEMS:
                tok = rest
        out.append(tok)
    return out


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Comparable form of a name: lowercase Latin tokens separated by single spaces.

    Letters of scripts without a table (Ge'ez, Han, ...) are kept as they are; such names
    get an empty :func:`name_key` and only match when written identically.
    """
    s = name.lower().translate(_APOSTROPHES) if name.isascii() else to_latin(name)
    s = _NON_LETTER.sub(" ", s).strip()
    if not s:
        return ""
    tokens = _strip_articles(_fold(s).split())
    s = " ".join(tokens)
    if len(tokens) > 1 and "din" in s:
        s = _COMPOUND_TAIL.sub("", s)
    return s


# --- Kölner Phonetik -------------------------------------------------------------------------

_KP_TABLE = str.maketrans({"Ä": "A", "Ö": "O", "Ü": "U", "ß": "S", "ẞ": "S"})
_KP_NON_LETTER = re.compile(r"[^A-Z]+")
# Context-free letters; H has no code at all; C, D, T, P, X depend on their neighbours.
_KP_SIMPLE = dict.fromkeys("AEIJOUY", "0") | dict.fromkeys("FVW", "3") | dict.fromkeys("GKQ", "4")
_KP_SIMPLE |= {"B": "1", "L": "5", "M": "6", "N": "6", "R": "7", "S": "8", "Z": "8", "H": ""}
_C_INITIAL_HARD = frozenset("AHKLOQRUX")  # C at word start before these is [k]
_C_HARD = frozenset("AHKOQUX")  # C elsewhere before these is [k] ...
_SZ = frozenset("SZ")  # ... unless after S/Z (sch, zc)
_CKQ = frozenset("CKQ")


def cologne_codes(word: str) -> str:
    """Kölner Phonetik code string before duplicate and '0' removal (Postel 1969)."""
    s = word.upper().translate(_KP_TABLE)
    if not s.isascii():
        s = to_latin(s).upper()
    s = _KP_NON_LETTER.sub("", s)
    out: list[str] = []
    n = len(s)
    for i, ch in enumerate(s):
        code = _KP_SIMPLE.get(ch)
        if code is None:
            nxt = s[i + 1] if i + 1 < n else ""
            prev = s[i - 1] if i else ""
            if ch == "P":
                code = "3" if nxt == "H" else "1"
            elif ch in "DT":
                code = "8" if nxt and nxt in "CSZ" else "2"
            elif ch == "X":
                code = "8" if prev in _CKQ else "48"
            elif i == 0:  # C at the start of the word
                code = "4" if nxt in _C_INITIAL_HARD else "8"
            else:  # C
                code = "4" if nxt in _C_HARD and prev not in _SZ else "8"
        out.append(code)
    return "".join(out)


@lru_cache(maxsize=65536)
def cologne_phonetic(word: str) -> str:
    """Kölner Phonetik: codes, adjacent duplicates collapsed, '0' removed except at start."""
    raw = cologne_codes(word)
    if not raw:
        return ""
    dedup = [raw[0]]
    for c in raw[1:]:
        if c != dedup[-1]:
            dedup.append(c)
    return dedup[0] + "".join(dedup[1:]).replace("0", "")


# --- keys and similarity ---------------------------------------------------------------------


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Order-independent phonetic key of a whole name: sorted per-token Kölner codes."""
    codes = [cologne_phonetic(t) for t in normalize(name).split()]
    return " ".join(sorted(c for c in codes if c))


def token_keys(name: str) -> frozenset[str]:
    """One phonetic key per token, for partial (any token) candidate lookup."""
    return frozenset(name_key(name).split())


@lru_cache(maxsize=65536)
def loose_token_key(token: str) -> str:
    """The key of a normalised token with "ch" read as "h": German transliteration writes
    ح and خ as "ch" where English writes "h"/"kh" (Achmadi/Ahmadi, Mochammad/Mohammad).
    Search only – the duplicate check keeps the stricter keys."""
    return cologne_phonetic(token.replace("ch", "h"))


def search_tokens(name: str) -> list[frozenset[str]]:
    """Per token of ``name``: the keys that find it (its key and its loose key)."""
    out = []
    for token in normalize(name).split():
        keys = {cologne_phonetic(token), loose_token_key(token)} - {""}
        if keys:
            out.append(frozenset(keys))
    return out


def stored_tokens(name: str) -> set[str]:
    """Every key a stored name is found by: its token keys and their loose variants."""
    return {key for keys in search_tokens(name) for key in keys}


MATCH_EXACT, MATCH_PHONETIC, MATCH_VARIANT = "exact", "phonetic", "variant"


def match_kind(query: str, names: list[str]) -> tuple[str, float]:
    """How well ``query`` matches the best of a person's ``names`` (full names and
    variants): ``exact`` – every query token is one of the name's tokens once spelling
    variants are folded (Hoseini = Hosseini); ``phonetic`` – every token sounds alike
    (Kölner Phonetik); ``variant`` – found through a looser transliteration (Achmadi =
    Ahmadi). With the similarity score in [0, 1] for the order within a kind."""
    wanted = normalize(query).split()
    best = (MATCH_VARIANT, 0.0)
    rank = {MATCH_EXACT: 3, MATCH_PHONETIC: 2, MATCH_VARIANT: 1}
    for name in names:
        tokens = normalize(name).split()
        if not tokens or not wanted:
            continue
        if all(t in tokens for t in wanted):
            kind = MATCH_EXACT
        elif all(cologne_phonetic(t) in {cologne_phonetic(x) for x in tokens} for t in wanted):
            kind = MATCH_PHONETIC
        else:
            kind = MATCH_VARIANT
        score = max(_similarity_normalized(*sorted((" ".join(wanted), " ".join(tokens)))),
                    max((_token_score(w, t) for w in wanted for t in tokens), default=0.0))
        if (rank[kind], score) > (rank[best[0]], best[1]):
            best = (kind, score)
    return best


def _token_score(a: str, b: str) -> float:
    # 4/5 spelling, 1/5 sound: the weighted distance separates Hassan/Hussein, which share
    # the Kölner code, while the code rescues spellings the cost table does not know.
    if a == b:
        return 1.0
    phonetic = 1.0 if cologne_phonetic(a) == cologne_phonetic(b) else 0.0
    return 0.8 * token_similarity(a, b) + 0.2 * phonetic


def _aligned_score(ta: list[str], tb: list[str]) -> float:
    """Greedy best one-to-one token alignment, order independent (Ali Ahmad = Ahmad Ali)."""
    pairs = sorted(((_token_score(x, y), i, j) for i, x in enumerate(ta)
                    for j, y in enumerate(tb)), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    total = 0.0
    for score, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            total += score
    short, long_ = sorted((len(ta), len(tb)))
    # Missing middle names are common in registrations: a mild penalty only.
    return total / short * (0.85 + 0.15 * short / long_)


@lru_cache(maxsize=16384)
def _similarity_normalized(na: str, nb: str) -> float:
    if na == nb:
        return 1.0 if na else 0.0
    if not na or not nb:
        return 0.0
    ta, tb = na.split(), nb.split()
    score = _aligned_score(ta, tb)
    if len(ta) > 1 or len(tb) > 1:  # Abu Bakr / Abubakar: compare the joined spelling too
        score = max(score, 0.95 * _token_score("".join(ta), "".join(tb)))
    return min(score, 0.999)  # 1.0 is reserved for identical normalised names


def similarity(a: str, b: str) -> float:
    """Name similarity in [0, 1]; symmetric; 1.0 iff the normalised names are identical."""
    na, nb = sorted((normalize(a), normalize(b)))
    return _similarity_normalized(na, nb)


# --- duplicate verdict -----------------------------------------------------------------------

TOKEN_THRESHOLD = 0.85  # per name part; Hassan/Hussein (~0.81) and Ali/Alia fall below
PROBABLE_THRESHOLD = 0.80  # overall score; also requires both name parts >= TOKEN_THRESHOLD
_SEXES = frozenset("fmxu")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class PersonLike:
    """The name-relevant facts of a person; birth_date is 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""

    family_name: str
    given_names: str
    birth_date: str | None = None
    sex: str | None = None  # f, m, x (diverse) or u (unknown)

    def __post_init__(self) -> None:
        if self.birth_date is not None and not _DATE_RE.match(self.birth_date):
            raise ValueError(f"birth_date must be YYYY, YYYY-MM or YYYY-MM-DD: {self.birth_date!r}")
        if self.sex is not None and self.sex not in _SEXES:
            raise ValueError(f"sex must be one of f, m, x, u: {self.sex!r}")


@dataclass(frozen=True, slots=True)
class DuplicateVerdict:
    score: float
    is_probable: bool
    reasons: list[str] = field(default_factory=list)


def birth_dates_compatible(a: str | None, b: str | None) -> str:
    """Reason code: birth_date_{exact,partial,day_month_swapped,placeholder,missing,conflict}."""
    if a is None or b is None:
        return "birth_date_missing"
    ma, mb = _DATE_RE.match(a), _DATE_RE.match(b)
    if ma is None or mb is None or ma[1] != mb[1]:
        return "birth_date_conflict"
    (_, a_m, a_d), (_, b_m, b_d) = ma.groups(), mb.groups()
    if a_d and b_d:
        if (a_m, a_d) == (b_m, b_d):
            return "birth_date_exact"
        if (a_m, a_d) == (b_d, b_m):  # US/ISO vs German order confusion: 03-04 vs 04-03
            return "birth_date_day_month_swapped"
        if "01-01" in (f"{a_m}-{a_d}", f"{b_m}-{b_d}"):  # "01.01." = only the year is known
            return "birth_date_placeholder"
        return "birth_date_conflict"
    if a_m and b_m and a_m != b_m:
        if f"{a_m}-{a_d}" == "01-01" or f"{b_m}-{b_d}" == "01-01":
            return "birth_date_placeholder"
        return "birth_date_conflict"
    return "birth_date_partial"


_DATE_SCORES = {
    "birth_date_exact": 1.0, "birth_date_day_month_swapped": 0.8, "birth_date_partial": 0.7,
    "birth_date_placeholder": 0.6, "birth_date_missing": 0.4, "birth_date_conflict": 0.0,
}


def _part_reasons(prefix: str, a: str, b: str, score: float) -> list[str]:
    if normalize(a) == normalize(b):
        return [f"{prefix}_exact"]
    if name_key(a) == name_key(b):
        return [f"{prefix}_phonetic"]
    return [f"{prefix}_similar"] if score >= TOKEN_THRESHOLD else []


def probable_duplicate(a: PersonLike, b: PersonLike) -> DuplicateVerdict:
    """Are a and b probably the same person? Names, then birth date and sex as vetoes."""
    fam = similarity(a.family_name, b.family_name)
    giv = similarity(a.given_names, b.given_names)
    fam_x = similarity(a.family_name, b.given_names)
    giv_x = similarity(a.given_names, b.family_name)
    reasons: list[str] = []
    if min(fam_x, giv_x) > min(fam, giv) + 0.05:  # family/given exchanged at registration
        reasons.append("names_swapped")
        fam, giv = fam_x, giv_x
        reasons += _part_reasons("family_name", a.family_name, b.given_names, fam)
        reasons += _part_reasons("given_names", a.given_names, b.family_name, giv)
    else:
        reasons += _part_reasons("family_name", a.family_name, b.family_name, fam)
        reasons += _part_reasons("given_names", a.given_names, b.given_names, giv)
    name_score = (fam + giv) / 2
    date_reason = birth_dates_compatible(a.birth_date, b.birth_date)
    reasons.append(date_reason)
    score = 0.75 * name_score + 0.25 * _DATE_SCORES[date_reason]
    sex_conflict = {a.sex, b.sex} == {"f", "m"}
    if sex_conflict:
        reasons.append("sex_conflict")
        score *= 0.5
    is_probable = (
        not sex_conflict
        and date_reason != "birth_date_conflict"
        and min(fam, giv) >= TOKEN_THRESHOLD
        and score >= PROBABLE_THRESHOLD
    )
    return DuplicateVerdict(round(score, 4), is_probable, reasons)
