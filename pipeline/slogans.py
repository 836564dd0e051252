"""Slogans (提法): quoted phrases and numbered compounds, classified and grouped in families.

Three ways a slogan shows up in a report, all found here:

* in quotes: “六稳”, "148"工作体系, ‘四风’, 「双减」, or with quotes lost in conversion
  (?六稳?) and with footnote markers (“六稳”[1], “六稳①”);
* as a numbered compound without quotes: 三创四建, 两不愁三保障, 四城同创, 四网融合;
* as a phrase known to be a slogan (``data/reference/slogans.tsv``) or quoted in some other
  document of the corpus, written without quotes (放管服改革, 六稳六保).

Every quoted phrase is classified (slogan | plan_period | honour | project | brand | other):
only slogans feed slogan clouds and trends, the rest stay queryable. Families group variants:
“六稳”“六保” and 六稳六保 are three slogans of the family 六稳六保.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import settings
from pipeline.segment import get_dictionary_entries, get_user_words

SLOGANS_FILE = "slogans.tsv"
KINDS = ("slogan", "plan_period", "honour", "project", "brand", "other")

NUMERALS = "一二两三四五六七八九十百千万双多"
_CJK = "\u3400-\u9fff"
_MASK = re.compile(r"[XxＸｘ*＊×]")
_FOOTNOTE = re.compile(r"(?:\[\d{1,2}\]|［\d{1,2}］|\(\d{1,2}\)|（\d{1,2}）|[①-⑳⑴-⒇])")
# A quoted phrase: curly, straight, corner or single quotes, or '?' pairs left by a lossy
# conversion. At most 30 characters, no sentence end inside.
_OPEN, _CLOSE = "“\"「『‘'", "”\"」』’'"
_QUOTED = re.compile(
    rf"[{_OPEN}]([^{_OPEN}{_CLOSE}\n。；;！!？?]{{1,30}}?)[{_CLOSE}]"
    rf"|[?？]([{_CJK}0-9A-Za-z+＋·、]{{2,12}})[?？]"
)
# "148"工作体系: a quoted number takes its head noun along.
_HEAD_NOUN = re.compile(
    rf"^[{_CJK}]{{0,6}}?(体系|机制|工程|战略|模式|格局|布局|工作法|行动|计划|目标|思路|路径|要求|举措|标准|方针|理念|攻坚战)"
)
# Numbered compounds: 三创四建 / 两不愁三保障 / 六稳六保 / 一核一带三区五园: two to four
# units of a numeral and one or two other characters (parsed in ``_numbered_at``) ...
_NUMBERED_START = re.compile(rf"(?<![{NUMERALS}第0-9０-９])[{NUMERALS.replace('多', '')}]")  # 多 leads too many plain phrases
# ... and numeral + noun + a "together" verb: 四城同创 / 四网融合 / 五水共治 / 多规合一
_NUMBERED_JOINT = re.compile(
    rf"(?<![{NUMERALS}第0-9])[{NUMERALS}][{_CJK}]{{1,2}}"
    r"(?:同创|融合|共治|合一|联动|共建|同构|齐抓|共享|联创|共创|同治|共管|归一|互动|齐招|齐发)"
)
# Unquoted numbered compounds never contain these (多位一体的, 一年来的 ...).
_FUNCTION_CHARS = set("的了和与及或是在等为把被对从向以于而之其这那个年月日次")
_SEPARATORS = re.compile(r"[、，,·•\s]")
_MAX_SLOGAN_CHARS = 16
_MAX_CLAUSE_CHARS = 8


@dataclass(frozen=True)
class SloganReference:
    known: dict[str, tuple[str, str]]  # phrase -> (kind, family)
    regexes: tuple[tuple[re.Pattern, str], ...]
    suffixes: tuple[tuple[str, str], ...]
    prefixes: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Occurrence:
    slogan: str
    start: int  # offsets of the phrase itself (quotes excluded) in the document text
    end: int
    quoted: bool


@dataclass
class Lexicon:
    """What the corpus knows: phrase -> kind and family, and the phrases to find unquoted."""

    kinds: dict[str, str] = field(default_factory=dict)
    families: dict[str, str] = field(default_factory=dict)
    unquoted: frozenset[str] = frozenset()
    by_first_char: dict[str, tuple[int, ...]] = field(default_factory=dict)  # lengths, longest first


def load_slogan_reference(path: Path | None = None) -> SloganReference:
    return _load_slogan_reference(path or settings.reference_file(SLOGANS_FILE))


@functools.lru_cache(maxsize=4)
def _load_slogan_reference(path: Path) -> SloganReference:
    known: dict[str, tuple[str, str]] = {}
    regexes, suffixes, prefixes = [], [], []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t") + ["", ""]
        kind_of_row, value, kind, family = (c.strip() for c in cells[:4])
        if kind_of_row == "type":
            continue
        if kind not in KINDS:
            raise ValueError(f"{path}:{lineno}: unknown kind {kind!r} (expected one of {KINDS})")
        if kind_of_row == "known":
            phrase = normalise_phrase(value)
            known[phrase] = (kind, family_key(family or phrase))
        elif kind_of_row == "regex":
            regexes.append((re.compile(value), kind))
        elif kind_of_row == "suffix":
            suffixes.append((value, kind))
        elif kind_of_row == "prefix":
            prefixes.append((value, kind))
        else:
            raise ValueError(f"{path}:{lineno}: unknown row type {kind_of_row!r}")
    # Longest suffixes first, so 示范基地 wins over 基地.
    suffixes.sort(key=lambda s: -len(s[0]))
    return SloganReference(known, tuple(regexes), tuple(suffixes), tuple(prefixes))


def normalise_phrase(phrase: str) -> str:
    """NFKC (full-width digits and letters), no spaces, no footnote markers, ASCII '+'."""
    phrase = _FOOTNOTE.sub("", phrase).replace("‘", "").replace("’", "")
    phrase = unicodedata.normalize("NFKC", phrase)
    phrase = re.sub(r"\s+", "", phrase).strip("、，,·.。:：;；")
    return phrase


def family_key(phrase: str) -> str:
    """Variants written with or without separators share a key: 两不愁、三保障 = 两不愁三保障."""
    return _SEPARATORS.sub("", normalise_phrase(phrase))


def _is_masked(phrase: str) -> bool:
    return bool(_MASK.search(phrase))


def _is_numbered_compound(phrase: str) -> bool:
    """A quoted phrase led by a numeral (四个意识, 三年百亿, 双招双引) is a slogan shape."""
    key = family_key(phrase)
    return len(key) >= 2 and key[0] in NUMERALS


@functools.lru_cache(maxsize=1)
def _dictionary_freqs() -> dict[str, int]:
    """Words of jieba's own dictionary (minus ours): an idiom (千方百计) or a plain word
    (加速度) in quotes is emphasis, not a slogan."""
    user = get_user_words()
    return {w: f for w, (f, _tag) in get_dictionary_entries().items() if f >= 3 and w not in user}


def _dictionary_words() -> frozenset[str]:
    return _dictionary_words_cached()


@functools.lru_cache(maxsize=1)
def _dictionary_words_cached() -> frozenset[str]:
    return frozenset(_dictionary_freqs())


# A numbered phrase this common in jieba's dictionary is a plain word (一把手, 一日三餐).
_COMMON_NUMBERED_FREQ = 50


def classify_phrase(phrase: str, reference: SloganReference | None = None) -> str:
    """slogan | plan_period | honour | project | brand | other for one quoted phrase."""
    reference = reference or load_slogan_reference()
    phrase = normalise_phrase(phrase)
    key = family_key(phrase)
    if phrase in reference.known:
        return reference.known[phrase][0]
    if key in reference.known:
        return reference.known[key][0]
    for pattern, kind in reference.regexes:
        if pattern.search(phrase):
            return kind
    if len(key) < 2 or _is_masked(phrase) or not re.search(f"[{_CJK}]", phrase):
        return "other"
    for suffix, kind in reference.suffixes:
        if kind == "honour" and key.endswith(suffix) and len(key) > len(suffix):
            return kind
    for prefix, kind in reference.prefixes:
        if len(key) >= 6 and key.startswith(prefix):
            return kind
    if _is_numbered_compound(phrase):
        return "slogan" if _dictionary_freqs().get(phrase, 0) < _COMMON_NUMBERED_FREQ else "other"
    for suffix, kind in reference.suffixes:
        if kind != "honour" and key.endswith(suffix) and len(key) > len(suffix):
            return kind
    clauses = [c for c in _SEPARATORS.split(phrase) if c]
    if len(clauses) > 1:
        return "slogan" if all(len(c) <= _MAX_CLAUSE_CHARS for c in clauses) else "other"
    if len(key) > _MAX_SLOGAN_CHARS or phrase in _dictionary_words():
        return "other"
    return "slogan"


def find_quoted(text: str) -> list[Occurrence]:
    """Every quoted phrase, footnote markers dropped, numbers extended with their head noun."""
    found = []
    for match in _QUOTED.finditer(text):
        group = 1 if match.group(1) is not None else 2
        raw = match.group(group)
        start, end = match.start(group), match.end(group)
        phrase = normalise_phrase(raw)
        if not phrase:
            continue
        if re.fullmatch(r"[0-9+＋\-—.·]+", phrase):
            # "148"工作体系 -> 148工作体系: the number alone says nothing.
            after = match.end()
            tail = _FOOTNOTE.match(text, after)
            after = tail.end() if tail else after
            head = _HEAD_NOUN.match(text[after : after + 10])
            if head:
                phrase = phrase + head.group(0)
                end = after + head.end()
        found.append(Occurrence(phrase, start, end, True))
    return found


def find_numbered(text: str, boundaries: frozenset[int] | None = None) -> list[Occurrence]:
    """Numbered compounds written without quotes (三创四建, 四城同创), idioms excluded.

    ``boundaries`` (token start/end offsets) decide where a compound ends: 三创四建活动 is
    三创四建 because jieba ends a token there. Without them, all units must be equally long.
    """
    found = []
    dictionary = _dictionary_words()
    pos = 0
    for match in _NUMBERED_START.finditer(text):
        start = match.start()
        if start < pos:
            continue
        end = _numbered_at(text, start, boundaries)
        if end is None:
            joint = _NUMBERED_JOINT.match(text, start)
            end = joint.end() if joint else None
        if end is None:
            continue
        phrase = text[start:end]
        if phrase in dictionary or _is_idiom_like(phrase, dictionary):
            continue
        found.append(Occurrence(phrase, start, end, False))
        pos = end
    return found


def _is_cjk_non_numeral(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" and ch not in NUMERALS and ch not in _FUNCTION_CHARS


def _numbered_at(text: str, start: int, boundaries: frozenset[int] | None) -> int | None:
    """End of the longest numbered compound starting at ``start`` (None if there is none)."""
    best: tuple[int, int] | None = None  # (units, end)
    stack = [(start, 0, ())]
    while stack:
        i, units, lengths = stack.pop()
        if units >= 2:
            ok = (i in boundaries) if boundaries is not None else len(set(lengths)) == 1
            if ok and (best is None or i > best[1]):
                best = (units, i)
        if units == 4 or i >= len(text) or text[i] not in NUMERALS:
            continue
        for length in (1, 2):
            body = text[i + 1 : i + 1 + length]
            if len(body) == length and all(_is_cjk_non_numeral(ch) for ch in body):
                stack.append((i + 1 + length, units + 1, lengths + (length,)))
    if best is None:
        return None
    # Balanced compounds only: 一核一带三区五园 yes, 三创四建活 (unit of 1 then 2 at the end) no.
    return best[1]


def _is_idiom_like(phrase: str, dictionary: frozenset[str]) -> bool:
    # 一年一度, 一心一意 ... and spans that merely start with an idiom or a counter word.
    if any(phrase[:n] in dictionary for n in range(len(phrase) - 1, 2, -1)):
        return True
    return bool(re.match(rf"^[{NUMERALS}](?:年|月|日|天|次|个|是|些|批|起|直|定|般|切|样|道|同|方面|旦)", phrase))


def _mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(start - 1, 0), min(end + 1, len(chars))):
            chars[i] = "\u0000"
    return "".join(chars)


def find_unquoted(text: str, lexicon: Lexicon, boundaries: frozenset[int] | None = None) -> list[Occurrence]:
    """Greedy longest-first matches of the lexicon's unquoted phrases.

    With token ``boundaries``, a match must start where a token starts (and a two-character
    one must also end on a token end: 两山 in 两山区 is not the slogan 两山).
    """
    found: list[Occurrence] = []
    index = lexicon.by_first_char
    if not index:
        return found
    n = len(text)
    i = 0
    while i < n:
        lengths = index.get(text[i])
        if lengths is None or (boundaries is not None and i not in boundaries):
            i += 1
            continue
        for length in lengths:
            candidate = text[i : i + length]
            if candidate in lexicon.unquoted:
                if length <= 2 and boundaries is not None and i + length not in boundaries:
                    continue
                found.append(Occurrence(candidate, i, i + length, False))
                i += length
                break
        else:
            i += 1
    return found


def find_slogans(text: str, lexicon: Lexicon, boundaries: frozenset[int] | None = None) -> list[Occurrence]:
    """All occurrences in one document: quoted first, then unquoted known and numbered ones."""
    quoted = find_quoted(text)
    masked = _mask_spans(text, [(o.start, o.end) for o in quoted])
    known = find_unquoted(masked, lexicon, boundaries)
    masked = _mask_spans(masked, [(o.start, o.end) for o in known])
    numbered = [o for o in find_numbered(masked, boundaries) if classify_phrase(o.slogan) == "slogan"]
    return sorted(quoted + known + numbered, key=lambda o: (o.start, o.end))


def build_lexicon(quoted_phrases: list[str], reference: SloganReference | None = None) -> Lexicon:
    """Kinds and families for every phrase, from the reference and the corpus' own quotes."""
    reference = reference or load_slogan_reference()
    kinds: dict[str, str] = {}
    families: dict[str, str] = {}
    for phrase, (kind, family) in reference.known.items():
        kinds[phrase] = kind
        families[phrase] = family
    for phrase in sorted(set(quoted_phrases)):
        if phrase not in kinds:
            kinds[phrase] = classify_phrase(phrase, reference)
    slogans_by_key: dict[str, str] = {}
    for phrase, kind in kinds.items():
        if kind == "slogan":
            slogans_by_key.setdefault(family_key(phrase), phrase)
    # 六稳 + 六保 = 六稳六保: parts of a compound slogan join its family.
    for key in sorted(slogans_by_key, key=lambda k: (-len(k), k)):
        if len(key) < 4:
            continue
        for parts in _splits(key, slogans_by_key):
            family = families.get(slogans_by_key[key], key)
            for part in parts:
                phrase = slogans_by_key[part]
                if phrase not in families or families[phrase] == family_key(phrase):
                    families[phrase] = family
    for phrase, kind in kinds.items():
        families.setdefault(phrase, family_key(phrase) or phrase)
    unquoted = frozenset(
        p
        for p, kind in kinds.items()
        if kind == "slogan" and not _is_masked(p) and (len(p) >= 4 or (len(p) >= 3 and p[0] in NUMERALS) or p in reference.known)
        and _SEPARATORS.search(p) is None
    )
    by_first: dict[str, set[int]] = {}
    for phrase in unquoted:
        by_first.setdefault(phrase[0], set()).add(len(phrase))
    index = {ch: tuple(sorted(lengths, reverse=True)) for ch, lengths in by_first.items()}
    return Lexicon(kinds, families, unquoted, index)


def _splits(key: str, known: dict[str, str]) -> list[tuple[str, ...]]:
    """Ways to write ``key`` as two or three known slogan keys."""
    out = []
    for i in range(2, len(key) - 1):
        a, b = key[:i], key[i:]
        if a in known and b in known:
            out.append((a, b))
        elif a in known:
            for j in range(2, len(b) - 1):
                if b[:j] in known and b[j:] in known:
                    out.append((a, b[:j], b[j:]))
    return out


def adjacent_families(text: str, occurrences: list[Occurrence]) -> list[str]:
    """“六稳”“六保” written side by side: the joined phrase (六稳六保) is a family too."""
    joined = []
    run: list[Occurrence] = []
    for occ in occurrences:
        if not occ.quoted:
            continue
        if run and _only_quotes_between(text, run[-1].end, occ.start):
            run.append(occ)
        else:
            if 2 <= len(run) <= 3:
                joined.append("".join(o.slogan for o in run))
            run = [occ]
    if 2 <= len(run) <= 3:
        joined.append("".join(o.slogan for o in run))
    return [j for j in joined if len(j) <= 8]


def _only_quotes_between(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return 0 < len(gap) <= 3 and all(ch in _OPEN + _CLOSE + "、" for ch in gap)
