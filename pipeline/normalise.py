"""Raw text → normalised text: the text every later offset points into.

``normalise_text`` is deterministic: the same input always gives the same output, so
sentence and value offsets stay valid across rebuilds. (It is not idempotent: a second
pass no longer sees the blank lines of the raw text, so offsets always refer to one
pass over the raw text.) It
folds full-width digits and letters (not Chinese punctuation), converts predominantly
traditional text to simplified, drops web-page chrome, removes the page numbers paged
.docx viewers insert, re-joins spaced-out titles and lines wrapped mid-sentence, and
repairs a few OCR slips. Masking tokens (X, XX, x.x, *) are left as they are.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from pathlib import Path

from pipeline import settings

CHROME_PATTERNS_FILE = "chrome_patterns.txt"
# A chrome pattern never removes a line longer than this: report paragraphs are safe.
MAX_CHROME_LINE_CHARS = 200
# Text is converted to simplified characters when this share of its Han characters
# are traditional-only: simplified reports have none, traditional ones 20-30 %.
TRADITIONAL_SHARE = 0.05
# Page-marker runs: at least this many consecutive numbers, most breaking a sentence.
MIN_PAGE_MARKER_RUN = 3
# A page of a paged viewer is long; a line this short before "N、" is a list item.
MIN_PAGE_CHARS = 50
# Headings are short; a longer line that starts like one is a wrapped paragraph.
MAX_HEADING_CHARS = 40
# Hard-wrapped text (PDF text layers): enough lines, most within WRAP_SLACK of one width.
MIN_WRAPPED_LINES = 8
MIN_WRAPPED_SHARE = 0.4
MIN_WRAP_WIDTH = 15
WRAP_SLACK = 1

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"


def normalise_text(text: str) -> str:
    """Clean raw extracted text; paragraphs are separated by a single '\\n'."""
    text = clean_characters(text)
    text = fold_radicals(text)
    text = strip_inline_pinyin(text)
    text = drop_injected_tokens(text)
    text = fold_width(text)
    text = to_simplified_if_traditional(text)
    lines = [line.strip(" ") for line in text.split("\n")]
    lines = drop_chrome_lines(lines)
    lines = remove_page_markers(lines)
    lines = [join_spaced_han(line) for line in lines]
    paragraphs = join_wrapped_lines(lines)
    paragraphs = [fix_ocr_slips(collapse_spaces(p)) for p in paragraphs]
    return "\n".join(p for p in paragraphs if p)


# ---------------------------------------------------------------- characters

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                             "\u2007\u2008\u2009\u200a\u202f\u205f\u3000\x0b\x0c"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def clean_characters(text: str) -> str:
    """One newline convention, one kind of space, no invisible or control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.translate(_INVISIBLE).translate(_SPACES)
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------- how pages render text

# PDF text layers often carry radical code points instead of the ideograph (⼯作报告,
# 增⻓). NFKC folds the Kangxi Radicals (U+2F00–U+2FD5) and the CJK Compatibility
# Ideographs; the CJK Radicals Supplement (U+2E80–U+2EFF) has no decomposition, so its
# forms that stand for a whole character are mapped as Unicode's
# EquivalentUnifiedIdeograph.txt does. Only these blocks are folded: full NFKC would also
# rewrite ①, ㎡ and Chinese punctuation, which carry meaning.
_RADICALS_SUPPLEMENT = {
    "⺁": "厂", "⺇": "几", "⺊": "卜", "⺌": "小", "⺎": "兀", "⺏": "尣", "⺐": "尢", "⺒": "巳", "⺓": "幺",
    "⺗": "心", "⺛": "旡", "⺝": "月", "⺞": "歺", "⺟": "母", "⺠": "民", "⺧": "牛", "⺩": "王", "⺪": "疋",
    "⺫": "目", "⺬": "示", "⺮": "竹", "⺳": "网", "⺶": "羊", "⺷": "羊", "⺻": "聿", "⺼": "肉", "⺽": "臼",
    "⻁": "虎", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻑": "長", "⻒": "镸", "⻓": "长",
    "⻔": "门", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻟": "飠",
    "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾",
    "⻫": "斉", "⻬": "齐", "⻭": "歯", "⻮": "齿", "⻯": "竜", "⻰": "龙", "⻱": "龜", "⻲": "亀", "⻳": "龟",
}


