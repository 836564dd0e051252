"""The compact labelling vocabulary shared by the gold sets' make_facts.py scripts.

A script calls ``doc(name)`` then ``F`` / ``M`` / ``Q`` once per fact, and ``write``
turns what it said into facts.tsv and documents.tsv beside it.
"""

from __future__ import annotations

import csv
from pathlib import Path

HEADLINE = {
    "地区生产总值", "一般公共预算收入", "财政总收入", "地方财政收入", "固定资产投资",
    "社会消费品零售总额", "规模以上工业增加值", "城镇居民人均可支配收入",
    "农村居民人均可支配收入", "居民人均可支配收入", "农民人均纯收入", "城镇登记失业率",
    "调查失业率", "城镇新增就业", "进出口总额", "实际利用外资", "粮食产量",
}

COLUMNS = ["source", "indicator", "measure", "kind", "estimated", "period", "period_start",
           "period_end", "scope", "value", "unit", "qualifier", "masked", "headline", "evidence"]

ROWS: list[dict] = []
_ctx: dict = {"prefix": ""}


def doc(source: str) -> None:
    """Label the facts that follow as coming from ``source`` (after the set's prefix)."""
    _ctx["source"] = _ctx["prefix"] + source


def source_prefix(prefix: str) -> None:
    """The folder a gold set's texts live in, so its labels can name bare file names."""
    _ctx["prefix"] = prefix


def _fmt(value) -> str:
    if value is None:
        return ""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def F(ind, meas, kind, period, value, unit, qual, ev, *, est=False, scope="annual",
      ps=None, pe=None, masked=False):
    if ps is None and pe is None:
        ps = pe = period
    ROWS.append({
        "source": _ctx["source"], "indicator": ind, "measure": meas, "kind": kind,
        "estimated": str(est).lower(), "period": period,
        "period_start": "" if ps is None else ps, "period_end": "" if pe is None else pe,
        "scope": scope, "value": _fmt(value),
        "unit": unit, "qualifier": qual, "masked": str(masked).lower(),
        "headline": str(ind in HEADLINE).lower(), "evidence": ev,
    })


def M(ind, meas, kind, period, unit, qual, ev, **kw):
    """A masked value (X, XX, x.x, *, ＊, blank)."""
    F(ind, meas, kind, period, None, unit, qual, ev, masked=True, **kw)


def Q(ind, meas, period, ev, **kw):
    """A qualitative target: no value, not masked, qualifier exact."""
    F(ind, meas, "target", period, None, "%" if meas == "growth" else "", "exact", ev, **kw)


GDP, GBR, CZZ, DFCZ, FAI, RSC = "地区生产总值", "一般公共预算收入", "财政总收入", "地方财政收入", "固定资产投资", "社会消费品零售总额"
IND, URB, RUR, RES, FARM = "规模以上工业增加值", "城镇居民人均可支配收入", "农村居民人均可支配收入", "居民人均可支配收入", "农民人均纯收入"
REGU, SURV, JOBS, TRADE, FDI, GRAIN = "城镇登记失业率", "调查失业率", "城镇新增就业", "进出口总额", "实际利用外资", "粮食产量"
DEP, LOAN, FOREST, FARMLAND, URBZ, TAX = "金融机构存款余额", "金融机构贷款余额", "造林面积", "高标准农田", "常住人口城镇化率", "税收收入"
A, T = "actual", "target"
DOC_COLUMNS = ["source", "county", "city", "province", "report_year", "doc_type", "anonymised"]
G, WK, O = "政府工作报告", "工作汇报", "其他"
SUMMARY = "报告摘要"  # a news summary of a report (pipeline.doc_kinds)


def write(here: Path, documents: list[tuple]) -> None:
    with open(here / "facts.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writeheader()
        w.writerows(ROWS)
    with open(here / "documents.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(DOC_COLUMNS)
        for row in documents:
            w.writerow([str(v).lower() if isinstance(v, bool) else v for v in row])
