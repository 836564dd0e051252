"""Questions the pages ask of the tables: pure pandas, no Streamlit, no I/O.

Every function takes contract frames (see ``pipeline.contracts``) and returns a small
frame or dict ready for a chart builder or a table. Masked values stay null with their
``masked`` flag so that nothing downstream can mistake them for zero.
"""

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


# --- Options for the global selections --------------------------------------------------


def county_options(documents: pd.DataFrame, indicators: pd.DataFrame) -> list[str]:
    names = set()
    if not documents.empty:
        ok = documents[(documents["status"] == "ok") & ~documents["anonymised"].fillna(False)]
        names |= set(ok["county"].dropna())
    if not indicators.empty:
        names |= set(indicators["county"].dropna())
    return sorted(n for n in names if str(n).strip())


def default_county(documents: pd.DataFrame, indicators: pd.DataFrame) -> str | None:
    """The named county with the most facts: the richest first view."""
    rows = comparable(indicators)
    if rows.empty:
        options = county_options(documents, indicators)
        return options[0] if options else None
    counts = rows.groupby("county").size()
    return str(sorted(counts.index, key=lambda c: (-counts[c], c))[0])


def year_options(documents: pd.DataFrame, indicators: pd.DataFrame) -> list[int]:
    years = set()
    if not indicators.empty:
        years |= {int(y) for y in indicators["period"].dropna()}
    if not documents.empty:
        years |= {int(y) for y in documents.loc[documents["status"] == "ok", "report_year"].dropna()}
    return sorted(years, reverse=True)


def default_year(indicators: pd.DataFrame, county: str | None = None, indicator: str | None = None) -> int | None:
    """A sensible first year: where the first county reports the first indicator, with the
    most other counties reporting it too, latest first; else the year richest in outcomes."""
    rows = comparable(indicators)
    rows = rows[(rows["kind"] == "actual") & rows["value"].notna() & rows["period"].notna() & (rows["scope"] == "annual")]
    if rows.empty:
        return None
    if county and indicator:
        same = rows[rows["indicator"] == indicator]
        mine = set(same.loc[same["county"] == county, "period"].astype(int))
        if mine:
            counties = same.groupby("period")["county"].nunique()
            return int(max(mine, key=lambda y: (counties.get(y, 0), y)))
    counties = rows.groupby("period")["county"].nunique()
    facts = rows.groupby("period").size()
    return int(max(counties.index, key=lambda y: (counties[y], facts[y], y)))


def indicator_options(indicators: pd.DataFrame) -> list[str]:
    if indicators.empty:
        return []
    counts = indicators.dropna(subset=["indicator"]).groupby("indicator").size().sort_values(ascending=False)
    ordered = list(counts.index)
    if "地区生产总值" in ordered:
        ordered.remove("地区生产总值")
        ordered.insert(0, "地区生产总值")
    return ordered


def measure_options(indicators: pd.DataFrame, indicator: str | None) -> list[str]:
    rows = indicators[indicators["indicator"] == indicator] if indicator else indicators
    found = set(rows["measure"].dropna())
    return [m for m in MEASURE_LABELS if m in found] + sorted(found - set(MEASURE_LABELS))


# --- 总览 --------------------------------------------------------------------------------


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


def document_counts(documents: pd.DataFrame) -> dict[str, int]:
    counts = documents["status"].value_counts()
    return {k: int(counts.get(k, 0)) for k in DOC_STATUS_LABELS}


def rejected_files(documents: pd.DataFrame) -> pd.DataFrame:
    bad = documents[documents["status"] != "ok"]
    return pd.DataFrame(
        {
            "文件": bad["source_file"],
            "状态": bad["status"].map(lambda s: label(DOC_STATUS_LABELS, s)),
            "原因": bad["error"].fillna("（未说明）"),
        }
    ).reset_index(drop=True)