def _radical_table() -> dict[int, str]:
    table = {ord(k): v for k, v in _RADICALS_SUPPLEMENT.items()}
    for code in list(range(0x2F00, 0x2FD6)) + list(range(0xF900, 0xFADA)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if folded != chr(code) and len(folded) == 1:
            table[code] = folded
    return table


_RADICALS = _radical_table()


def fold_radicals(text: str) -> str:
    """⼯作报告 → 工作报告, 增⻓ → 增长 (radical code points from PDF text layers)."""
    return text.translate(_RADICALS)


# Mirror sites annotate characters with their pinyin: 預(yù)期目標(biāo), 增(zeng)(zeng)长.
_PINYIN_PAREN = re.compile(rf"(?<=[{HAN}\u3400-\u4dbf）)])[(（]([a-zA-Z\u00c0-\u01dc\u0300-\u036f]{{1,6}})[)）]")
_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:i?(?:ang|ong|ai|ao|an|a|ou|o|eng|en|ei|e|ng|n)|i(?:u|e|ng|n)?|u(?:ang|ai|an|a|o|n|i|e)?|v|ve|er)"
)
# Toneless syllables are stripped only in a text that annotates many characters: a lone
# (yuan) could be a real remark, a page full of them is a mirror's annotation.
MIN_TONELESS_PINYIN = 3


def strip_inline_pinyin(text: str) -> str:
    """預(yù)期目標(biāo) → 預期目標; (GDP), (下同), (2021) and lone toneless words are kept."""
    candidates = [m for m in _PINYIN_PAREN.finditer(text) if _is_syllable(m.group(1))]
    if not candidates:
        return text
    toneless_ok = len(candidates) >= MIN_TONELESS_PINYIN
    drop = [m.span() for m in candidates if toneless_ok or _has_tone(m.group(1))]
    return _remove_spans(text, drop)


