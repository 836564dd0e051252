"""What a quoted phrase is: slogan | plan_period | honour | project | brand | other, and why.

The checks run in a fixed order and the first that decides gives the kind and its reason
(``kind_basis``, in Chinese, shown on the 数据 page):

1. a reviewer's correction (``slogan_corrections.tsv``);
2. a known phrase of ``slogans.tsv``;
3. a pattern of ``slogans.tsv`` (plan periods 十四五, dates 七一, counts 40条, rankings 500强);
4. a formula of digits (5+1, 1+3+N) is a slogan; shapes that are never slogans: masked, no
   Chinese, a colon (来源:…), a quantity with a unit (15平方公里), quoted speech (…的), a title
   with a dash (——);
5. the words around the quotes, when more than half of the phrase's occurrences carry one (the
   words after first): “…”等次 a grade, “…”项目/落户/APP a project, “…”等N个产品 a brand,
   “…”讲话/栏目/嘱托 other, then 获评/入选/荣获“…” an honour when the name ends at the quote;
6. honour suffixes (示范县, 十强县, 百强榜, 俱乐部) unless led by N个 (三个强县 is a slogan) or
   made of clauses (生态立县、产业强县); a name led by one numeral (一刻钟社区服务圈) takes its
   project suffix here;
7. honour prefixes (全国…, 中国… of six characters or more);
8. a phrase led by a numeral (六稳, 三高四新, 五大行动计划) is a slogan, unless jieba's
   dictionary has it as a common idiom, number word or set phrase (一心一意, 一把手, 一条龙);
9. project / brand / other suffixes (工程, 平台, 花生, 答卷);
10. a place name + a product (泗阳鲜桃) is a brand, a place + 经验/模式/速度 a slogan;
11. several clauses: honours listed together stay honours; short clauses (疫情要防住、经济要稳住、
    发展要安全), balanced ones of up to 12 characters, or a 发展定位 whose clauses all end in a
    positioning word (…基地、…枢纽) are a slogan; long or ragged ones other;
12. a common dictionary word in quotes (加速度) is emphasis; anything else short is a slogan.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from pipeline.segment import get_dictionary_entries, get_place_words, get_user_words
from pipeline.slogans.phrases import (
    CJK,
    NUMERALS,
    clauses,
    family_key,
    fold_phrase,
    has_cjk,
    is_masked,
    is_numbered_compound,
)
from pipeline.slogans.reference import SloganReference, load_slogan_reference

MAX_SLOGAN_CHARS = 16
SHORT_CLAUSE_CHARS = 8  # clauses this short make a slogan: 疫情要防住、经济要稳住、发展要安全
MAX_CLAUSE_CHARS = 12  # longer ones only when balanced: 农村人守望的美丽家园，城市人向往的乡村花园
BALANCED_CLAUSE_SPREAD = 3
_NAMED_KINDS = {"plan_period": "规划期", "honour": "荣誉称号", "project": "项目名称", "brand": "品牌产品"}
# A 发展定位 of several clauses, each naming what the county is to become.
MAX_POSITIONING_CLAUSE_CHARS = 20
POSITIONING_HEADS = (
    "基地", "中心", "高地", "示范区", "先行区", "枢纽", "城市", "之城", "新城", "家园", "样板", "窗口", "门户",
    "前沿", "增长极", "节点", "桥头堡", "后花园", "目的地", "集聚区", "承载区", "首选地", "排头兵", "示范地", "支点",
)
HONOUR_PREFIX_MIN_CHARS = 6
_QUANTITY = re.compile(r"\d+(?:\.\d+)?[万亿千百]?(?:平方公里|平方米|公里|千米|公顷|万人|万元|亿元|万吨|吨|万亩|亩|%|户|人口)")
_NUMBERED_PROGRAMME = re.compile(r"^[一二两三四五六七八九十百千]+[个大项条]")
_FORMULA = re.compile(r"\d{1,2}(?:\+(?:\d{1,2}|[A-Za-z]))+")  # 5+1, 1+3+N, 2+1
# Idioms, number words and set phrases that jieba's dictionary knows as common (一心一意,
# 一把手, 一条龙). Rare ones are often slogans it happens to list (八荣八耻, 三下乡).
_NOT_SLOGAN_TAGS = frozenset({"i", "m", "l"})
_COMMON_FREQ = 50

Context = tuple[str, str]  # (text just before the opening quote, text just after the closing one)


def classify_phrase(phrase: str, reference: SloganReference | None = None, contexts: Iterable[Context] = ()) -> str:
    return classify_with_basis(phrase, reference, contexts)[0]


def classify_with_basis(
    phrase: str, reference: SloganReference | None = None, contexts: Iterable[Context] = ()
) -> tuple[str, str]:
    """(kind, reason) for one quoted phrase; ``contexts`` are the words around its quotes."""
    reference = reference or load_slogan_reference()
    folded, key = fold_phrase(phrase), family_key(phrase)
    return (
        _reviewed_kind(folded, key, reference)
        or _shape_kind(folded, key)
        or _context_kind(list(contexts), reference)
        or _name_kind(folded, key, reference)
    )


def _reviewed_kind(folded: str, key: str, reference: SloganReference) -> tuple[str, str] | None:
    """Steps 1-3: a correction, a known phrase, a pattern of the reference."""
    correction = reference.corrections.get(key)
    if correction:
        return correction.kind, "审核更正" + (f"：{correction.note}" if correction.note else "")
    for form in (folded, key):
        if form in reference.known:
            return reference.known[form][0], "参考表：已知短语"
    for pattern, kind, name in reference.regexes:
        if pattern.search(folded):
            return kind, f"参考表规则：{name or pattern.pattern}"
    return None


def _shape_kind(folded: str, key: str) -> tuple[str, str] | None:
    """Step 4: digit formulas are slogans; some shapes never are."""
    if _FORMULA.fullmatch(key):
        return "slogan", "数字公式提法（如1+3+N）"
    shape = _never_a_slogan(folded, key)
    return ("other", shape) if shape else None


def _name_kind(folded: str, key: str, reference: SloganReference) -> tuple[str, str]:
    """Steps 6-12: what the phrase's own words say."""
    parts = clauses(folded)
    # 三个强县 and 五大行动计划 are numbered programmes; 生态立县、产业强县 is a slogan of clauses.
    titled = not _NUMBERED_PROGRAMME.match(key) and len(parts) == 1
    if titled:
        title = _title_kind(key, reference)
        if title:
            return title
    if is_numbered_compound(key):
        return _numbered_kind(key)
    named = _suffix_kind(key, reference) if len(parts) == 1 else None  # 主战场、新引擎 is clauses
    if named:
        return named
    place = _place_kind(key, reference)
    if place:
        return place
    if len(parts) > 1:
        return _clauses_kind(parts, reference)
    if len(key) > MAX_SLOGAN_CHARS:
        return "other", f"超过{MAX_SLOGAN_CHARS}字的长句"
    if key in _dictionary_words():
        return "other", "词典常用词（加引号强调）"
    return "slogan", "未命中排除规则的短语"


