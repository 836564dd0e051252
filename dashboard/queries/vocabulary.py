"""政策热词: term frequencies, slogan trends, distinctive terms, keyword in context."""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from dashboard.queries.facts import where
from dashboard.queries.labels import county_label, is_document_title


def policy_slogans(slogans: pd.DataFrame) -> pd.DataFrame:
    """Only phrases classified as slogans: “十四五” is a plan period, 全国文明城市 an honour."""
    return slogans[slogans["kind"] == "slogan"]


def term_frequencies(table: pd.DataFrame, term_column: str, *, doc_id=None, county=None, year=None, top: int | None = None,
                     by_documents: bool = False) -> pd.DataFrame:
    """Summed counts of terms (keywords or slogans) for a document, a county, a year or everything.

    ``by_documents`` (slogans): rank by documents, not raw mentions: each document adds
    1 + ln(its mentions) to ``weight`` (``pipeline.slogans.slogan_cloud_weights``' rule, what the
    cloud draws), ``documents`` says how many documents a term comes from, and rows are ranked by
    documents, then mentions: one report repeating a slogan does not outweigh many reports using it.
    """
    rows = where(table, doc_id=doc_id, county=county, report_year=year)
    if rows.empty:
        return pd.DataFrame({"term": pd.Series(dtype="string"), "count": pd.Series(dtype="Int64")})
    if by_documents and "doc_id" in rows.columns:
        return _document_weighted(rows, term_column, top)
    freq = rows.groupby(term_column, as_index=False)["count"].sum().rename(columns={term_column: "term"})
    freq = freq.sort_values(["count", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    return freq.head(top) if top else freq


def _document_weighted(rows: pd.DataFrame, term_column: str, top: int | None) -> pd.DataFrame:
    per_doc = rows.groupby([term_column, "doc_id"], as_index=False)["count"].sum()
    per_doc = per_doc[per_doc["count"] > 0]
    per_doc["weight"] = 1.0 + np.log(per_doc["count"].astype(float))
    freq = per_doc.groupby(term_column, as_index=False).agg(
        count=("count", "sum"), documents=("doc_id", "nunique"), weight=("weight", "sum"))
    freq = freq.rename(columns={term_column: "term"})
    # Ranked by how many documents use a term, then by mentions: what the bar shows.
    freq = freq.sort_values(["documents", "count", "term"], ascending=[False, False, True], kind="mergesort").reset_index(drop=True)
    return freq.head(top) if top else freq


def slogan_trend(slogans: pd.DataFrame, top: int = 8, county: str | None = None) -> pd.DataFrame:
    rows = where(slogans[slogans["report_year"].notna()], county=county)
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


def kwic(contexts: pd.DataFrame, documents: pd.DataFrame, term: str, limit: int | None = 60) -> pd.DataFrame:
    """The term's sentences in (year, county, offset) order, each sentence of a file once:
    县, 年份, sentence_id and doc_id (``kwic_rows`` adds the sentence to those shown), 来源文件.
    Contexts rows carry no sentence, so any number of them is cheap to sort and filter."""
    rows = contexts[contexts["term"] == term]
    if rows.empty:
        return pd.DataFrame(columns=["县", "年份", "sentence_id", "doc_id", "来源文件"])
    docs = documents.set_index("doc_id")[["source_file", "county", "report_year", "anonymised"]]
    rows = rows.join(docs, on="doc_id").sort_values(["report_year", "county", "start"], na_position="last")
    rows = pd.DataFrame(
        {
            "县": [county_label(c, a) for c, a in zip(rows["county"], rows["anonymised"])],
            "年份": rows["report_year"],
            "sentence_id": rows["sentence_id"],
            "doc_id": rows["doc_id"],
            "来源文件": rows["source_file"],
        }
    )
    # -1 (no sentence) shows the term itself: one such row per file, as one sentence would be.
    rows = rows.drop_duplicates(["sentence_id", "来源文件"]).reset_index(drop=True)
    return rows.head(limit) if limit else rows


def kwic_rows(rows: pd.DataFrame, term: str) -> pd.DataFrame:
    """Rows of ``kwic`` joined with their sentence (``sentence`` column, missing where the
    occurrence is in no sentence), drawn: 句子 and its html with the term marked."""
    texts = [term if pd.isna(s) else str(s) for s in rows["sentence"]] if "sentence" in rows else [term] * len(rows)
    pattern = re.compile(re.escape(html.escape(term)))
    out = rows.drop(columns=[c for c in ("sentence", "sentence_id", "doc_id") if c in rows]).reset_index(drop=True)
    out.insert(2, "句子", texts)
    out["html"] = [pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", html.escape(s)) for s in texts]
    return out


def term_options(term_idf: pd.DataFrame, keywords: pd.DataFrame, slogans: pd.DataFrame) -> list[str]:
    """The terms 词语语境 offers: those some report ranks among its best (``term_idf.ranked``)
    and every slogan, the most counted first, ties by name."""
    weight = pd.concat(
        [keywords.groupby("term")["count"].sum(), slogans.groupby("slogan")["count"].sum()]
    ).groupby(level=0).sum()
    ranked = term_idf.loc[term_idf["ranked"].fillna(False).astype(bool), "term"].dropna()
    terms = set(ranked.tolist()) | set(slogans["slogan"].dropna().tolist())
    return sorted(terms, key=lambda t: (-float(weight.get(t, 0)), t))


def _short_name(row) -> str:
    """After county and year: the real title, else the kind and the file (a heading is no title)."""
    if is_document_title(row.title):
        return row.title.strip()
    kind = row.doc_type if isinstance(row.doc_type, str) else ""
    return f"{kind}（{row.source_file}）" if kind else str(row.source_file)


def document_options(documents: pd.DataFrame) -> dict[str, str]:
    ok = documents[documents["status"] == "ok"].sort_values(["report_year", "county"], na_position="last")
    return {
        row.doc_id: f"{county_label(row.county, row.anonymised)} {'' if pd.isna(row.report_year) else int(row.report_year)} {_short_name(row)}"
        for row in ok.itertuples()
    }


# --- Focused on the selected county and year ------------------------------------------------------

SCOPE_LABELS_VOCAB = {"county_year": "所选县 · 所选年份", "county": "所选县 · 全部年份", "corpus": "全部文档", "document": "单篇文档"}


def scope_filter(scope: str, county: str | None, year: int | None, doc_id: str | None = None) -> dict:
    """The term_frequencies filters of a 范围 choice."""
    return {
        "county_year": {"county": county, "year": year},
        "county": {"county": county},
        "document": {"doc_id": doc_id},
    }.get(scope, {})


def reports_per_year(documents: pd.DataFrame, county: str | None = None) -> pd.Series:
    """Accepted documents per report year (the county's, or every named county's)."""
    ok = documents[(documents["status"] == "ok") & documents["report_year"].notna()]
    if county:
        ok = ok[ok["county"] == county]
    return ok.groupby(ok["report_year"].astype(int))["doc_id"].nunique()


def slogan_rate_trend(slogans: pd.DataFrame, documents: pd.DataFrame, chosen: list[str], county: str | None = None) -> pd.DataFrame:
    """Occurrences per report, year by year, for up to three slogans; a year without a report
    is a gap (NaN), never a zero."""
    chosen = list(chosen)[:3]
    reports = reports_per_year(documents, county)
    if not chosen or reports.empty:
        return pd.DataFrame(columns=["slogan", "report_year", "per_report", "count", "reports"])
    years = range(int(reports.index.min()), int(reports.index.max()) + 1)
    rows = where(slogans[slogans["slogan"].isin(chosen) & slogans["report_year"].notna()], county=county)
    counts = rows.groupby(["slogan", rows["report_year"].astype(int)])["count"].sum()
    out = []
    for slogan in chosen:
        for year in years:
            n = int(reports.get(year, 0))
            count = int(counts.get((slogan, year), 0))
            out.append({"slogan": slogan, "report_year": year, "count": count if n else None, "reports": n,
                        "per_report": (count / n) if n else None})
    return pd.DataFrame(out)


def top_slogans(slogans: pd.DataFrame, county: str | None = None, top: int = 3) -> list[str]:
    rows = slogans if not county else slogans[slogans["county"] == county]
    totals = rows.groupby("slogan")["count"].sum().sort_values(ascending=False, kind="mergesort")
    return [str(s) for s in totals.index[:top]]


def kwic_in_scope(rows: pd.DataFrame, documents: pd.DataFrame, scope: str, county: str | None, year: int | None, doc_id: str | None = None) -> pd.DataFrame:
    """Keyword-in-context rows (``kwic``: one per sentence) limited to the page's 范围."""
    if rows.empty:
        return rows
    if scope == "document" and doc_id:
        files = set(documents.loc[documents["doc_id"] == doc_id, "source_file"])
        rows = rows[rows["来源文件"].isin(files)]
    if scope in ("county", "county_year") and county:
        rows = rows[rows["县"] == county]
    if scope == "county_year" and year is not None:
        rows = rows[rows["年份"] == year]
    return rows.reset_index(drop=True)


def per_report_rates(terms: pd.DataFrame, reports_a: int, reports_b: int) -> pd.DataFrame:
    """Distinctive terms with 甲每份报告 x 次 vs 乙 y 次 instead of a unitless score."""
    out = terms.copy()
    out["per_report_a"] = out["count_a"] / reports_a if reports_a else float("nan")
    out["per_report_b"] = out["count_b"] / reports_b if reports_b else float("nan")
    return out


def rate_text(value) -> str:
    if value is None or pd.isna(value):
        return "—"
    return f"{value:.1f}".rstrip("0").rstrip(".")