def _is_syllable(word: str) -> bool:
    if not word.islower():
        return False  # GDP, PPP, CPI: abbreviations, not pinyin
    plain = unicodedata.normalize("NFD", word.replace("ü", "v"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("u\u0308", "v")
    return bool(_SYLLABLE.fullmatch(plain))


def _has_tone(word: str) -> bool:
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", word))


def _remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# Copy-protected mirrors inject a nonsense token after each paragraph (…意见。pbY): a short
# mixed-case Latin word of 3–5 letters, repeated. Abbreviations are capitals (GDP, PM2.5);
# pH is too short to count.
_INJECTED = re.compile(r"(?<![A-Za-z])(?=[A-Za-z]{3})[a-z]{1,3}[A-Z][A-Za-z]{0,2}(?![A-Za-z])")
MIN_INJECTED_REPEATS = 2


def drop_injected_tokens(text: str) -> str:
    counts = Counter(m.group(0) for m in _INJECTED.finditer(text))
    junk = {token for token, n in counts.items() if n >= MIN_INJECTED_REPEATS}
    if not junk:
        return text
    return _INJECTED.sub(lambda m: "" if m.group(0) in junk else m.group(0), text)


def _width_table() -> dict[int, str]:
    # Digits, Latin letters and the symbols of numbers fold to ASCII. Chinese
    # punctuation (，。；：、！？（）“”) keeps its full-width form: it carries meaning.
    table = {code: chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)}
    table.update({code: chr(code - 0xFEE0) for code in range(0xFF21, 0xFF3B)})
    table.update({code: chr(code - 0xFEE0) for code in range(0xFF41, 0xFF5B)})
    table.update({ord(ch): chr(ord(ch) - 0xFEE0) for ch in "％＊＋－．／＜＝＞＠＃＆＿［］｛｝＂＇＄＾｀｜＼"})
    return table


_WIDTH = _width_table()
_THOUSANDS_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
_DIGIT_COLON = re.compile(r"(?<=[\dXx])：(?=[\dXx])")


def fold_width(text: str) -> str:
    """７．９％ → 7.9%, ＸＸ → XX, １，２３４ → 1,234, 12.8：51.9 → 12.8:51.9."""
    text = text.translate(_WIDTH)
    text = _THOUSANDS_COMMA.sub(",", text)
    return _DIGIT_COLON.sub(":", text)


def to_simplified_if_traditional(text: str) -> str:
    if traditional_share(text) < TRADITIONAL_SHARE:
        return text
    return _t2s().convert(text)


def traditional_share(text: str) -> float:
    """Share of Han characters that simplified conversion would change."""
    counts: dict[str, int] = {}
    for ch in text:
        if _is_han(ch):
            counts[ch] = counts.get(ch, 0) + 1
    total = sum(counts.values())
    if not total:
        return 0.0
    changed = sum(n for ch, n in counts.items() if _is_traditional(ch))
    return changed / total


@functools.lru_cache(maxsize=65536)
def _is_traditional(ch: str) -> bool:
    """Per character, cached: a corpus reuses a few thousand characters millions of times."""
    return _t2s().convert(ch) != ch


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # loads dictionaries: only when a text needs it

    return opencc.OpenCC("t2s")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


# ---------------------------------------------------------------- chrome


@functools.lru_cache(maxsize=4)
def load_chrome_patterns(path: Path) -> tuple[re.Pattern[str], ...]:
    """The reviewed chrome patterns: one regex per line, '#' comments and blanks ignored."""
    patterns = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            patterns.append(re.compile(line))
    return tuple(patterns)


def chrome_patterns() -> tuple[re.Pattern[str], ...]:
    return load_chrome_patterns(settings.reference_file(CHROME_PATTERNS_FILE))


_LEADING_BULLETS = re.compile(r"^[•·▪◦‧∙]\s*")
_BARE_NUMBER = re.compile(r"^\d+$")
_HAS_CONTENT = re.compile(rf"[{HAN}0-9A-Za-z*%。，、；：！？”’）)】》]")


def drop_chrome_lines(lines: list[str]) -> list[str]:
    """Replace chrome lines by blank lines (a blank line still ends a paragraph)."""
    patterns = chrome_patterns()
    return ["" if is_chrome_line(line, patterns) else line for line in lines]


def is_chrome_line(line: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    core = _LEADING_BULLETS.sub("", line).strip()
    if not core:
        return False
    if not _HAS_CONTENT.search(core):
        return True  # separators and bullets: no Han, digits, letters, masks or Chinese punctuation
    if _BARE_NUMBER.match(core):
        return True  # forum counters and page numbers
    if len(core) > MAX_CHROME_LINE_CHARS:
        return False
    return any(pattern.search(core) for pattern in patterns)


# ---------------------------------------------------------------- paged-viewer page markers

_PAGE_MARKER = re.compile(r"^(\d{1,4})、")


def remove_page_markers(lines: list[str]) -> list[str]:
    """Drop the "N、" page numbers a paged .docx viewer puts at the start of each page.

    They form a run of consecutive numbers whose breaks mostly fall mid-sentence
    ("…会议确" / "2、定的目标任务"). A genuine numbered list breaks after a full
    sentence or a short item, so it is left alone. A lone marker (an excerpt of one
    page break) counts only when it breaks a sentence and does not start at 1.
    """
    markers = {i: int(m.group(1)) for i, line in enumerate(lines) if (m := _PAGE_MARKER.match(line))}
    page_lines: set[int] = set()
    for run in _consecutive_runs(markers):
        if _is_page_marker_run(run, lines, markers):
            page_lines.update(run)
    return _strip_markers_and_join(lines, page_lines)


def _is_page_marker_run(run: list[int], lines: list[str], markers: dict[int, int]) -> bool:
    mid_sentence = sum(1 for i in run if _breaks_mid_sentence(lines, i))
    if len(run) >= MIN_PAGE_MARKER_RUN:
        return mid_sentence * 2 > len(run)
    return mid_sentence == len(run) and markers[run[0]] >= 2


def _consecutive_runs(markers: dict[int, int]) -> list[list[int]]:
    """Group marker lines whose numbers go up by one, in line order."""
    runs: list[list[int]] = []
    for index in sorted(markers):
        number = markers[index]
        for run in runs:
            if markers[run[-1]] == number - 1:
                run.append(index)
                break
        else:
            runs.append([index])
    return runs


def _breaks_mid_sentence(lines: list[str], index: int) -> bool:
    previous = _previous_text_line(lines, index)
    if previous is None or ends_sentence(previous) or is_heading(previous):
        return False
    # A short numbered line before "N、" is the previous item of a genuine list.
    return not (_PAGE_MARKER.match(previous) and len(previous) < MIN_PAGE_CHARS)


def _previous_text_line(lines: list[str], index: int) -> str | None:
    for line in reversed(lines[:index]):
        if line:
            return line
    return None


def _strip_markers_and_join(lines: list[str], page_lines: set[int]) -> list[str]:
    result: list[str] = []
    for index, line in enumerate(lines):
        if index not in page_lines:
            result.append(line)
            continue
        body = _PAGE_MARKER.sub("", line, count=1)
        previous = _last_text_index(result)
        if previous is not None and not ends_sentence(result[previous]):
            result[previous] = result[previous] + body  # the page broke a sentence
            del result[previous + 1:]
        else:
            result.append(body)
    return result


def _last_text_index(lines: list[str]) -> int | None:
    for index in range(len(lines) - 1, -1, -1):
        if lines[index]:
            return index
    return None


# ---------------------------------------------------------------- spaced titles

_SPACED_HAN = re.compile(rf"(?<![{HAN}])[{HAN}](?: +[{HAN}](?![{HAN}]))+")


def join_spaced_han(line: str) -> str:
    """政 府 工 作 报 告 → 政府工作报告; 县长 刘  青 → 县长 刘青 (single characters only)."""
    return _SPACED_HAN.sub(lambda m: m.group(0).replace(" ", ""), line)


# ---------------------------------------------------------------- line joining

_TERMINAL = "。！？；：!?;:…"
_CLOSERS = "”’」』)）】》\"'"
_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十百]+[章节部分篇]"
    r"|[一二三四五六七八九十]+[、.]"
    r"|[（(][一二三四五六七八九十]+[）)]"
    r"|\d{1,2}[.、](?!\d)"
    r"|[（(]\d{1,2}[）)]"
    r"|[①-⑳]"
    r"|◇.*◇$|【.*】$)"
)
_LIST_START = re.compile(r"^(?:[●◆■▲◇○□★☆•·▪\-—–]|各位代表|尊敬的|同志们)")
_TITLE_END = re.compile(r"(?:报告|汇报|摘要|讲话|总结|规划|纲要)(?:[(（][^()（）]{0,20}[)）])?$")
_SUBTITLE = re.compile(r"^[—\-–]{1,2}")
_BYLINE = re.compile(rf"(?:县长|区长|市长|旗长|书记|主任)\s*[{HAN}]{{2,4}}$")
_DATE_LINE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_MEETING_HEAD = re.compile(r"人民代表大会$")
_MEETING_TAIL = re.compile(r"^第[一二三四五六七八九十\d]+次(?:会议|全体会议)")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