def _title_kind(key: str, reference: SloganReference) -> tuple[str, str] | None:
    """Honour suffixes and prefixes; a name led by one numeral takes its project suffix."""
    for suffix, kind in reference.suffixes:
        if kind == "honour" and key.endswith(suffix) and len(key) > len(suffix):
            return kind, f"称号后缀“{suffix}”"
    for prefix, kind in reference.prefixes:
        if len(key) >= HONOUR_PREFIX_MIN_CHARS and key.startswith(prefix):
            return kind, f"称号前缀“{prefix}”"
    if sum(ch in NUMERALS for ch in key) == 1:
        # 一刻钟社区服务圈: one numeral at the start does not make a named place a programme.
        return _suffix_kind(key, reference)
    return None


def _numbered_kind(key: str) -> tuple[str, str]:
    freq, tag = _dictionary_entries().get(key, (0, ""))
    if all(ch in NUMERALS for ch in key):
        return "slogan", "数字组成的编号提法（如百千万）"
    if tag in _NOT_SLOGAN_TAGS and freq >= _COMMON_FREQ:
        return "other", "词典中的常用成语或数量词"
    return "slogan", "数字开头的编号提法"


def _clauses_kind(parts: list[str], reference: SloganReference) -> tuple[str, str]:
    """Several clauses: two honours listed together stay honours; short, balanced or
    positioning clauses (…基地、…枢纽、…目的地) make a slogan; anything else is a run of text."""
    kinds = {classify_with_basis(part, reference)[0] for part in parts}
    if len(kinds) == 1 and kinds <= set(_NAMED_KINDS):
        kind = kinds.pop()
        return kind, f"各分句都是{_NAMED_KINDS[kind]}"
    lengths = [len(c) for c in parts]
    if max(lengths) <= SHORT_CLAUSE_CHARS:
        return "slogan", f"{len(parts)}个短句组成的口号"
    if max(lengths) <= MAX_CLAUSE_CHARS and max(lengths) - min(lengths) <= BALANCED_CLAUSE_SPREAD:
        return "slogan", f"{len(parts)}个对仗分句组成的口号"
    if max(lengths) <= MAX_POSITIONING_CLAUSE_CHARS and all(c.endswith(POSITIONING_HEADS) for c in parts):
        return "slogan", "发展定位（各分句都以定位词结尾）"
    return "other", "分句过长或长短不齐，不像口号"


def _suffix_kind(key: str, reference: SloganReference) -> tuple[str, str] | None:
    for suffix, kind in reference.suffixes:
        if kind != "honour" and key.endswith(suffix) and len(key) > len(suffix):
            return kind, f"名称后缀“{suffix}”"
    return None


