"""政策热词: term frequencies, slogan trends, distinctive terms, keyword in context."""

from __future__ import annotations

import html
import re

import pandas as pd

from dashboard.queries.labels import county_label


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
