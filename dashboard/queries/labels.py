"""Chinese labels for every code and column, and how values are written on screen."""

from __future__ import annotations

import html
import math
import re

import pandas as pd

# --- Labels: the UI speaks Chinese, never column names --------------------------------

MEASURE_LABELS = {
    "level": "总量",
    "growth": "增速",
    "rate": "比率",
    "change": "变动（百分点）",
    "multiple": "倍数",
    "share": "占比",
}
KIND_LABELS = {"actual": "实绩", "target": "目标"}
STATUS_LABELS = {
    "met": "达成",
    "missed": "未达成",
    "no_outcome_yet": "待公布",
    "no_target": "无目标",
    "unknown": "无法判断",
}
QUALIFIER_LABELS = {"about": "左右", "at_least": "以上", "at_most": "以内", "range": "区间", "exact": "确切值"}
DOC_STATUS_LABELS = {"ok": "已入库", "rejected": "已拒收", "duplicate": "重复文件"}
SCOPE_LABELS = {
    "annual": "全年",
    "multi_year_avg": "多年平均",
    "cumulative": "累计",
    "half_year": "上半年",
    "first_three_quarters": "前三季度",
    "first_quarter": "一季度",
}
CORRECTED_LABELS = {"corrected": "已更正", "added": "人工补录"}
ANONYMOUS = "匿名文档"
MASKED = "已遮盖"
UNDISCLOSED = "未披露"
MISSING = "—"

COLUMN_LABELS = {
    "doc_id": "文档编号",
    "source_file": "来源文件",
    "sha256": "SHA-256",
    "status": "状态",
    "error": "原因",
    "warning": "提示",
    "county": "县",
    "city": "市",
    "province": "省",
    "report_year": "报告年份",
    "doc_type": "文档类型",
    "anonymised": "匿名",
    "title": "标题",
    "n_chars": "字数",
    "fact_id": "数值编号",
    "indicator": "指标",
    "measure": "口径",
    "kind": "类别",
    "estimated": "预计数",
    "period": "所属年份",
    "period_start": "起始年份",
    "period_end": "截止年份",
    "scope": "时段",
    "value": "数值",
    "unit": "单位",
    "qualifier": "限定",
    "qualifier_text": "限定原文",
    "masked": "已遮盖",
    "sentence": "来源句子",
    "start": "句子起点",
    "end": "句子终点",
    "value_text": "原文数值",
    "value_start": "数值起点",
    "value_end": "数值终点",
    "corrected": "更正",
    "target_value": "目标值",
    "target_unit": "目标单位",
    "target_qualifier": "目标限定",
    "target_qualifier_text": "目标限定原文",
    "target_doc": "目标文档",
    "target_fact_id": "目标数值编号",
    "target_sentence": "目标来源句子",
    "target_source_file": "目标来源文件",
    "actual_value": "实绩值",
    "actual_unit": "实绩单位",
    "actual_estimated": "实绩为预计数",
    "actual_doc": "实绩文档",
    "actual_doc_type": "实绩来源类型",
    "actual_fact_id": "实绩数值编号",
    "actual_sentence": "实绩来源句子",
    "actual_source_file": "实绩来源文件",
    "gap": "差距",
    "text": "正文",
    "term": "词语",
    "count": "次数",
    "tfidf": "TF-IDF",
    "slogan": "提法",
    "family": "提法类别",
    "first_sentence": "首次出现句子",
}

TABLE_LABELS = {
    "documents": "文档清单",
    "indicators": "指标数值",
    "targets_vs_outcomes": "目标与实绩",
    "keywords": "关键词",
    "slogans": "提法",
    "contexts": "词语语境",
    "sentences": "语境句子",
    "texts": "文档正文",
}

# Indicators where a smaller number is the better outcome.
_LOWER_IS_BETTER = ("失业率", "能耗", "PM2.5", "PM10", "事故", "死亡", "贫困发生率", "债务率")

