"""Table rows: indicator | (unit) | value columns, as 统计公报 and yearbooks print them.

    表1  2024年全县生产总值及增长情况
    单位：万元，%
    指标 2024年 比上年增长
    地区生产总值 7311113 6.0

    序号 指标名称 2020年目标值 2020年预计值 完成情况
    1 全区生产总值(亿元) 1000 1008.5 完成

Normalisation keeps such rows on lines of their own (``normalise.lines.is_table_row``). A
header line names what each value column is: a target (目标, 计划), an estimate (预计), an
outcome (完成, 实际, a bare year) or a growth (比上年增长, 增速); the year comes from the column,
else from the table's title, else from the document. A row is read only when its label is an
indicator spelling as a whole (人均生产总值 is not 地区生产总值), when it has exactly one value
per numeric column and when a level's unit is known (from the label, a unit column or a
单位 line): anything else is left out, since a shifted column gives a wrong number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.grammar import NUM
from pipeline.extract.kinds import DocContext
from pipeline.extract.sections import iter_paragraphs
from pipeline.extract.vocabulary import Vocabulary, find_aliases
from pipeline.normalise.lines import TABLE_BLANK_CELL, TABLE_STATUS_CELL

VALUE_CELL = re.compile(rf"^[-−]?{NUM}$")
BLANK_CELL = re.compile(rf"^(?:{TABLE_BLANK_CELL})$")
STATUS_CELL = re.compile(rf"^(?:{TABLE_STATUS_CELL})$")
ORDINAL = re.compile(r"^\d{1,2}[.、]?$")
UNIT_CELL = re.compile(r"^(?:亿元|万元|元|万人|人|万吨|吨|万亩|亩|%|个|户|万户|亿美元|万美元)$")
LABEL_UNIT = re.compile(r"[(（]\s*(亿元|万元|元|万人|人|万吨|吨|万亩|亿美元|万美元|%)\s*[)）]")
UNIT_LINE = re.compile(r"^单位\s*[:：]\s*(?P<level>亿元|万元|元|万人|人|万吨|吨|亿美元|万美元)?\s*[,，、]?\s*(?P<pct>%)?")
TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
LABEL_PREFIX = re.compile(r"^(?:[#＃*]+|其中\s*[:：]?|全县|全区|全市|全旗|全年)+")
HEADER_MAX_LINES_ABOVE = 3

TARGET_COLUMN = re.compile(r"目标|计划|预期")
ESTIMATE_COLUMN = re.compile(r"预计")
GROWTH_COLUMN = re.compile(r"增长|增速|增幅|比上年|同比|±")
OUTCOME_COLUMN = re.compile(r"完成值|完成数|实际|实绩|绝对值|总量|数值|^(?:19|20)\d\d年$|^本年|^全年")
LABEL_COLUMN = re.compile(r"^(?:序号|指标名称|指标|项目|名称|类别|单位|计量单位)$")
STATUS_COLUMN = re.compile(r"完成情况|备注|完成率|是否")


@dataclass(frozen=True)
class Column:
    measure: str  # level | growth
    kind: str  # target | actual
    year: int | None
    estimated: bool


@dataclass(frozen=True)
class Header:
    columns: tuple[Column | None, ...]  # None: a value column the header leaves open
    unit_column: bool
    level_unit: str | None
    table_year: int | None
    text: str


def read_header(line: str, title_year: int | None, level_unit: str | None) -> Header | None:
    """The value columns a header line names, or None when the line is not a table header."""
    cells = _cells(line)
    columns, unit_column, labels = [], False, 0
    for cell in cells:
        if LABEL_COLUMN.match(cell):
            labels += 1
            unit_column = unit_column or cell in ("单位", "计量单位")
            continue
        if STATUS_COLUMN.search(cell):
            continue
        column = _column(cell, title_year)
        if column is None:
            return None  # a cell we cannot read: not a header we understand
        columns.append(column)
    if not labels or not columns:
        return None
    return Header(tuple(_resolve_growths(columns)), unit_column, level_unit, title_year, line)


def _resolve_growths(columns: list[Column]) -> list[Column | None]:
    """A bare 增长% column takes the kind and year of the level columns beside it; in a table with
    both targets and outcomes (2023年预计 2024年计划 增长%) it could be either, and is not read."""
    kinds = {(c.kind, c.year) for c in columns if c.measure == "level"}
    resolved: list[Column | None] = []
    for column in columns:
        if column.measure == "growth" and column.kind == "unsaid":
            if len(kinds) == 1:
                kind, year = next(iter(kinds))
                column = Column("growth", kind, column.year if column.year is not None else year, False)
            elif not kinds:
                column = Column("growth", "actual", column.year, False)
            else:
                column = None
        resolved.append(column)
    return resolved


def _column(cell: str, title_year: int | None) -> Column | None:
    year_match = TITLE_YEAR.search(cell)
    year = int(year_match.group(1)) if year_match else title_year
    if GROWTH_COLUMN.search(cell):
        kind = "target" if TARGET_COLUMN.search(cell) else "actual" if ESTIMATE_COLUMN.search(cell) or year_match \
            else "unsaid"
        return Column("growth", kind, year, False)
    if TARGET_COLUMN.search(cell):
        return Column("level", "target", year, False)
    if ESTIMATE_COLUMN.search(cell):
        return Column("level", "actual", year, True)
    if OUTCOME_COLUMN.search(cell) or re.fullmatch(r"(?:19|20)\d\d\s*年(?:度)?", cell):
        return Column("level", "actual", year, False)
    return None


def _cells(line: str) -> list[str]:
    return [cell for cell in re.split(r"[ \t]+", line.strip()) if cell]


@dataclass(frozen=True)
class Row:
    label: str
    unit: str | None
    values: tuple[tuple[str, int, int], ...]  # cell text, start, end (offsets in the text)


def read_row(text: str, start: int, end: int, header: Header) -> Row | None:
    """A row's label, unit and value cells, when they line up with the header's columns."""
    line = text[start:end]
    cells = [(m.group(0), start + m.start(), start + m.end()) for m in re.finditer(r"[^ \t]+", line)]
    while cells and STATUS_CELL.match(cells[-1][0]):
        cells.pop()
    values = []
    while cells and (VALUE_CELL.match(cells[-1][0]) or BLANK_CELL.match(cells[-1][0])):
        values.insert(0, cells.pop())
    unit = None
    if header.unit_column and cells and UNIT_CELL.match(cells[-1][0]):
        unit = cells.pop()[0]
    if cells and ORDINAL.match(cells[0][0]):
        cells.pop(0)
    if not cells or len(values) != len(header.columns):
        return None
    label = "".join(cell for cell, _, _ in cells)
    in_label = LABEL_UNIT.search(label)
    if in_label:
        unit = unit or in_label.group(1)
        label = label[:in_label.start()] + label[in_label.end():]
    return Row(label, unit, tuple(values))


def indicator_of(label: str, vocab: Vocabulary) -> tuple[str, ...] | None:
    """The families a row label names, only when a spelling is the whole label."""
    cleaned = LABEL_PREFIX.sub("", label).strip()
    if not cleaned:
        return None
    hits = find_aliases(cleaned, 0, len(cleaned), vocab)
    if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(cleaned):
        return hits[0].indicators
    return None


def table_facts(text: str, doc: DocContext, vocab: Vocabulary) -> tuple[list[dict], set[int]]:
    """Facts read from the tables of a text, and the starts of the lines they consumed."""
    facts: list[dict] = []
    consumed: set[int] = set()
    header: Header | None = None
    since_header = 0
    recent: list[str] = []  # the lines above, for a table's title and its 单位 line
    for start, end in iter_paragraphs(text):
        line = text[start:end].strip()
        found = _header_here(line, recent, doc)
        if found is not None:
            header, since_header = found, 0
            consumed.add(start)
        elif header is not None:
            row = read_row(text, start, end, header)
            if row is None:
                since_header += 1
                if since_header > 1:
                    header = None  # the table has ended
            else:
                since_header = 0
                row_facts = _row_facts(row, header, doc, vocab, text, start, end)
                facts.extend(row_facts)
                consumed.add(start)
        recent = (recent + [line])[-HEADER_MAX_LINES_ABOVE:]
    return facts, consumed


def _header_here(line: str, recent: list[str], doc: DocContext) -> Header | None:
    if len(line) > 80:
        return None
    title_year = None
    level_unit = None
    for above in recent:
        unit_line = UNIT_LINE.match(above.strip())
        if unit_line:
            level_unit = unit_line["level"]
        elif re.match(r"^表\s*\d|.{0,30}(?:情况|指标|一览)", above):
            years = TITLE_YEAR.findall(above)
            title_year = int(years[-1]) if years else title_year
    return read_header(line, title_year, level_unit)


def _row_facts(row: Row, header: Header, doc: DocContext, vocab: Vocabulary, text: str,
               start: int, end: int) -> list[dict]:
    indicators = indicator_of(row.label, vocab)
    if not indicators or len(indicators) != 1:
        return []
    name = indicators[0]
    family = vocab.families[name]
    facts = []
    for column, (cell, value_start, value_end) in zip(header.columns, row.values):
        if column is None:
            continue  # a column whose meaning the header leaves open
        if BLANK_CELL.match(cell):
            value, masked = None, bool(re.match(r"[Xx*＊]", cell))
            if not masked:
                continue  # 一 or — : no figure in this cell
        else:
            value, masked = float(cell.replace(",", "").replace("−", "-")), False
        unit = _unit(column, row, header, family.kind)
        if unit is None:
            continue
        measure = column.measure
        if measure == "level" and family.kind == "rate":
            measure = "rate"
        period = column.year if column.year is not None else (
            doc.report_year if column.kind == "target" else doc.review_year)
        facts.append({
            "indicator": name, "measure": measure, "kind": column.kind, "estimated": column.estimated,
            "period": period, "period_start": period, "period_end": period, "scope": "annual",
            "value": value, "unit": unit, "qualifier": "exact", "qualifier_text": None, "masked": masked,
            "sentence": text[start:end], "start": start, "end": end, "value_text": cell,
            "value_start": value_start, "value_end": value_end,
            "basis": f"table:{header.text[:30]}",
        })
    return facts


def _unit(column: Column, row: Row, header: Header, family_kind: str) -> str | None:
    if column.measure == "growth":
        return "%"
    if family_kind == "rate":
        return "%" if row.unit in (None, "%") else None
    return row.unit or header.level_unit