def _pick_one(rows: pd.DataFrame) -> pd.DataFrame:
    """One fact per county: final before estimate, values before masks, later reports first."""
    if rows.empty:
        return rows
    rows = rows.assign(
        _est=rows["estimated"].fillna(False).astype(bool),
        _nov=rows["value"].isna(),
        _ry=-rows["report_year"].fillna(0).astype("int64"),
    )
    rows = rows.sort_values(["county", "_est", "_nov", "_ry", "fact_id"], kind="mergesort")
    return rows.drop_duplicates("county").drop(columns=["_est", "_nov", "_ry"])


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


def comparable(indicators: pd.DataFrame) -> pd.DataFrame:
    """Facts from named counties (anonymised templates are not counties)."""
    return indicators[indicators["county"].notna() & (indicators["county"].astype("string").str.strip() != "")]


def ranking(indicators: pd.DataFrame, indicator: str, measure: str, year: int, kind: str = "actual") -> pd.DataFrame:
    """One row per county for an indicator/measure/year, best first, masked and undisclosed last."""
    rows = comparable(indicators)
    rows = rows[
        (rows["indicator"] == indicator)
        & (rows["measure"] == measure)
        & (rows["kind"] == kind)
        & (rows["period"] == year)
        & (rows["scope"] == "annual")
    ]
    rows = _pick_one(rows)
    if rows.empty:
        return rows.assign(display=pd.Series(dtype="string"))
    rows = rows.assign(display=[format_value(v, u, m, qualifier=q) for v, u, m, q in zip(rows["value"], rows["unit"], rows["masked"], rows["qualifier"])])
    ascending = not higher_is_better(indicator)
    rows = rows.sort_values(["value", "county"], ascending=[ascending, True], na_position="last", kind="mergesort")
    return rows.reset_index(drop=True)


def median_value(rank: pd.DataFrame) -> float | None:
    """The median of the counties with a value; None below two (a median of one says nothing)."""
    values = rank["value"].dropna() if not rank.empty else pd.Series(dtype=float)
    return float(values.median()) if len(values) >= 2 else None


def compare_flag(mine, theirs, indicator: str) -> str:
    if mine is None or theirs is None or pd.isna(mine) or pd.isna(theirs):
        return "无法比较"
    if math.isclose(float(mine), float(theirs), abs_tol=1e-9):
        return "持平"
    better = float(mine) > float(theirs) if higher_is_better(indicator) else float(mine) < float(theirs)
    return "更好" if better else "更差"


FLAG_SYMBOLS = {"更好": "▲ {focal}更好", "更差": "▼ {focal}更差", "持平": "＝ 持平", "无法比较": "— 无法比较"}


def peer_table(rank: pd.DataFrame, focal: str | None, indicator: str) -> pd.DataFrame:
    """Each peer against the focal county: is the focal county better or worse than it?"""
    if rank.empty:
        return pd.DataFrame(columns=["名次", "县", "数值", f"{focal or '所选县'}与之相比", "更正", "来源文件", "来源句子"])
    focal_rows = rank[rank["county"] == focal]
    mine = focal_rows["value"].iloc[0] if not focal_rows.empty else None
    out = pd.DataFrame(
        {
            "名次": [i + 1 if not pd.isna(v) else None for i, v in enumerate(rank["value"])],
            "县": rank["county"],
            "数值": rank["display"],
            f"{focal or '所选县'}与之相比": [
                "（所选县）" if c == focal else FLAG_SYMBOLS[compare_flag(mine, v, indicator)].format(focal=focal or "所选县")
                for c, v in zip(rank["county"], rank["value"])
            ],
            "更正": rank["corrected"].map(lambda c: label(CORRECTED_LABELS, c) if not pd.isna(c) else ""),
            "来源文件": rank["source_file"],
            "来源句子": rank["sentence"],
        }
    )
    out["名次"] = out["名次"].astype("Int64")
    return out


