"""Slogans across documents and years, from the ``slogans`` table alone (pure functions).

A slogan's weight is the number of documents that use it, not the sum of its mentions: one
long report repeating 乡村振兴 forty times weighs what one short report mentioning it once does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FREQUENCY_COLUMNS = ["family", "documents", "counties", "count", "quoted_count", "slogans"]
CHANGE_COLUMNS = ["family", "status", "this_year", "previous_year", "this_count", "previous_count"]


def policy_rows(slogans: pd.DataFrame) -> pd.DataFrame:
    return slogans[slogans["kind"] == "slogan"] if not slogans.empty else slogans


def slogan_document_frequency(slogans: pd.DataFrame) -> pd.DataFrame:
    """Per family: documents using it, counties, mentions (and how many were in quotes), the
    spellings seen. Sorted by documents, then mentions."""
    rows = policy_rows(slogans)
    if rows.empty:
        return pd.DataFrame(columns=FREQUENCY_COLUMNS)
    quoted = rows["quoted_count"] if "quoted_count" in rows.columns else rows["count"]
    frame = rows.assign(quoted_count=quoted)
    grouped = frame.groupby("family", sort=True)
    out = pd.DataFrame({
        "documents": grouped["doc_id"].nunique(),
        "counties": grouped["county"].nunique(),
        "count": grouped["count"].sum(),
        "quoted_count": grouped["quoted_count"].sum(),
        "slogans": grouped["slogan"].agg(lambda s: "、".join(sorted(set(s)))),
    }).reset_index()
    out = out.sort_values(["documents", "count", "family"], ascending=[False, False, True])
    return out[FREQUENCY_COLUMNS].reset_index(drop=True)


def slogan_cloud_weights(slogans: pd.DataFrame, by: str = "slogan") -> dict[str, float]:
    """Cloud weights of policy slogans: each document adds 1 + ln(mentions), so a slogan used by
    many documents outweighs one repeated in a single report (40 mentions in one report: 4.7;
    one mention in each of five reports: 5), and within one document the more used still
    stands out."""
    rows = policy_rows(slogans)
    if rows.empty:
        return {}
    per_doc = rows.groupby([by, "doc_id"])["count"].sum()
    weights = (1.0 + np.log(per_doc[per_doc > 0].astype(float))).groupby(level=0).sum()
    return {str(k): float(v) for k, v in weights.sort_values(ascending=False).items()}


def new_and_dropped_slogans(slogans: pd.DataFrame, county: str, year: int) -> pd.DataFrame:
    """Families of ``county``'s documents for ``year`` against its latest earlier year with
    documents: ``new`` (this year only), ``dropped`` (earlier year only), ``kept`` (both).

    With no earlier year every family is ``new`` and ``previous_year`` is missing.
    """
    rows = policy_rows(slogans)
    rows = rows[(rows["county"] == county) & rows["report_year"].notna()] if not rows.empty else rows
    if rows.empty:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    years = rows["report_year"].astype(int)
    this = rows[years == int(year)].groupby("family")["count"].sum()
    earlier = sorted(set(years[years < int(year)]))
    previous_year = earlier[-1] if earlier else None
    before = rows[years == previous_year].groupby("family")["count"].sum() if previous_year else pd.Series(dtype="int64")
    records = []
    for family in sorted(set(this.index) | set(before.index)):
        in_this, in_before = family in this.index, family in before.index
        status = "kept" if in_this and in_before else ("new" if in_this else "dropped")
        records.append({
            "family": family,
            "status": status,
            "this_year": int(year),
            "previous_year": previous_year,
            "this_count": int(this.get(family, 0)),
            "previous_count": int(before.get(family, 0)),
        })
    out = pd.DataFrame.from_records(records, columns=CHANGE_COLUMNS)
    # New first, then dropped, then kept; within each the most mentioned first.
    rank = out["status"].map({"new": 0, "dropped": 1, "kept": 2})
    weight = -out[["this_count", "previous_count"]].max(axis=1)
    out = out.assign(_rank=rank, _weight=weight).sort_values(["_rank", "_weight", "family"])
    return out.drop(columns=["_rank", "_weight"]).reset_index(drop=True).astype({"previous_year": "Int64"})