HEADLINE_INDICATORS = (
    ("地区生产总值", "level"),
    ("地区生产总值", "growth"),
    ("一般公共预算收入", "growth"),
    ("固定资产投资", "growth"),
    ("社会消费品零售总额", "growth"),
    ("居民人均可支配收入", "growth"),
)


def higher_is_better(indicator: str) -> bool:
    return not any(part in (indicator or "") for part in _LOWER_IS_BETTER)


def county_label(county, anonymised=False) -> str:
    if truthy(anonymised) or county is None or pd.isna(county) or str(county).strip() == "":
        return ANONYMOUS
    return str(county)


# --- Formatting -----------------------------------------------------------------------


def truthy(flag) -> bool:
    """A nullable boolean cell as a plain bool (null → False); numpy and pandas scalars alike."""
    return False if flag is None or pd.isna(flag) else bool(flag)


def format_number(value) -> str:
    if value is None or pd.isna(value):
        return MISSING
    value = float(value)
    if math.isclose(value, round(value)) and abs(value) >= 1:
        return f"{int(round(value)):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


QUALIFIER_SUFFIX = {"about": "左右", "at_least": "以上", "at_most": "以内"}


def format_value(value, unit=None, masked=False, exists=True, qualifier=None) -> str:
    """A value as shown on screen: masked → 已遮盖, undisclosed → 未披露, absent → —.

    ``qualifier`` adds its words (300亿元以上 for 突破300亿元, 3.5%以内 for a ceiling).
    """
    if not exists:
        return MISSING
    if truthy(masked):
        return MASKED
    if value is None or pd.isna(value):
        return UNDISCLOSED
    unit = "" if unit is None or pd.isna(unit) else str(unit)
    suffix = QUALIFIER_SUFFIX.get(qualifier, "") if isinstance(qualifier, str) else ""
    return f"{format_number(value)}{unit}{suffix}"


def wrap(text, width: int = 26, limit: int = 260) -> str:
    """Wrap a Chinese sentence for a plotly hover label (``<br>`` breaks, HTML-escaped)."""
    if text is None or pd.isna(text):
        return ""
    text = str(text).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    return "<br>".join(html.escape(line) for line in lines)


def label(mapping: dict, key) -> str:
    if key is None or pd.isna(key):
        return MISSING
    return mapping.get(str(key), str(key))


# --- Document names -------------------------------------------------------------------------

# A heading inside a report ("二、2022年经济社会发展计划初步安排", "（一）主要指标") is sometimes all
# the identification found as a "title": such a line is never shown as the document's name.
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．]|第[一二三四五六七八九十\d]+[部分章节篇])")
# What the name of a whole document says it is.
_DOCUMENT_WORDS = re.compile(r"报告|公报|汇报|决议|纲要|要点|摘要|讲话|执行情况|任务分解|分解表|白皮书|年鉴|工作总结|计划(?:草案)?$")
TITLE_MAX_CHARS = 60  # 关于…计划执行情况与…计划草案的报告 runs to ~50


def is_document_title(title) -> bool:
    """Whether ``title`` names a whole document, not a section heading or a sentence."""
    if not isinstance(title, str) or not title.strip():
        return False
    text = title.strip()
    return len(text) <= TITLE_MAX_CHARS and not _HEADING.match(text) and bool(_DOCUMENT_WORDS.search(text))


def document_name(title, county, year, doc_type, source_file) -> str:
    """The name to show for a document: its real title, else county + year + kind
    (``浚县2022年计划执行情况报告``), else its file name."""
    if is_document_title(title):
        return title.strip()
    parts = [p for p in (
        "" if not isinstance(county, str) else county,
        "" if year is None or pd.isna(year) else f"{int(year)}年",
        "" if not isinstance(doc_type, str) else doc_type,
    ) if p]
    if isinstance(doc_type, str) and parts:
        return "".join(parts)
    return str(source_file) if isinstance(source_file, str) and source_file else ("".join(parts) or "（未命名文档）")
