"""Matching predicted facts with gold facts, and the scores: the bench's measuring rules.

Predicted facts are matched one-to-one with gold facts on (source, indicator, measure, kind,
period, scope, value, masked); values match when both are empty or equal within 1e-6
relative. Headline precision only counts predictions in the headline families.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd

HEADLINE_FAMILIES = (
    "地区生产总值", "一般公共预算收入", "财政总收入", "地方财政收入", "固定资产投资",
    "社会消费品零售总额", "规模以上工业增加值", "城镇居民人均可支配收入",
    "农村居民人均可支配收入", "居民人均可支配收入", "农民人均纯收入", "城镇登记失业率",
    "调查失业率", "城镇新增就业", "进出口总额", "实际利用外资", "粮食产量",
)
HEADLINE = frozenset(HEADLINE_FAMILIES)

# The columns a fact is matched on (value is compared with a tolerance, not exactly).
KEY = ("source", "indicator", "measure", "kind", "period", "scope", "masked")
DOC_FIELDS = ("county", "city", "province", "report_year", "doc_type", "anonymised")
REL_TOL = 1e-6


# ---------------------------------------------------------------- small value helpers

def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        pass
    return isinstance(value, str) and value.strip() == ""


def to_float(value: Any) -> float | None:
    if is_empty(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def to_int(value: Any) -> int | None:
    number = to_float(value)
    return None if number is None else int(round(number))


def to_bool(value: Any) -> bool:
    if is_empty(value):
        return False
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes", "t", "y"}
    return bool(value)


def to_text(value: Any) -> str:
    return "" if is_empty(value) else str(value).strip()


def values_equal(a: Any, b: Any, rel_tol: float = REL_TOL) -> bool:
    """Both empty, or both numbers equal within ``rel_tol`` (relative)."""
    fa, fb = to_float(a), to_float(b)
    if fa is None or fb is None:
        return fa is None and fb is None
    return math.isclose(fa, fb, rel_tol=rel_tol, abs_tol=1e-12)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# ---------------------------------------------------------------- frames

def canonical_facts(frame: pd.DataFrame, headline: frozenset[str] = HEADLINE) -> pd.DataFrame:
    """Bring gold or predicted facts to one shape with comparable types."""
    out = pd.DataFrame(index=frame.index)
    for col in ("source", "county", "indicator", "measure", "kind", "scope", "unit", "qualifier"):
        out[col] = frame[col].map(to_text) if col in frame else ""
    # object dtype: a column of years and None must keep None (as float it turns into NaN, and NaN != NaN)
    out["period"] = pd.Series([to_int(v) for v in frame["period"]], index=frame.index, dtype=object) \
        if "period" in frame else None
    out["value"] = frame["value"].map(to_float) if "value" in frame else None
    for col in ("masked", "estimated"):
        out[col] = frame[col].map(to_bool) if col in frame else False
    out["headline"] = out["indicator"].isin(headline)
    # What to show a human for this row.
    if "evidence" in frame:
        out["context"] = frame["evidence"].map(to_text)
    else:
        blank = pd.Series("", index=frame.index, dtype=object)
        sentence = frame["sentence"].map(to_text) if "sentence" in frame else blank
        value_text = frame["value_text"].map(to_text) if "value_text" in frame else blank
        out["context"] = [f"{v} | {s[:80]}" if v else s[:80] for v, s in zip(value_text, sentence)]
    return out.reset_index(drop=True)


def key_of(row: pd.Series) -> tuple:
    return tuple(row[c] for c in KEY)


@dataclass
class MatchResult:
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, predicted index)
    unmatched_gold: list[int] = field(default_factory=list)
    unmatched_pred: list[int] = field(default_factory=list)


def match_facts(gold: pd.DataFrame, pred: pd.DataFrame) -> MatchResult:
    """One-to-one greedy matching of canonical gold and predicted facts.

    A pair needs equal KEY columns and equal values (see ``values_equal``). Among
    candidates, a predicted fact with the same qualifier is preferred so that a
    duplicate statement does not steal the better partner.
    """
    buckets: dict[tuple, list[int]] = {}
    for j, row in pred.iterrows():
        buckets.setdefault(key_of(row), []).append(j)
    used: set[int] = set()
    result = MatchResult()
    for i, g in gold.iterrows():
        candidates = [j for j in buckets.get(key_of(g), []) if j not in used
                      and values_equal(g["value"], pred.at[j, "value"])]
        if not candidates:
            result.unmatched_gold.append(i)
            continue
        same_q = [j for j in candidates if pred.at[j, "qualifier"] == g["qualifier"]]
        j = (same_q or candidates)[0]
        used.add(j)
        result.pairs.append((i, j))
    result.unmatched_pred = [j for j in pred.index if j not in used]
    return result


@dataclass
class Scores:
    tp: int
    fp: int
    fn: int
    qualifier_ok: int
    estimated_ok: int

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_ok / self.tp if self.tp else 0.0

    @property
    def estimated_accuracy(self) -> float:
        return self.estimated_ok / self.tp if self.tp else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1,
                "qualifier_accuracy": self.qualifier_accuracy,
                "estimated_accuracy": self.estimated_accuracy}


def score_subset(gold: pd.DataFrame, pred: pd.DataFrame, result: MatchResult,
                 gold_mask: Callable[[pd.Series], bool],
                 pred_mask: Callable[[pd.Series], bool]) -> Scores:
    """Counts for the gold rows selected by ``gold_mask`` and predictions by ``pred_mask``."""
    pairs = [(i, j) for i, j in result.pairs if gold_mask(gold.loc[i])]
    tp = len(pairs)
    fn = sum(1 for i in result.unmatched_gold if gold_mask(gold.loc[i]))
    fp = sum(1 for j in result.unmatched_pred if pred_mask(pred.loc[j]))
    # A matched prediction whose gold partner is outside the subset (cannot happen for
    # family subsets, since indicator is part of the key) is neither TP nor FP here.
    q_ok = sum(1 for i, j in pairs if gold.at[i, "qualifier"] == pred.at[j, "qualifier"])
    e_ok = sum(1 for i, j in pairs if gold.at[i, "estimated"] == pred.at[j, "estimated"])
    return Scores(tp, fp, fn, q_ok, e_ok)


def score_facts(gold: pd.DataFrame, pred: pd.DataFrame) -> dict[str, Any]:
    """Headline, all-family and per-family scores for canonical frames."""
    result = match_facts(gold, pred)
    headline = score_subset(gold, pred, result, lambda r: bool(r["headline"]),
                            lambda r: bool(r["headline"]))
    overall = score_subset(gold, pred, result, lambda r: True, lambda r: True)
    families = sorted(set(gold["indicator"]) | set(pred["indicator"]),
                      key=lambda f: (f not in HEADLINE, HEADLINE_FAMILIES.index(f) if f in HEADLINE else 0, f))
    per_family = {f: score_subset(gold, pred, result, lambda r, f=f: r["indicator"] == f,
                                  lambda r, f=f: r["indicator"] == f) for f in families}
    return {"match": result, "headline": headline, "overall": overall, "per_family": per_family}


def score_documents(gold_docs: pd.DataFrame, predicted: dict[str, dict[str, Any]]) -> dict[str, dict]:
    """Per-field accuracy of document identification over the gold documents."""
    out: dict[str, dict] = {}
    for fld in DOC_FIELDS:
        ok, total, wrong = 0, 0, []
        for _, row in gold_docs.iterrows():
            total += 1
            pred = predicted.get(row["source"], {})
            if fld == "report_year":
                g, p = to_int(row[fld]), to_int(pred.get(fld))
            elif fld == "anonymised":
                g, p = to_bool(row[fld]), to_bool(pred.get(fld))
            else:
                g, p = to_text(row[fld]), to_text(pred.get(fld))
            if g == p:
                ok += 1
            else:
                wrong.append((row["source"], g, p))
        out[fld] = {"correct": ok, "total": total, "accuracy": ok / total if total else 0.0,
                    "wrong": wrong}
    return out
