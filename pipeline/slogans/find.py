"""Where slogans occur in one document's text.

* in quotes: “六稳”, "148"工作体系, ‘四风’, 「双减」, &ldquo;双碳&rdquo; (an HTML entity, even one
  broken by a line end), ;;六保;; or ?六稳? (quotes replaced by a mirror site), ”1+4+3’
  (a mismatched pair), with footnote markers (“六稳”[1]) and inline pinyin dropped;
* as a formula with digits, even unquoted, with a head noun or a letter: 3+N创新体系, 1+X;
* as a numbered compound without quotes: 三创四建, 两不愁三保障, 四城同创, 四网融合;
* as a phrase the lexicon counts without quotes (``find_unquoted``).

Every function returns ``Occurrence``s whose offsets point into the text given.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Container

import ahocorasick

from pipeline.slogans.phrases import CJK, FOOTNOTE, NUMERALS, normalise_phrase

MAX_QUOTED_CHARS = 60  # after normalising: long 发展定位 statements of several clauses fit

_ENTITY_OPEN = r"&?\s*l\s*d\s*q\s*u\s*o\s*;{0,2}|&\s*#\s*8\s*2\s*2\s*0\s*;{0,2}"
_ENTITY_CLOSE = r"&?\s*r\s*d\s*q\s*u\s*o\s*;{0,2}|&\s*#\s*8\s*2\s*2\s*1\s*;{0,2}"
_ENTITY_BOTH = r"&\s*q\s*u\s*o\s*t\s*;{0,2}|&\s*#\s*3\s*4\s*;{0,2}"
_OPEN_CHARS, _CLOSE_CHARS = "“\"「『‘'＂〝", "”\"」』’'＂〞"
_INNER = rf"[^{_OPEN_CHARS}{_CLOSE_CHARS}\n。；;！!？?&]{{1,90}}?"
_QUOTED = re.compile(
    rf"(?:[{_OPEN_CHARS}]|{_ENTITY_OPEN}|{_ENTITY_BOTH})({_INNER})(?:[{_CLOSE_CHARS}]|{_ENTITY_CLOSE}|{_ENTITY_BOTH})"
    rf"|[?？]([{CJK}0-9A-Za-z+＋·、]{{2,12}})[?？]"
    rf"|(?:;;|；；)([{CJK}0-9A-Za-z+＋·、]{{1,20}})(?:;;|；；)"
)
# Every character a match of _QUOTED can start with (a mark, an entity's &, the l of a broken
# "ldquo", the whitespace before it, ? and ;): a scan for these is a fast character-set search,
# where _QUOTED itself, opening with optional parts, is tried at every position of the text.
_QUOTED_START = re.compile(rf"[{re.escape(_OPEN_CHARS)}&l?？;；\s]")
# Mirror sites mix up the marks (”1+4+3’, ’两河三带多园”): any two curly marks around a short
# phrase, looked for only where the strict pattern found nothing.
_MISMATCHED = re.compile(rf"[“”‘’]([{CJK}0-9A-Za-z+＋·、]{{2,16}})[“”‘’]")
# "148"工作体系: a quoted number takes its head noun along.
_HEAD_NOUN = re.compile(
    rf"^[{CJK}]{{0,6}}?(体系|机制|工程|战略|模式|格局|布局|工作法|行动|计划|目标|思路|路径|要求|举措|标准|方针|理念|攻坚战|改革)"
)
_NUMBER_ONLY = re.compile(r"[0-9A-Za-z+＋\-—.·]*[0-9][0-9A-Za-z+＋\-—.·]*")
# 3+N, 1+1+8, 2+1: digits joined by '+' are a formula even without quotes.
_FORMULA = re.compile(r"(?<![0-9A-Za-z.+＋])\d{1,2}(?:[+＋](?:\d{1,2}|[A-Z]))+(?![0-9A-Za-z.%+＋><=＞＜＝])")
# Numbered compounds: 三创四建 / 两不愁三保障 / 六稳六保 / 一核一带三区五园: two to four
# units of a numeral and one or two other characters (parsed in ``_numbered_at``) ...
_NUMBERED_START = re.compile(rf"(?<![{NUMERALS}第0-9０-９])[{NUMERALS.replace('多', '')}]")  # 多 leads too many plain phrases
# ... and numeral + noun + a "together" verb: 四城同创 / 四网融合 / 五水共治 / 多规合一
_NUMBERED_JOINT = re.compile(
    rf"(?<![{NUMERALS}第0-9])[{NUMERALS}][{CJK}]{{1,2}}"
    r"(?:同创|融合|共治|合一|联动|共建|同构|齐抓|共享|联创|共创|同治|共管|归一|互动|齐招|齐发)"
)
# Unquoted numbered compounds never contain these (多位一体的, 一年来的 ...).
_FUNCTION_CHARS = set("的了和与及或是在等为把被对从向以于而之其这那个年月日次")
# Two whole units (a numeral and one or two CJK characters that are neither numerals nor
# function characters, twice): what ``_numbered_at`` needs before any end can count. Most
# numerals of a report (一是, 三年, 两个) start no such pair, and the regex rules them out
# several times faster than the search does.
_BODY = "(?:(?![" + NUMERALS + "".join(sorted(_FUNCTION_CHARS)) + "])[" + CJK + "])"
_TWO_UNITS = re.compile(rf"[{NUMERALS}]{_BODY}{{1,2}}[{NUMERALS}]{_BODY}")
_CONTEXT_CHARS = 12


@dataclass(frozen=True)
class Occurrence:
    slogan: str
    start: int  # offsets of the phrase itself (quotes excluded) in the document text
    end: int
    quoted: bool
    outer_start: int = -1  # offsets including the quote marks (-1: same as start / end)
    outer_end: int = -1

    def context(self, text: str) -> tuple[str, str]:
        """The words just before the opening quote and just after the closing one."""
        left = self.outer_start if self.outer_start >= 0 else self.start
        right = self.outer_end if self.outer_end >= 0 else self.end
        return text[max(0, left - _CONTEXT_CHARS):left], text[right:right + _CONTEXT_CHARS]


def find_quoted(text: str) -> list[Occurrence]:
    """Every quoted phrase, footnote markers dropped, numbers extended with their head noun."""
    found = [_occurrence(text, m) for m in _quoted_matches(text)]
    found = [o for o in found if o is not None]
    masked = mask_spans(text, [(o.outer_start, o.outer_end) for o in found], pad=0)
    found += [o for o in (_occurrence(masked, m, text) for m in _MISMATCHED.finditer(masked)) if o is not None]
    return sorted(found, key=lambda o: (o.start, o.end))


def _quoted_matches(text: str):
    """``_QUOTED.finditer(text)``, tried only where a match can start (``_QUOTED_START``)."""
    search, match = _QUOTED_START.search, _QUOTED.match
    pos = 0
    while (candidate := search(text, pos)) is not None:
        found = match(text, candidate.start())
        if found is None:
            pos = candidate.start() + 1
        else:
            yield found
            pos = found.end()  # a match is never empty


def _occurrence(text: str, match: re.Match, original: str | None = None) -> Occurrence | None:
    original = original if original is not None else text
    group = next(g for g in range(1, (match.re.groups or 0) + 1) if match.group(g) is not None)
    start, end = match.start(group), match.end(group)
    phrase = normalise_phrase(original[start:end])
    if not phrase or len(phrase) > MAX_QUOTED_CHARS:
        return None
    outer_end = match.end()
    if _NUMBER_ONLY.fullmatch(phrase):
        # "148"工作体系 -> 148工作体系: the number alone says little.
        after = outer_end
        tail = FOOTNOTE.match(original, after)
        after = tail.end() if tail else after
        head = _HEAD_NOUN.match(original[after:after + 10])
        if head:
            phrase, end = phrase + head.group(0), after + head.end()
            outer_end = end
    return Occurrence(phrase, start, end, True, match.start(), outer_end)


def find_formulas(text: str) -> list[Occurrence]:
    """Digit formulas written without quotes (两个3+N创新动力体系), with their head noun."""
    found = []
    for match in _FORMULA.finditer(text):
        start, end = match.span()
        head = _HEAD_NOUN.match(text[end:end + 10])
        if head:
            end += head.end()
        elif not re.search("[A-Z]", match.group(0)):
            continue  # a bare 2+1 without quotes or a head noun may be arithmetic
        found.append(Occurrence(normalise_phrase(text[start:end]), start, end, False))
    return found


def find_numbered(text: str, dictionary: Container[str], boundaries: frozenset[int] | None = None) -> list[Occurrence]:
    """Numbered compounds written without quotes (三创四建, 四城同创), idioms excluded.

    ``boundaries`` (token start/end offsets) decide where a compound ends: 三创四建活动 is
    三创四建 because jieba ends a token there. Without them, all units must be equally long.
    """
    found = []
    pos = 0
    for match in _NUMBERED_START.finditer(text):
        start = match.start()
        if start < pos:
            continue
        end = _numbered_at(text, start, boundaries) if _TWO_UNITS.match(text, start) else None
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
    best: int | None = None
    stack = [(start, 0, ())]
    while stack:
        i, units, lengths = stack.pop()
        if units >= 2:
            ok = (i in boundaries) if boundaries is not None else len(set(lengths)) == 1
            if ok and (best is None or i > best):
                best = i
        if units == 4 or i >= len(text) or text[i] not in NUMERALS:
            continue
        for length in (1, 2):
            body = text[i + 1 : i + 1 + length]
            if len(body) == length and all(_is_cjk_non_numeral(ch) for ch in body):
                stack.append((i + 1 + length, units + 1, lengths + (length,)))
    return best


def _is_idiom_like(phrase: str, dictionary: Container[str]) -> bool:
    # 一年一度, 一心一意 ... and spans that merely start with an idiom or a counter word.
    if any(phrase[:n] in dictionary for n in range(len(phrase) - 1, 2, -1)):
        return True
    return bool(re.match(rf"^[{NUMERALS}](?:年|月|日|天|次|个|是|些|批|起|直|定|般|切|样|道|同|方面|旦)", phrase))


def mask_spans(text: str, spans: list[tuple[int, int]], pad: int = 1) -> str:
    """``text`` with the spans (and ``pad`` characters around them) blanked, offsets kept."""
    # Slices of the text and runs of NULs, spans merged in order: no list of every character.
    n = len(text)
    pieces, pos = [], 0
    for start, end in sorted((max(start - pad, 0), min(end + pad, n)) for start, end in spans):
        start = max(start, pos)
        if end > start:
            pieces += (text[pos:start], "\u0000" * (end - start))
            pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def find_phrases(
    text: str, phrases: frozenset[str], boundaries: frozenset[int] | None = None,
    also: frozenset[str] = frozenset(),
) -> list[Occurrence]:
    """Greedy longest-first matches of ``phrases`` (and ``also``) written without quotes.

    With token ``boundaries``, a match must start where a token starts (and a two-character
    one must also end on a token end: 两山 in 两山区 is not the slogan 两山). ``also``: a
    document's few phrases of its own, looked for apart so that the automaton of ``phrases``
    (a lexicon's thousands, the same for every document) is built once per process.
    """
    lengths_at = _lengths_at(text, phrases, also)
    found: list[Occurrence] = []
    resume = 0
    for start in sorted(lengths_at):
        if start < resume or (boundaries is not None and start not in boundaries):
            continue
        for length in sorted(lengths_at[start], reverse=True):
            end = start + length
            if length <= 2 and boundaries is not None and end not in boundaries:
                continue
            found.append(Occurrence(text[start:end], start, end, False))
            resume = end
            break
    return found


def _lengths_at(text: str, phrases: frozenset[str], also: frozenset[str]) -> dict[int, set[int]]:
    """Start offset -> the lengths of the phrases written there (overlaps included)."""
    lengths_at: dict[int, set[int]] = {}
    automaton = _automaton(phrases)
    if automaton is not None:
        for last, length in automaton.iter(text):
            lengths_at.setdefault(last - length + 1, set()).add(length)
    for phrase in also:
        at = text.find(phrase)
        while at >= 0:
            lengths_at.setdefault(at, set()).add(len(phrase))
            at = text.find(phrase, at + 1)
    return lengths_at


@functools.lru_cache(maxsize=16)
def _automaton(phrases: frozenset[str]) -> ahocorasick.Automaton | None:
    """One Aho-Corasick automaton of ``phrases`` (None: no phrase), each valued by its length."""
    phrases = frozenset(p for p in phrases if p)
    if not phrases:
        return None
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, len(phrase))
    automaton.make_automaton()
    return automaton


def adjacent_runs(text: str, occurrences: list[Occurrence]) -> list[str]:
    """“六稳”“六保” written side by side: the joined phrase (六稳六保) is a family too."""
    joined, run = [], []
    for occ in occurrences:
        if not occ.quoted:
            continue
        if run and _only_quotes_between(text, run[-1].end, occ.start):
            run.append(occ)
            continue
        if 2 <= len(run) <= 3:
            joined.append("".join(o.slogan for o in run))
        run = [occ]
    if 2 <= len(run) <= 3:
        joined.append("".join(o.slogan for o in run))
    return [j for j in joined if len(j) <= 8]


def _only_quotes_between(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return 0 < len(gap) <= 3 and all(ch in _OPEN_CHARS + _CLOSE_CHARS + "、" for ch in gap)
