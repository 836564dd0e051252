"""目标与实绩: a county's targets against its outcomes, hit rates."""

from __future__ import annotations

import pandas as pd

from dashboard.queries.labels import CORRECTED_LABELS, MISSING, QUALIFIER_LABELS, STATUS_LABELS, format_value, label, truthy


def source_files(refs: pd.Series, documents: pd.DataFrame) -> pd.Series:
    """The source file for each document reference, whether it is a doc_id or already a file path."""
    if documents.empty:
        return refs.astype("string")
    by_id = documents.drop_duplicates("doc_id").set_index("doc_id")["source_file"]
    mapped = refs.map(by_id)
    return mapped.where(mapped.notna(), refs).astype("string")


def timeline(tvo: pd.DataFrame, documents: pd.DataFrame, county: str, indicator: str, measure: str, indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Targets against outcomes for one county and indicator, with the source file of each side.

    With ``indicators`` (corrections applied), corrected values replace the paired ones and
    ``target_corrected`` / ``actual_corrected`` say so; the met/missed verdict is the build's
    until the next rebuild re-pairs them.
    """
    rows = tvo[(tvo["county"] == county) & (tvo["indicator"] == indicator) & (tvo["measure"] == measure)]
    rows = rows.assign(target_source_file=source_files(rows["target_doc"], documents), actual_source_file=source_files(rows["actual_doc"], documents))
    rows = rows.assign(target_corrected=pd.Series(pd.NA, index=rows.index, dtype="string"), actual_corrected=pd.Series(pd.NA, index=rows.index, dtype="string"))
    if indicators is not None and not indicators.empty and not rows.empty:
        fixed = indicators[indicators["corrected"].notna()].drop_duplicates("fact_id").set_index("fact_id")
        for side in ("target", "actual"):
            hit = rows[f"{side}_fact_id"].isin(fixed.index)
            if hit.any():
                ids = rows.loc[hit, f"{side}_fact_id"]
                rows.loc[hit, f"{side}_value"] = fixed.loc[ids, "value"].to_numpy()
                rows.loc[hit, f"{side}_corrected"] = fixed.loc[ids, "corrected"].to_numpy()
    return rows.sort_values(["period", "actual_estimated"], na_position="first", kind="mergesort").reset_index(drop=True)


def timeline_options(tvo: pd.DataFrame, county: str | None) -> list[tuple[str, str]]:
    rows = tvo[tvo["county"] == county] if county else tvo
    pairs = rows[["indicator", "measure"]].drop_duplicates().dropna()
    return sorted(map(tuple, pairs.values.tolist()))


def hit_rates(tvo: pd.DataFrame, indicator: str | None = None) -> pd.DataFrame:
    rows = tvo[tvo["county"].notna()]
    if indicator:
        rows = rows[rows["indicator"] == indicator]
    if rows.empty:
        return pd.DataFrame(columns=["县", "达成", "未达成", "待公布", "命中率"])
    # An estimated and a final outcome for the same target count once: the final one.
    rows = rows.sort_values("actual_estimated", na_position="first").drop_duplicates(
        ["county", "indicator", "measure", "period"], keep="first"
    )
    table = pd.DataFrame(
        {
            "县": rows["county"],
            "达成": rows["status"] == "met",
            "未达成": rows["status"] == "missed",
            "待公布": rows["status"] == "no_outcome_yet",
        }
    ).groupby("县").sum()
    return hit_table(table)


def hit_table(table: pd.DataFrame) -> pd.DataFrame:
    """Counts per county (indexed by 县: 达成, 未达成, 待公布) with the 命中率, sorted by county;
    from ``hit_rates`` or from the engine's sums (``view_rows.hit_counts``)."""
    if table.empty:
        return pd.DataFrame(columns=["县", "达成", "未达成", "待公布", "命中率"])
    table = table.astype("int64")
    judged = table["达成"] + table["未达成"]
    table["命中率"] = [f"{a / j:.0%}" if j else MISSING for a, j in zip(table["达成"], judged)]
    return table.reset_index().sort_values("县").reset_index(drop=True)


def target_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The timeline rows as a readable table with their sources."""
    return pd.DataFrame(
        {
            "年份": rows["period"],
            "目标": [
                format_value(v, u, exists=not pd.isna(d)) + (f"（{label(QUALIFIER_LABELS, q)}）" if not pd.isna(q) and not pd.isna(d) else "")
                for v, u, q, d in zip(rows["target_value"], rows["target_unit"], rows["target_qualifier"], rows["target_doc"])
            ],
            "实绩": [
                format_value(v, u, exists=not pd.isna(d)) + ("（预计）" if truthy(e) else "") + (f"（{label(CORRECTED_LABELS, c)}）" if not pd.isna(c) else "")
                for v, u, e, d, c in zip(rows["actual_value"], rows["actual_unit"], rows["actual_estimated"], rows["actual_doc"], rows.get("actual_corrected", pd.Series(pd.NA, index=rows.index)))
            ],
            "结果": rows["status"].map(lambda s: STATUS_SYMBOLS.get(s, label(STATUS_LABELS, s))),
            "目标来源句子": rows["target_sentence"].fillna(""),
            "目标来源文件": rows["target_source_file"].fillna("") if "target_source_file" in rows else "",
            "实绩来源句子": rows["actual_sentence"].fillna(""),
            "实绩来源文件": rows["actual_source_file"].fillna("") if "actual_source_file" in rows else "",
        }
    )


STATUS_SYMBOLS = {"met": "✔ 达成", "missed": "✘ 未达成", "no_outcome_yet": "◌ 待公布", "no_target": "· 无目标", "unknown": "？ 无法判断"}