def focal_summary(rank: pd.DataFrame, focal: str | None, indicator: str) -> str:
    if rank.empty:
        return ""
    med = median_value(rank)
    rows = rank[rank["county"] == focal]
    if rows.empty:
        return f"{focal or '所选县'}在这一年没有该指标的数值。"
    row = rows.iloc[0]
    if pd.isna(row["value"]):
        return f"{focal}的数值{row['display']}，无法与其他县比较。"
    n = int(rank["value"].notna().sum())
    pos = int(rank.index[rank["county"] == focal][0]) + 1
    if med is None or n < 2:
        return f"{focal}：{row['display']}。只有一个县有数值，无法排名。"
    flag = compare_flag(row["value"], med, indicator)
    direction = "数值越低越好" if not higher_is_better(indicator) else "数值越高越好"
    return f"{focal}：{row['display']}，在 {n} 个有数值的县中排第 {pos}，较中位数 {format_number(med)}{flag}（{direction}）。"


def sort_multi(values: pd.DataFrame, display: pd.DataFrame, by: str | None, sources: pd.DataFrame | None = None):
    """The display table sorted by one indicator, best first; masked and missing last.

    With ``sources`` returns ``(table, tooltips)`` in the same order.
    """
    if values.empty:
        return (display, sources) if sources is not None else display
    order = list(values.index)
    if by in values.columns:
        column = values[by]
        ranked = column.dropna().sort_values(ascending=not higher_is_better(by), kind="mergesort")
        order = list(ranked.index) + [c for c in values.index if c not in ranked.index]
    table = display.loc[order].reset_index()
    table = table.rename(columns={table.columns[0]: "县"})
    if sources is None:
        return table
    tips = sources.reindex(index=order, columns=display.columns).reset_index(drop=True)
    tips.insert(0, "县", None)
    return table, tips


def multi_indicator(indicators: pd.DataFrame, year: int, measure: str, kind: str = "actual") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Counties × indicators: numeric values (for sorting) and a same-shaped frame of display text."""
    rows = comparable(indicators)
    rows = rows[(rows["measure"] == measure) & (rows["kind"] == kind) & (rows["period"] == year) & (rows["scope"] == "annual")]
    if rows.empty:
        return pd.DataFrame(), pd.DataFrame()
    picked = rows.groupby("indicator", group_keys=False)[rows.columns].apply(_pick_one)
    picked = picked.assign(display=[format_value(v, u, m, qualifier=q) for v, u, m, q in zip(picked["value"], picked["unit"], picked["masked"], picked["qualifier"])])
    values = picked.pivot(index="county", columns="indicator", values="value").astype("Float64")
    display = picked.pivot(index="county", columns="indicator", values="display").reindex_like(values)
    display = display.where(display.notna(), MISSING)
    picked = picked.assign(source=[f"{s}\n来源文件：{f}" for s, f in zip(picked["sentence"].fillna(""), picked["source_file"].fillna(""))])
    sources = picked.pivot(index="county", columns="indicator", values="source").reindex_like(values)
    display.attrs["sources"] = sources
    return values, display


# --- 目标与实绩 --------------------------------------------------------------------------


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


# --- 政策热词 ----------------------------------------------------------------------------


def policy_slogans(slogans: pd.DataFrame) -> pd.DataFrame:
    """Only phrases classified as slogans: “十四五” is a plan period, 全国文明城市 an honour."""
    return slogans[slogans["kind"] == "slogan"]


def term_frequencies(table: pd.DataFrame, term_column: str, *, doc_id=None, county=None, year=None, top: int | None = None) -> pd.DataFrame:
    """Summed counts of terms (keywords or slogans) for a document, a county, a year or everything."""
    rows = table
    if doc_id:
        rows = rows[rows["doc_id"] == doc_id]
    if county:
        rows = rows[rows["county"] == county]
    if year:
        rows = rows[rows["report_year"] == year]
    if rows.empty:
        return pd.DataFrame({"term": pd.Series(dtype="string"), "count": pd.Series(dtype="Int64")})
    freq = rows.groupby(term_column, as_index=False)["count"].sum().rename(columns={term_column: "term"})
    freq = freq.sort_values(["count", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    return freq.head(top) if top else freq


def slogan_trend(slogans: pd.DataFrame, top: int = 8, county: str | None = None) -> pd.DataFrame:
    rows = slogans[slogans["report_year"].notna()]
    if county:
        rows = rows[rows["county"] == county]
    if rows.empty:
        return pd.DataFrame(columns=["slogan", "report_year", "count"])
    leaders = rows.groupby("slogan")["count"].sum().sort_values(ascending=False).head(top).index
    trend = rows[rows["slogan"].isin(leaders)].groupby(["slogan", "report_year"], as_index=False)["count"].sum()
    return trend.sort_values(["slogan", "report_year"]).reset_index(drop=True)


def fallback_distinctive(freq_a: pd.DataFrame, freq_b: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Share-of-words difference, used only while ``pipeline.keywords.compare_terms`` is absent."""
    a = freq_a.set_index("term")["count"].astype(float)
    b = freq_b.set_index("term")["count"].astype(float)
    both = pd.concat([a.rename("count_a"), b.rename("count_b")], axis=1).fillna(0.0)
    if both.empty:
        return pd.DataFrame(columns=["term", "count_a", "count_b", "z", "side"])
    share = both["count_a"] / max(both["count_a"].sum(), 1) - both["count_b"] / max(both["count_b"].sum(), 1)
    both["z"] = share / share.abs().max() if share.abs().max() else share
    both["side"] = ["a" if z > 0 else "b" for z in both["z"]]
    both = both.reset_index(names="term")
    left = both[both["z"] > 0].nlargest(top, "z")
    right = both[both["z"] < 0].nsmallest(top, "z")
    return pd.concat([left, right], ignore_index=True)


