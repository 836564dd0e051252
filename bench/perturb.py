"""Transformations real pages apply to a report's text, each keeping every fact's value.

Used by ``bench/robustness.py``: each corpus excerpt is rewritten by one transformation at a
time and scored against its unchanged gold facts. Two groups:

- rendering (issue 10 §4): traditional script, ASCII punctuation, full-width digits, hard
  line wraps (fixed width as a PDF layer gives, or ragged), CJK radical code points, web-page
  chrome served as HTML, the text as .docx and as PDF (printed by headless Chromium when present);
- paraphrase: clauses that each start with an indicator swapped, an indicator spelled with
  an equivalent spelling the pipeline knows, 增长/提高, 左右/上下, 以上/以上的.

Every transformation is a pure function of the text and the file name (for a seed), so a
run is reproducible. A text transformation returns text; the file transformations return
the bytes of a file and its suffix.
"""

from __future__ import annotations

import hashlib
import io
import random
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


def seed_of(name: str) -> int:
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16)


# ---------------------------------------------------------------- script and characters

@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def traditional(text: str, name: str) -> str:
    """Simplified → traditional script (OpenCC s2t), as Hong Kong / Taiwan mirrors serve it."""
    return _s2t().convert(text)


_ASCII_PUNCT = str.maketrans({"，": ",", "。": ".", "；": ";", "：": ":", "（": "(", "）": ")",
                              "！": "!", "？": "?", "“": '"', "”": '"'})


def ascii_punctuation(text: str, name: str) -> str:
    """，。；：（）！？“” → ,.;:()!?\" (pages typed on an English keyboard)."""
    return text.translate(_ASCII_PUNCT)


_FULL_WIDTH = {ord(ch): chr(ord(ch) + 0xFEE0) for ch in "0123456789%.+-"}
_FULL_WIDTH.update({code: chr(code + 0xFEE0) for code in range(ord("A"), ord("Z") + 1)})
_FULL_WIDTH.update({code: chr(code + 0xFEE0) for code in range(ord("a"), ord("z") + 1)})


def full_width_digits(text: str, name: str) -> str:
    """7.9% → ７．９％, GDP → ＧＤＰ (full-width forms of digits, letters and number signs)."""
    return text.translate(_FULL_WIDTH)


# Radical code points that PDF text layers emit for the ideograph: every Kangxi radical
# whose NFKC form is a unified ideograph, and the simplified forms of the CJK Radicals
# Supplement (EquivalentUnifiedIdeograph.txt). Written here from Unicode, not read from
# the pipeline, so the bench does not test the pipeline's table against itself.
_SUPPLEMENT_SIMPLIFIED = {"长": "⻓", "门": "⻔", "车": "⻋", "见": "⻅", "贝": "⻉", "页": "⻚", "风": "⻛",
                          "飞": "⻜", "马": "⻢", "鱼": "⻥", "鸟": "⻦", "麦": "⻨", "黄": "⻩", "齐": "⻬",
                          "龙": "⻰", "龟": "⻳", "韦": "⻙", "齿": "⻮", "卤": "⻧", "黾": "⻪", "青": "⻘",
                          "西": "⻄", "民": "⺠", "母": "⺟"}


@lru_cache(maxsize=1)
def _radical_table() -> dict[int, str]:
    table = {}
    for code in range(0x2F00, 0x2FD6):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1:
            table[ord(folded)] = chr(code)
    table.update({ord(k): v for k, v in _SUPPLEMENT_SIMPLIFIED.items()})
    return table


def cjk_radicals(text: str, name: str) -> str:
    """工作报告 → ⼯作报告, 增长 → 增⻓: every character that has a radical code point."""
    return text.translate(_radical_table())


# ---------------------------------------------------------------- line wraps

def _wrap_line(line: str, widths) -> list[str]:
    out, pos = [], 0
    while len(line) - pos > 0:
        width = next(widths)
        out.append(line[pos:pos + width])
        pos += width
    return out or [""]


def hard_wraps_fixed(text: str, name: str) -> str:
    """A newline every W characters (W 25–40, one per document), inside words and numbers."""
    width = 25 + seed_of(name) % 16
    return "\n".join(part for line in text.split("\n") for part in _wrap_line(line, iter(lambda: width, None)))