def ends_sentence(line: str) -> bool:
    core = line.rstrip(_CLOSERS + " ")
    return bool(core) and core[-1] in _TERMINAL


def is_heading(line: str) -> bool:
    if len(line) > MAX_HEADING_CHARS:
        return False
    return bool(_HEADING.match(line) or _TITLE_END.search(line) or _BYLINE.search(line) or _SUBTITLE.match(line))


def starts_new_block(line: str) -> bool:
    return bool(_HEADING.match(line) or _LIST_START.match(line))


def should_join(previous: str, following: str, wrap_width: int | None = None) -> bool:
    """Whether a line break between two adjacent non-blank lines is a wrap, not a paragraph end."""
    if ends_sentence(previous) or starts_new_block(following):
        return False
    if _DATE_LINE.match(previous) or _DATE_LINE.match(following):
        return False
    if wrap_width and len(previous) >= wrap_width - WRAP_SLACK:
        return True  # a full line of a hard-wrapped text, even if it starts like a heading
    return not is_heading(previous)


def hard_wrap_width(lines: list[str]) -> int | None:
    """The line width of a hard-wrapped text (PDF, fixed-width export), if it is one.

    Wrapped lines share one length, give or take a character; natural paragraphs do not.
    """
    lengths = Counter(len(line) for line in lines if line)
    if sum(lengths.values()) < MIN_WRAPPED_LINES:
        return None
    width = max(lengths, key=lambda w: (_near_count(lengths, w), w))
    share = _near_count(lengths, width) / sum(lengths.values())
    return width if share >= MIN_WRAPPED_SHARE and width >= MIN_WRAP_WIDTH else None


def _near_count(lengths: Counter[int], width: int) -> int:
    return sum(lengths[w] for w in range(width - WRAP_SLACK, width + 1))


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Paragraphs from lines: wraps inside a sentence are joined, real breaks kept.

    Blank lines always end a paragraph, except inside a meeting line split across
    them ("…人民代表大会" / "第四次会议上"), which is re-joined.
    """
    wrap_width = hard_wrap_width(lines)
    paragraphs: list[str] = []
    previous = ""  # the physical line read last, blank after a blank line
    for line in lines:
        if line and paragraphs and _continues(paragraphs[-1], previous, line, wrap_width):
            paragraphs[-1] = _glue(paragraphs[-1], line)
        elif line:
            paragraphs.append(line)
        previous = line
    return paragraphs


def _continues(paragraph: str, previous: str, line: str, wrap_width: int | None) -> bool:
    if _MEETING_HEAD.search(paragraph) and _MEETING_TAIL.match(line):
        return True
    return bool(previous) and should_join(previous, line, wrap_width)


def _glue(previous: str, following: str) -> str:
    # Wrapped English words need their space back; Chinese and split numbers do not.
    if _LATIN_END.search(previous) and _LATIN_START.match(following):
        return previous + " " + following
    return previous + following


# ---------------------------------------------------------------- final touches

_OCR_PERCENT_O = re.compile(r"%[oO](?![A-Za-z])")
_SPACE_RUNS = re.compile(r" {2,}")


def fix_ocr_slips(paragraph: str) -> str:
    """X%o / X%O at a sentence end is an OCR reading of X%。"""
    return _OCR_PERCENT_O.sub("%。", paragraph)


# 385 .6亿元, 132. 7亿元: spaces that typesetting put around a decimal point.
_SPACED_DECIMAL = re.compile(r"(?<=\d)[ \t]*\.[ \t]*(?=\d)")


def collapse_spaces(paragraph: str) -> str:
    paragraph = _SPACED_DECIMAL.sub(".", paragraph)
    return _SPACE_RUNS.sub(" ", paragraph).strip()
