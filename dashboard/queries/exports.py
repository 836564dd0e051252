"""数据: the document list, tables for download, facts offered for correction."""

from __future__ import annotations

import pandas as pd

from dashboard.queries.labels import (
    CORRECTED_LABELS, COLUMN_LABELS, DOC_STATUS_LABELS, KIND_LABELS, MASKED, MEASURE_LABELS, QUALIFIER_LABELS,
    SCOPE_LABELS, STATUS_LABELS, county_label, format_value, label, truthy,
)
from dashboard.queries.facts import where
from dashboard.queries.targets import source_files


def documents_view(documents: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "文件": documents["source_file"],
            "状态": documents["status"].map(lambda s: label(DOC_STATUS_LABELS, s)),
            "原因": documents["error"].fillna(""),
            "提示": documents["warning"].fillna("") if "warning" in documents else "",
            "县": [county_label(c, a) if s == "ok" else (c if not pd.isna(c) else "") for c, a, s in zip(documents["county"], documents["anonymised"], documents["status"])],
            "报告年份": documents["report_year"],
            "类型": documents["doc_type"].fillna(""),
            "标题": documents["title"].fillna(""),
            "字数": documents["n_chars"],
        }
    )


def export_frame(name: str, frame: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """A table for download: every row carries its source file, headers in Chinese."""
    frame = frame.copy()
    files = documents.set_index("doc_id")["source_file"] if not documents.empty else pd.Series(dtype="string")
    files = files[~files.index.duplicated()]
    if name == "targets_vs_outcomes":
        frame.insert(frame.columns.get_loc("target_doc") + 1, "target_source_file", source_files(frame["target_doc"], documents))
        frame.insert(frame.columns.get_loc("actual_doc") + 1, "actual_source_file", source_files(frame["actual_doc"], documents))
    elif "source_file" not in frame.columns and "doc_id" in frame.columns:
        frame.insert(1, "source_file", frame["doc_id"].map(files))
    for column, mapping in (("measure", MEASURE_LABELS), ("kind", KIND_LABELS), ("qualifier", QUALIFIER_LABELS), ("target_qualifier", QUALIFIER_LABELS), ("scope", SCOPE_LABELS), ("corrected", CORRECTED_LABELS)):
        if column in frame.columns:
            frame[column] = frame[column].map(lambda v, m=mapping: m.get(v, v) if not pd.isna(v) else v)
    if name == "targets_vs_outcomes":
        frame["status"] = frame["status"].map(lambda v: label(STATUS_LABELS, v))
    elif name == "documents":
        frame["status"] = frame["status"].map(lambda v: label(DOC_STATUS_LABELS, v))
    if "value" in frame.columns and "masked" in frame.columns:
        # A masked value is unknown, not empty: say so in the cell.
        frame["value"] = [MASKED if truthy(m) else v for v, m in zip(frame["value"], frame["masked"])]
    return frame.rename(columns=COLUMN_LABELS)


def facts_for_correction(indicators: pd.DataFrame, county: str | None, year: int | None, indicator: str | None) -> pd.DataFrame:
    rows = where(indicators, county=county, indicator=indicator, period=year)
    return rows.sort_values(["period", "indicator", "measure", "kind"]).reset_index(drop=True)


def fact_label(row) -> str:
    return (
        f"{row['indicator']} · {label(MEASURE_LABELS, row['measure'])} · {label(KIND_LABELS, row['kind'])} · "
        f"{'' if pd.isna(row['period']) else int(row['period'])}年 · {format_value(row['value'], row['unit'], row['masked'], qualifier=row['qualifier'])}"
        + (f" · {label(CORRECTED_LABELS, row['corrected'])}" if not pd.isna(row["corrected"]) else "")
    )


MISSING_FLAG = ""
YEAR_COLUMNS = ("period", "period_start", "period_end", "report_year", "年份", "所属年份", "起始年份", "截止年份", "报告年份")


def export_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame as a person reads it in Excel: 是/否 instead of True/False, years as integers."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_bool_dtype(series) or (series.dtype == object and series.dropna().map(lambda v: isinstance(v, bool)).all() and series.notna().any()):
            out[column] = series.map(lambda v: MISSING_FLAG if pd.isna(v) else ("是" if bool(v) else "否")).astype(object)
        elif column in YEAR_COLUMNS and pd.api.types.is_numeric_dtype(series):
            out[column] = series.round().astype("Int64")
    return out



CORRECTION_ACTIONS = {"correct": "更正", "hide": "隐藏", "add": "补录"}


def corrections_view(recorded: pd.DataFrame) -> pd.DataFrame:
    """The corrections file as the 数据 page lists it: Chinese headers and actions, 北京时间."""
    from dashboard.queries.cockpit import beijing_time

    return pd.DataFrame(
        {
            "序号": recorded["n"], "操作": recorded["action"].map(lambda a: CORRECTION_ACTIONS.get(a, a)),
            "指标": recorded["indicator"], "年份": recorded["period"], "数值": recorded["value"], "单位": recorded["unit"],
            "说明": recorded["note"], "更正人": recorded["author"], "时间": recorded["created_at"].map(beijing_time),
        }
    )