def _never_a_slogan(folded: str, key: str) -> str | None:
    if len(key) < 2:
        return "不足两个字"
    if is_masked(folded):
        return "含遮盖符号（X、*）"
    if not has_cjk(folded):
        return "不含汉字"
    if ":" in folded or "：" in folded:
        return "含冒号（出处或标题）"
    if _QUANTITY.search(key):
        return "含数量和单位"
    if "——" in folded or "--" in folded:
        return "含破折号的标题"
    if key.endswith("的"):
        return "以“的”结尾的引语"
    return None


def _context_kind(contexts: list[Context], reference: SloganReference) -> tuple[str, str] | None:
    """The kind most of the phrase's occurrences are cued as, if at least half are cued."""
    if not contexts:
        return None
    votes: dict[str, list[str]] = {}
    for before, after in contexts:
        cue = _cue(before, after, reference)
        if cue:
            votes.setdefault(cue[0], []).append(cue[1])
    if not votes:
        return None
    kind, cues = max(votes.items(), key=lambda kv: (len(kv[1]), kv[0]))
    if 2 * len(cues) <= len(contexts) and len(contexts) > 1:
        return None  # cued in half or fewer of its occurrences: “三大改造”项目 once, “三大改造” alone once
    return kind, f"上下文：{cues[0]}"


def _cue(before: str, after: str, reference: SloganReference) -> tuple[str, str] | None:
    """The words after the quote first: 获评“优秀”等次 is a grade, not an honour."""
    for pattern, kind in reference.after:
        if pattern.search(after):
            return kind, f"后接“{pattern.search(after).group(0)}”"
    if not _phrase_ends_there(after):
        return None  # 入选“千村精品”示范村: the title is the whole name, the quoted part a programme
    for pattern, kind in reference.before:
        if pattern.search(before):
            return kind, f"前有“{pattern.search(before).group(0)}”"
    return None


_ENDS_A_NAME = ("称号", "荣誉", "殊荣", "桂冠", "榜单", "名单", "之列", "行列", "等", "和", "及", "并", "的")


def _phrase_ends_there(after: str) -> bool:
    """The quoted phrase is the whole name: punctuation, a footnote or 称号/等/和 follows it."""
    rest = after.lstrip("”\"」』’'")
    return not rest or not re.match(f"[{CJK}]", rest) or rest.startswith(_ENDS_A_NAME)


def _place_kind(key: str, reference: SloganReference) -> tuple[str, str] | None:
    """泗阳鲜桃 is a product of a place; 晋江经验 and 浚县模式 are slogans of one."""
    names = _place_names()
    place = next((key[:n] for n in range(min(len(key) - 1, 8), 1, -1) if key[:n] in names), None)
    if place is None:
        return None
    tail = key[len(place):]
    if not re.fullmatch(f"[{CJK}]{{2,5}}", tail):
        return None  # 大城管 starts with the county 大城 but reads 大/城管: a name needs two characters
    if any(tail.endswith(head) for head in reference.heads):
        return "slogan", f"地名＋“{tail}”"
    return "brand", f"地名“{place}”＋名称"


# A place name that is also a common word (江南, 长安) or another kind of word (富民, 合作, 安定)
# says too little to make a phrase a place's brand.
_PLACE_MAX_FREQ = 800


@functools.lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """County and city names, also without their 县/市/区/旗 suffix, that are only place names."""
    names: set[str] = set()
    for word in get_place_words():
        names.add(word)
        if len(word) >= 3 and word[-1] in "县市区旗":
            names.add(word[:-1])
    entries = get_dictionary_entries()

    def only_a_place(name: str) -> bool:
        freq, tag = entries.get(name, (0, "ns"))
        return tag == "ns" and freq < _PLACE_MAX_FREQ

    return frozenset(n for n in names if len(n) >= 2 and only_a_place(n))


class JiebaWords:
    """jieba's own dictionary minus our user words (ours are policy terms, often slogans), read
    in place: ``get(word)`` its (frequency, tag), ``word in`` it when its frequency is at least
    ``min_freq``. A copy of the 350,000 entries cost each process ≈ 0.2 s (a data drop's
    slogan checks included) for the few hundred words a report looks up."""

    def __init__(self, entries: dict[str, tuple[int, str]], user: frozenset[str] | set[str], min_freq: int = 0):
        self._entries, self._user, self._min_freq = entries, user, min_freq

    def get(self, word: str, default=None):
        return default if word in self._user else self._entries.get(word, default)

    def __contains__(self, word: str) -> bool:
        entry = self.get(word)
        return entry is not None and entry[0] >= self._min_freq


@functools.lru_cache(maxsize=1)
def _dictionary_entries() -> JiebaWords:
    return JiebaWords(get_dictionary_entries(), get_user_words())


@functools.lru_cache(maxsize=1)
def _dictionary_words() -> JiebaWords:
    return JiebaWords(get_dictionary_entries(), get_user_words(), min_freq=3)


def load_dictionaries() -> None:
    """What the checks read, loaded now: a build loads it before its workers fork
    (``documents.warm_up``), which then share it instead of each loading its own."""
    _dictionary_words()
    _place_names()