def hard_wraps_ragged(text: str, name: str) -> str:
    """A newline every 25–40 characters, each line its own width (a copied web column)."""
    rng = random.Random(seed_of(name))
    widths = iter(lambda: rng.randint(25, 40), None)
    return "\n".join(part for line in text.split("\n") for part in _wrap_line(line, widths))


# ---------------------------------------------------------------- paraphrase

@lru_cache(maxsize=1)
def alias_swaps() -> dict[str, str]:
    """Each plain spelling of a single family → another spelling of that family.

    The family's first spelling goes to its second; every other one to the first. Loose or
    partial spellings (too short to stand for the family in every sentence: 社零, GDP,
    新增就业, 利用外资, …) are neither replaced nor used, nor are pattern rows and spellings of
    several series."""
    rows = [line.split("\t") for line in (REFERENCE / "indicator_aliases.tsv").read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")][1:]
    by_family: dict[str, list[str]] = {}
    for alias, family, qualitative in (row[:3] for row in rows):
        if alias.startswith("re:") or ";" in family or qualitative == "true" or alias in _LOOSE:
            continue
        by_family.setdefault(family, []).append(alias)
    swaps = {}
    for spellings in by_family.values():
        if len(spellings) < 2:
            continue
        swaps[spellings[0]] = spellings[1]
        for other in spellings[1:]:
            swaps[other] = spellings[0]
    return swaps


_LOOSE = frozenset({"GDP", "地区GDP", "经济总量", "社零", "社零总额", "新增就业", "利用外资", "其中本级收入",
                    "公共财政收入", "公共预算收入", "一般预算收入", "登记失业率", "存款余额", "贷款余额",
                    "各项存款余额", "各项贷款余额", "城镇化率", "粮食总产", "外贸进出口", "进出口额",
                    "城镇固定资产投资", "全县居民人均可支配收入", "常住居民人均可支配收入", "完成造林",
                    "造林绿化", "新造林", "新增造林", "人工造林", "农民人均可支配收入", "牧民人均可支配收入"})
# A spelling is replaced only where it starts a word: after punctuation, a digit or these
# characters (全县, 全年, 实现, 完成, 和 …), never inside a longer name (城镇常住居民…).
_WORD_BEFORE = "县区市旗全年现成了的和及与为中计其"


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    spellings = sorted(alias_swaps(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, spellings)))


