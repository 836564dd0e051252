"""Lines into paragraphs: spaced-out titles, hard wraps, spaces and OCR slips."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.normalise.characters import HAN

# Headings are short; a longer line that starts like one is a wrapped paragraph.
MAX_HEADING_CHARS = 40
# Hard-wrapped text (PDF text layers): enough lines, most within WRAP_SLACK of one width.
MIN_WRAPPED_LINES = 8
MIN_WRAPPED_SHARE = 0.4
MIN_WRAP_WIDTH = 15
WRAP_SLACK = 1


_SPACED_HAN = re.compile(rf"(?<![{HAN}])[{HAN}](?: +[{HAN}](?![{HAN}]))+")


def join_spaced_han(line: str) -> str:
    """政 府 工 作 报 告 → 政府工作报告; 县长 刘  青 → 县长 刘青 (single characters only)."""
    if " " not in line:
        return line  # most lines: nothing spaced out
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
_BREADCRUMB_LINE = re.compile(r"^(?:您?(?:现在)?的位置|当前位置)\s*[:：]|^首页\s*[>＞»]")
_BREADCRUMB_GOES_ON = re.compile(r"^[>＞»]")


def _is_breadcrumb(line: str) -> bool:
    return bool(_BREADCRUMB_LINE.match(line) or _BREADCRUMB_GOES_ON.match(line))


_MEETING_HEAD = re.compile(r"人民代表大会$")
_MEETING_TAIL = re.compile(r"^第[一二三四五六七八九十\d]+次(?:会议|全体会议)")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


# A page typed with ASCII punctuation ends sentences with "." (意见.): after a Han character,
# a percent sign or a closing bracket it is a full stop, never a decimal point.
ASCII_FULL_STOP = rf"\.(?<=[{HAN}%）)”\"]\.)"
_ENDS_WITH_ASCII_STOP = re.compile(ASCII_FULL_STOP + "$")


def ends_sentence(line: str) -> bool:
    core = line.rstrip(_CLOSERS + " ")
    return bool(core) and (core[-1] in _TERMINAL or bool(_ENDS_WITH_ASCII_STOP.search(core)))


def is_heading(line: str) -> bool:
    if len(line) > MAX_HEADING_CHARS:
        return False
    return bool(_HEADING.match(line) or _TITLE_END.search(line) or _BYLINE.search(line) or _SUBTITLE.match(line))


def starts_new_block(line: str) -> bool:
    return bool(_HEADING.match(line) or _LIST_START.match(line))


# ---------------------------------------------------------------- table lines

# 统计公报 and yearbook tables print one row a line (地区生产总值 7311113 6.0): such lines, their
# header (指标 2024年 比上年增长), the 单位 line and the 表1 caption keep their own lines, so that
# extraction can read the columns (pipeline.extract.tables).
# A cell with no figure (—, …, /) or a masked one (XX, **), and a cell that says whether a row's
# target was met: pipeline.extract.tables reads its cells with the same words.
TABLE_BLANK_CELL = r"[-—–…/]+|[Xx*＊]+"
TABLE_STATUS_CELL = r"完成|未完成|基本完成|超额完成|达标|未达标|[√×✓✗]"
_VALUE_CELL = re.compile(rf"^[-−]?\d+(?:,\d{{3}})*(?:\.\d+)?%?$|^(?:{TABLE_BLANK_CELL})$")
_TRAILING_CELL = re.compile(rf"^(?:{TABLE_STATUS_CELL}|亿元|万元|元|万人|人|%)$")
_ROW_LABEL_STOP = re.compile(r"[，。；,;：:！？]")
_HEADER_CELL = re.compile(r"^(?:序号|指标名称|指标|项目|名称|类别)$")
_TABLE_CAPTION = re.compile(r"^(?:表\s*\d+|单位\s*[:：])")
MAX_ROW_LABEL = 24
MAX_TABLE_LINE = 80


# | 指标 | 2023年 | 比上年增长 |: a web table as a text extractor prints it; cells become tab-separated.
_PIPE_ROW = re.compile(r"^\s*\|(?:[^|\n]*\|){2,}\s*$")


def unpipe_table_row(line: str) -> str:
    """| 地区生产总值 | 512.3 | 6.2 | → 地区生产总值\t512.3\t6.2 (other lines unchanged)."""
    if not _PIPE_ROW.match(line):
        return line
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return "\t".join(cell for cell in cells if cell)


def table_row_values(line: str) -> int:
    """How many value cells end a table row (地区生产总值 7311113 6.0 → 2); 0 when not a row."""
    if len(line) > MAX_TABLE_LINE:
        return 0
    cells = line.split()
    while cells and _TRAILING_CELL.match(cells[-1]):
        cells.pop()
    values = 0
    while cells and _VALUE_CELL.match(cells[-1]):
        cells.pop()
        values += 1
    label = "".join(cells)
    if not values or not label or len(label) > MAX_ROW_LABEL or _ROW_LABEL_STOP.search(label):
        return 0
    if not re.search(rf"[{HAN}]", label):
        return 0
    return values


def is_table_line(line: str) -> bool:
    """A caption, unit line, header or row of a table (see above)."""
    if len(line) > MAX_TABLE_LINE:
        return False
    if _TABLE_CAPTION.match(line) or table_row_values(line) >= 2:
        return True
    cells = join_spaced_han(line).split()
    return len(cells) >= 3 and any(_HEADER_CELL.match(c) for c in cells) and not _ROW_LABEL_STOP.search(line)


def _keeps_table_break(previous: str, following: str) -> bool:
    if is_table_line(previous) or is_table_line(following):
        return True
    return table_row_values(previous) >= 1 and table_row_values(following) >= 1


def should_join(previous: str, following: str, wrap_width: int | None = None) -> bool:
    """Whether a line break between two adjacent non-blank lines is a wrap, not a paragraph end."""
    if ends_sentence(previous) or starts_new_block(following):
        return False
    if _keeps_table_break(previous, following):
        return False
    if _DATE_LINE.match(previous) or _DATE_LINE.match(following):
        return False
    if _is_breadcrumb(previous) or _is_breadcrumb(following):
        # 您现在的位置：首页 > 政务公开 is a line of its own, never the start of the title; a
        # breadcrumb wrapped before its next ">" goes on.
        return bool(_is_breadcrumb(previous) and _BREADCRUMB_GOES_ON.match(following))
    if wrap_width and len(previous) >= wrap_width - WRAP_SLACK:
        return True  # a full line of a hard-wrapped text, even if it starts like a heading
    return not is_heading(previous) or bool(_INNER_STOP.search(previous))


# (二)财政收入稳步增长。全县…: a line that opens like a heading but ends a sentence inside is
# the first line of a paragraph, and its wrap is joined.
_INNER_STOP = re.compile(r"[。；;](?=.)")


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


# 2021 年 12 月, 突破 700 亿元, 8 %: spaces PDF layers put between a number and its unit.
_SPACED_UNIT = re.compile(r"(?<=\d) +(?=[年月日亿万元%％])")
_SPACED_DATE = re.compile(r"(?<=\d[年月]) +(?=\d{1,2}[月日])")


# 生产总值[2]1165.1亿元, “六稳”〔1〕工作: footnote markers after a word, not a list number
# at a line's start.
# (each bracket before its lookbehind, so the regex engine can skip ahead to the next bracket)
_FOOTNOTE = re.compile(rf"(?:\[(?<=[{HAN}”’)）\]〕]\[)\d{{1,2}}\]|〔(?<=[{HAN}”’)）\]〕]〔)\d{{1,2}}〕)")


# A PDF text layer whose line breaks became spaces splits words anywhere (固 定资产投资,
# 同比增 长): in a long paragraph with many spaces between two Han characters, they are
# line breaks, not word gaps. Short lines (bylines, 县长 刘青) are left alone.
_HAN_SPACE_HAN = re.compile(rf"(?<=[{HAN}]) (?=[{HAN}])")
MIN_SPACED_PARAGRAPH = 200
MAX_CHARS_PER_HAN_SPACE = 60


def join_layer_spaces(paragraph: str) -> str:
    gaps = len(_HAN_SPACE_HAN.findall(paragraph))
    if len(paragraph) < MIN_SPACED_PARAGRAPH or gaps * MAX_CHARS_PER_HAN_SPACE < len(paragraph):
        return paragraph
    return _HAN_SPACE_HAN.sub("", paragraph)


# 项目 21 个, 增长 8.7% 以上, 人均 GDP 为: a PDF layer's spaces between Han and a number or a
# Latin word that goes on in the sentence, removed outside tables (where 地区生产总值 512.3 6.2
# separates cells); a title's trailing tag (统计公报 2024) keeps its space.
_HAN_SPACE_DIGIT = re.compile(rf" +(?<=[{HAN}] )(?=[\dA-Za-z][\dA-Za-z.]* ?[%{HAN}])|(?<=[\dA-Za-z%]) +(?=[{HAN}])")


def join_number_spaces(paragraph: str) -> str:
    if is_table_line(paragraph):
        return paragraph
    return _HAN_SPACE_DIGIT.sub("", paragraph)


def collapse_spaces(paragraph: str) -> str:
    if " " not in paragraph and "\t" not in paragraph:
        return _FOOTNOTE.sub("", paragraph).strip()  # the other rules all need a space or tab
    paragraph = _SPACED_DECIMAL.sub(".", paragraph)
    paragraph = join_number_spaces(_SPACED_DATE.sub("", _SPACED_UNIT.sub("", paragraph)))
    paragraph = _FOOTNOTE.sub("", paragraph)
    paragraph = join_layer_spaces(_SPACE_RUNS.sub(" ", paragraph))
    return _SPACE_RUNS.sub(" ", paragraph).strip()
