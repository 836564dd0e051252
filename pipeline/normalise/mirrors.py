"""How mirror sites and PDF text layers render text: radical code points, inline pinyin,
injected tokens. Each repair leaves ordinary report text unchanged."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pipeline.normalise.characters import HAN, any_of, translate_present


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
_RADICALS_ANY = any_of(_RADICALS)


def fold_radicals(text: str) -> str:
    """⼯作报告 → 工作报告, 增⻓ → 增长 (radical code points from PDF text layers)."""
    return translate_present(text, _RADICALS, _RADICALS_ANY)


# Mirror sites annotate characters with their pinyin: 預(yù)期目標(biāo), 增(zeng)(zeng)长.
# The bracket comes first and the lookbehind after it: a pattern that opens with a literal
# lets the regex engine skip ahead to the next bracket instead of trying every position.
_PINYIN_PAREN = re.compile(rf"[(（](?<=[{HAN}\u3400-\u4dbf）)][(（])([a-zA-Z\u00c0-\u01dc\u0300-\u036f]{{1,6}})[)）]")
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
# (first letter before the lookarounds, for speed: not preceded by a letter, three letters on)
_INJECTED = re.compile(r"[a-z](?<![A-Za-z][a-z])(?=[A-Za-z]{2})[a-z]{0,2}[A-Z][A-Za-z]{0,2}(?![A-Za-z])")
MIN_INJECTED_REPEATS = 2


def drop_injected_tokens(text: str) -> str:
    counts = Counter(m.group(0) for m in _INJECTED.finditer(text))
    junk = {token for token, n in counts.items() if n >= MIN_INJECTED_REPEATS}
    if not junk:
        return text
    return _INJECTED.sub(lambda m: "" if m.group(0) in junk else m.group(0), text)


# PDF text layers (a browser's or an office suite's "save as PDF") set every ASCII run apart
# with spaces: 工作 , 请予审议 | ( 一 ) 坚持 | “ 十四五 ” | 预 (yù) 期. A space next to a
# separator, inside a bracket or a quote, or between a Han character and a bracket or quote
# (生产总值 [2] is a footnote) is never a word gap in Chinese text. A space between a bracket
# and a digit is kept: a table's (亿元) 1000 separates cells.
_SPACE_RUN = re.compile(r" +")
_SPACE_OPENERS = "（(“‘《【〔"
_SPACE_CLOSERS = ")）”’》】〕"
# (not ASCII ? and !: conversions write a lost quote mark as ?, 上?市长 ?王建国)
_SPACE_SEPARATORS = "，。；：、,;:！？"
_HAN_OPENERS = _SPACE_OPENERS + "[〔"
_HAN_CHAR = re.compile(f"[{HAN}]")


def join_punctuation_spaces(text: str) -> str:
    """( 一 ) 坚持 , 向大会 → (一)坚持,向大会; 预 (yù) 期 → 预(yù)期."""
    if " " not in text:
        return text

    def keep(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else "\n"
        after = text[match.end()] if match.end() < len(text) else "\n"
        if before in _SPACE_OPENERS or before in _SPACE_SEPARATORS:
            return ""
        if after in _SPACE_CLOSERS or after in _SPACE_SEPARATORS:
            return ""
        if (after in _HAN_OPENERS and _HAN_CHAR.match(before)) or (before in _SPACE_CLOSERS and _HAN_CHAR.match(after)):
            return ""
        return match.group(0)

    return _SPACE_RUN.sub(keep, text)