def kwic(contexts: pd.DataFrame, documents: pd.DataFrame, term: str, limit: int = 60) -> pd.DataFrame:
    rows = contexts[contexts["term"] == term]
    if rows.empty:
        return pd.DataFrame(columns=["县", "年份", "句子", "来源文件", "html"])
    docs = documents.set_index("doc_id")[["source_file", "county", "report_year", "anonymised"]]
    rows = rows.join(docs, on="doc_id").sort_values(["report_year", "county", "start"], na_position="last").head(limit)
    pattern = re.compile(re.escape(html.escape(term)))
    return pd.DataFrame(
        {
            "县": [county_label(c, a) for c, a in zip(rows["county"], rows["anonymised"])],
            "年份": rows["report_year"],
            "句子": rows["sentence"],
            "来源文件": rows["source_file"],
            "html": [pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", html.escape(str(s))) for s in rows["sentence"]],
        }
    ).reset_index(drop=True)


def term_options(contexts: pd.DataFrame, keywords: pd.DataFrame, slogans: pd.DataFrame) -> list[str]:
    if contexts.empty:
        return []
    weight = pd.concat(
        [keywords.groupby("term")["count"].sum(), slogans.groupby("slogan")["count"].sum()]
    ).groupby(level=0).sum()
    terms = contexts["term"].dropna().unique().tolist()
    return sorted(terms, key=lambda t: (-float(weight.get(t, 0)), t))


def document_options(documents: pd.DataFrame) -> dict[str, str]:
    ok = documents[documents["status"] == "ok"].sort_values(["report_year", "county"], na_position="last")
    return {
        row.doc_id: f"{county_label(row.county, row.anonymised)} {'' if pd.isna(row.report_year) else int(row.report_year)} {row.title if not pd.isna(row.title) else row.source_file}"
        for row in ok.itertuples()
    }


# --- 数据 --------------------------------------------------------------------------------


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
    rows = indicators
    if county:
        rows = rows[rows["county"] == county]
    if indicator:
        rows = rows[rows["indicator"] == indicator]
    if year:
        rows = rows[rows["period"] == year]
    return rows.sort_values(["period", "indicator", "measure", "kind"]).reset_index(drop=True)


def fact_label(row) -> str:
    return (
        f"{row['indicator']} · {label(MEASURE_LABELS, row['measure'])} · {label(KIND_LABELS, row['kind'])} · "
        f"{'' if pd.isna(row['period']) else int(row['period'])}年 · {format_value(row['value'], row['unit'], row['masked'], qualifier=row['qualifier'])}"
        + (f" · {label(CORRECTED_LABELS, row['corrected'])}" if not pd.isna(row["corrected"]) else "")
    )
