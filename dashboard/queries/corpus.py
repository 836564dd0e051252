"""The corpus itself: coverage of counties × years, document counts, rejected files, headline cards."""

from __future__ import annotations

import pandas as pd

from dashboard.queries.advice import rejection_advice
from dashboard.queries.facts import _pick_one
from dashboard.queries.labels import ANONYMOUS, CORRECTED_LABELS, DOC_STATUS_LABELS, HEADLINE_INDICATORS, county_label, format_value, label, truthy


def coverage_matrix(documents: pd.DataFrame) -> pd.DataFrame:
    """Accepted documents per county (rows) and report year (columns)."""
    ok = documents[documents["status"] == "ok"].copy()
    if ok.empty:
        return pd.DataFrame()
    ok["县"] = [county_label(c, a) for c, a in zip(ok["county"], ok["anonymised"])]
    ok["年份"] = ok["report_year"].map(lambda y: "年份不明" if pd.isna(y) else str(int(y)))
    matrix = ok.pivot_table(index="县", columns="年份", values="doc_id", aggfunc="count", fill_value=0)
    columns = sorted(matrix.columns, key=lambda c: (c == "年份不明", c))
    rows = sorted(matrix.index, key=lambda c: (c == ANONYMOUS, c))
    return matrix.loc[rows, columns].astype(int)


ABSENT = "缺"


def coverage_table(documents: pd.DataFrame) -> pd.DataFrame:
    """Counties × every year from the first to the last: document counts, 缺 where there is none."""
    matrix = coverage_matrix(documents)
    if matrix.empty:
        return pd.DataFrame()
    known = sorted(int(c) for c in matrix.columns if c != "年份不明")
    years = [str(y) for y in range(known[0], known[-1] + 1)] if known else []
    columns = years + (["年份不明"] if "年份不明" in matrix.columns else [])
    full = matrix.reindex(columns=columns, fill_value=0)
    shown = full.astype(object).where(full > 0, ABSENT).astype(str)
    shown.columns = [f"{c}年" if c.isdigit() else c for c in shown.columns]
    return shown.reset_index()


def document_counts(documents: pd.DataFrame) -> dict[str, int]:
    counts = documents["status"].value_counts()
    return {k: int(counts.get(k, 0)) for k in DOC_STATUS_LABELS}


def rejected_files(documents: pd.DataFrame) -> pd.DataFrame:
    """Files that did not get in: the full reason, and what to do about it."""
    bad = documents[documents["status"] != "ok"]
    return pd.DataFrame(
        {
            "文件": bad["source_file"],
            "状态": bad["status"].map(lambda s: label(DOC_STATUS_LABELS, s)),
            "原因": bad["error"].fillna("（未说明）"),
            "怎么办": bad["error"].map(rejection_advice),
        }
    ).reset_index(drop=True)


def headline(indicators: pd.DataFrame, county: str | None, year: int | None) -> list[dict]:
    """Cards for a county: each headline indicator's reported outcome for the year (or latest)."""
    cards = []
    if not county or indicators.empty:
        return cards
    mine = indicators[(indicators["county"] == county) & (indicators["kind"] == "actual") & (indicators["scope"] == "annual")]
    for indicator, measure in HEADLINE_INDICATORS:
        rows = mine[(mine["indicator"] == indicator) & (mine["measure"] == measure)]
        if rows.empty:
            continue
        if year is not None and (rows["period"] == year).any():
            rows = rows[rows["period"] == year]
        else:
            rows = rows[rows["period"] == rows["period"].max()]
        row = _pick_one(rows).iloc[0]
        notes = []
        if truthy(row["estimated"]):
            notes.append("预计")
        if not pd.isna(row["corrected"]):
            notes.append(label(CORRECTED_LABELS, row["corrected"]))
        cards.append(
            {
                "label": f"{indicator}{'增速' if measure == 'growth' else ''}（{int(row['period'])}年）",
                "value": format_value(row["value"], row["unit"], row["masked"], qualifier=row["qualifier"]),
                "note": "、".join(notes),
                "sentence": row["sentence"],
                "source_file": row["source_file"],
            }
        )
    return cards


# --- 县域对比 ------------------------------------------------------------------------------