def indicator_spellings(text: str, name: str) -> str:
    """地区生产总值 → 生产总值, 规上工业增加值 → 规模以上工业增加值, … (spellings the pipeline knows)."""
    swaps = alias_swaps()

    def replace(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else "\n"
        if re.match(rf"[{HAN}]", before) and before not in _WORD_BEFORE:
            return match.group(0)
        return swaps[match.group(0)]

    return _alias_pattern().sub(replace, text)


_GROWTH_BEFORE_NUMBER = re.compile(r"增长(?=\d|[０-９])")
_RAISE_BEFORE_NUMBER = re.compile(r"提高(?=\d|[０-９])")


def growth_word(text: str, name: str) -> str:
    """增长7% ↔ 提高7% (before a number only: 增长点, 提高质量 are left alone)."""
    marked = _GROWTH_BEFORE_NUMBER.sub("\0", text)
    marked = _RAISE_BEFORE_NUMBER.sub("增长", marked)
    return marked.replace("\0", "提高")


def about_word(text: str, name: str) -> str:
    """7%左右 → 7%上下 (after a number and its unit)."""
    return re.sub(r"(?<=[\d%％元人亩吨])左右", "上下", text)


def at_least_word(text: str, name: str) -> str:
    """8%以上 → 8%以上的, 8%以上的 → 8%以上 (after a number and its unit)."""
    marked = re.sub(r"(?<=[\d%％元人亩吨])以上的", "\0", text)
    marked = re.sub(r"(?<=[\d%％元人亩吨])以上(?!的)", "以上的", marked)
    return marked.replace("\0", "以上")


# A clause ends at a comma, full-width or ASCII (not a thousands separator: 1,234).
_CLAUSE_SPLIT = re.compile(r"(，|,(?!\d{3}))")


@lru_cache(maxsize=1)
def _clause_start() -> re.Pattern[str]:
    rows = [line.split("\t")[0] for line in (REFERENCE / "indicator_aliases.tsv").read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")][1:]
    spellings = sorted((a for a in rows if not a.startswith("re:")), key=len, reverse=True)
    return re.compile(r"(?:全县|全区|全市|全旗)?(?:" + "|".join(map(re.escape, spellings)) + r")")


def _self_contained(clause: str) -> bool:
    """A clause that names its indicator first and holds its own number and no 分别."""
    return bool(_clause_start().match(clause)) and bool(re.search(r"\d", clause)) \
        and "分别" not in clause and "均" not in clause and not clause.endswith(("。", "；"))


def clause_order(text: str, name: str) -> str:
    """地区生产总值增长7%，一般公共预算收入增长6% → the two clauses swapped.

    Only two adjacent clauses that each start with an indicator and hold their own number
    are swapped, so every value keeps its indicator and cues."""
    lines = []
    for line in text.split("\n"):
        parts = _CLAUSE_SPLIT.split(line)
        clauses = parts[0::2]
        i = 0
        while i + 1 < len(clauses):
            if _self_contained(clauses[i]) and _self_contained(clauses[i + 1]):
                clauses[i], clauses[i + 1] = clauses[i + 1], clauses[i]
                i += 2
            else:
                i += 1
        parts[0::2] = clauses
        lines.append("".join(parts))
    return "\n".join(lines)


# ---------------------------------------------------------------- files

_NAV = ["首页 | 政务公开 | 政府信息公开 | 新闻中心 | 政务服务 | 互动交流", "当前位置：首页 > 政务公开 > 规划计划"]
_FOOTER = ["分享到：微信 微博 QQ空间", "【打印本页】【关闭窗口】", "主办单位：人民政府办公室　版权所有",
           "网站标识码：1234567890　ICP备案号：ICP备12345678号"]


def _title_of(lines: list[str]) -> str:
    """The page title: the first line, or its first words when the excerpt is one long line."""
    first = lines[0].strip() if lines else ""
    if len(first) <= MAX_TITLE:
        return first
    return first.split(" ")[0][:MAX_TITLE]


MAX_TITLE = 50


def web_page(text: str, name: str, posted: str) -> bytes:
    """The text as a portal page: navigation, a 来源/发布时间 line, 责任编辑, 分享到 and a footer."""
    import html

    lines = [line for line in text.split("\n") if line.strip()]
    title = html.escape(_title_of(lines))
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    nav = "".join(f'<div class="nav">{html.escape(n)}</div>' for n in _NAV)
    info = html.escape(f"来源：政府办公室　发布时间：{posted}　浏览次数：1234　字体：[大 中 小]")
    foot = "".join(f"<div>{html.escape(f)}</div>" for f in _FOOTER)
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_人民政府门户网站</title>'
            f'</head><body><div id="top">{nav}</div><div class="article"><h1>{title}</h1>'
            f'<div class="info">{info}</div><div class="content">{body}</div>'
            f'<div class="editor">责任编辑：王明</div></div><div id="footer">{foot}</div></body></html>')
    return page.encode("utf-8")


def plain_page(text: str) -> str:
    """The text as a bare HTML page, one paragraph a line (what is printed to PDF)."""
    import html

    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'


def docx_bytes(text: str) -> bytes:
    """The text as a .docx, one paragraph a line (python-docx)."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


TEXT_TRANSFORMS = {
    "traditional": traditional,
    "ascii_punctuation": ascii_punctuation,
    "full_width_digits": full_width_digits,
    "hard_wraps_fixed": hard_wraps_fixed,
    "hard_wraps_ragged": hard_wraps_ragged,
    "cjk_radicals": cjk_radicals,
    "clause_order": clause_order,
    "indicator_spellings": indicator_spellings,
    "growth_word": growth_word,
    "about_word": about_word,
    "at_least_word": at_least_word,
}
