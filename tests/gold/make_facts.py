"""Source of the hand-made labels in facts.tsv and documents.tsv.

The labels were written by hand, document by document, after reading each text in
full (see README.md). This file only holds them in a compact form; running it
rewrites facts.tsv / documents.tsv. facts.tsv is the artefact the bench reads.

    python tests/gold/make_facts.py
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent

HEADLINE = {
    "地区生产总值", "一般公共预算收入", "财政总收入", "地方财政收入", "固定资产投资",
    "社会消费品零售总额", "规模以上工业增加值", "城镇居民人均可支配收入",
    "农村居民人均可支配收入", "居民人均可支配收入", "农民人均纯收入", "城镇登记失业率",
    "调查失业率", "城镇新增就业", "进出口总额", "实际利用外资", "粮食产量",
}

COLUMNS = ["source", "indicator", "measure", "kind", "estimated", "period", "period_start",
           "period_end", "scope", "value", "unit", "qualifier", "masked", "headline", "evidence"]

ROWS: list[dict] = []
_ctx: dict = {}


def doc(source: str) -> None:
    _ctx["source"] = source


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
FYP13 = dict(scope="multi_year_avg", ps=2016, pe=2020)
FYP14 = dict(scope="multi_year_avg", ps=2021, pe=2025)
CUM13 = dict(scope="cumulative", ps=2016, pe=2020)

# ---------------------------------------------------------------- seeds (real / masked)
doc("data/raw/seeds/000_c9aa3e43874953b5.txt")  # masked 三创四建 工作汇报, 2020
M(JOBS, "level", A, 2020, "人", "exact", "全县第一季度新增城镇就业X人", scope="first_quarter")
M(FOREST, "level", A, 2020, "万亩", "exact", "全县完成新增造林X万亩", scope="year_to_date")

doc("data/raw/seeds/001_fd803d36d9783eb8.txt")  # masked; content = report for 2022 (reviews 2021, term 2017-2021)
TERM = dict(scope="cumulative", ps=2017, pe=2021)
M(GDP, "growth", A, 2021, "%", "exact", "对比XXXX年,全县地区生产总值增长X%", **TERM)
M(GBR, "growth", A, 2021, "%", "exact", "一般公共预算收入增长X%,规上工业增加值增长X%,三", **TERM)
M(IND, "growth", A, 2021, "%", "exact", "规上工业增加值增长X%,三次产业比率", **TERM)
M(URB, "growth", A, 2021, "%", "exact", "城乡居民人均可支配收入分别增长X%和X%o", **TERM)
M(RUR, "growth", A, 2021, "%", "exact", "城乡居民人均可支配收入分别增长X%和X%o", **TERM)
M(GDP, "growth", A, 2021, "%", "exact", "扎实工作,全县地区生产总值增长X%")
M(GBR, "growth", A, 2021, "%", "exact", "一般公共预算收入增长X%,固定资产投资增长X%")
M(FAI, "growth", A, 2021, "%", "exact", "固定资产投资增长X%,制造业投资")
M(IND, "growth", A, 2021, "%", "exact", "规上工业增加值增长X%,城乡居民")
M(URB, "growth", A, 2021, "%", "exact", "分别增长X%和X%,十方面民生实事")
M(RUR, "growth", A, 2021, "%", "exact", "分别增长X%和X%,十方面民生实事")
P5 = dict(scope="multi_year_avg", ps=2022, pe=2026)
M(GDP, "growth", T, 2026, "%", "about", "地区生产总值年均增长X%左右", **P5)
Q(GBR, "growth", 2026, "一般公共预算收入与经济增长同步", **P5)
M(FAI, "growth", T, 2026, "%", "about", "固定资产投资年均增长XX%左右", **P5)
M(RSC, "growth", T, 2026, "%", "about", "消费品零售总额年均增长X%左右", **P5)
M(TRADE, "growth", T, 2026, "%", "about", "外贸进出口年均增长X%左右", **P5)
Q(URB, "growth", 2026, "城乡居民可支配收入年均增长与经济增长基本保持同步", **P5)
Q(RUR, "growth", 2026, "城乡居民可支配收入年均增长与经济增长基本保持同步", **P5)
M(REGU, "rate", T, 2026, "%", "at_most", "城镇登记失业率控制在X%以内")
M(GDP, "growth", T, 2022, "%", "exact", "主要预期目标为:生产总值增长X%")
M(GBR, "growth", T, 2022, "%", "exact", "一般公共预算收入增长XX%,固定资产投资")
M(FAI, "growth", T, 2022, "%", "at_least", "固定资产投资增长XX%以上,社会")
M(RSC, "growth", T, 2022, "%", "at_least", "社会消费品零售总额增长X%以上")
M(IND, "growth", T, 2022, "%", "at_least", "规上工业增加值增长XX%以上")
Q(URB, "growth", 2022, "城乡居民收入增长高于经济增长")
Q(RUR, "growth", 2022, "城乡居民收入增长高于经济增长")

doc("data/raw/seeds/002_f5870f383b9e3c0b.txt")  # masked 2023 mid-year 工作汇报
H1 = dict(scope="half_year")
M(GDP, "level", A, 2023, "亿元", "exact", "全县完成地区生产总值*亿元", **H1)
M(GDP, "growth", A, 2023, "%", "exact", "地区生产总值*亿元，增长*％", **H1)
M(IND, "growth", A, 2023, "%", "exact", "规模以上工业增加值增长*％", **H1)
M(FAI, "level", A, 2023, "亿元", "exact", "500万元以上固定资产投资总额*亿元", **H1)
M(FAI, "growth", A, 2023, "%", "exact", "固定资产投资总额*亿元，增速*％", **H1)
M(RSC, "level", A, 2023, "亿元", "exact", "社会消费品零售总额*亿元", **H1)
M(RSC, "growth", A, 2023, "%", "exact", "社会消费品零售总额*亿元，增长*％", **H1)
M(CZZ, "level", A, 2023, "亿元", "exact", "％；财政总收入*亿元", **H1)
M(CZZ, "growth", A, 2023, "%", "exact", "财政总收入*亿元，增长*％", **H1)
M(GBR, "level", A, 2023, "亿元", "exact", "一般公共预算收入*亿元", **H1)
M(GBR, "growth", A, 2023, "%", "exact", "一般公共预算收入*亿元，增长*％", **H1)
M(DEP, "level", A, 2023, "亿元", "exact", "金融机构存贷款余额*亿元、*亿元", **H1)
M(LOAN, "level", A, 2023, "亿元", "exact", "金融机构存贷款余额*亿元、*亿元", **H1)
M(DEP, "growth", A, 2023, "%", "exact", "*亿元，分别增长*％、*％；城乡", **H1)
M(LOAN, "growth", A, 2023, "%", "exact", "*亿元，分别增长*％、*％；城乡", **H1)
M(URB, "level", A, 2023, "元", "exact", "城乡居民人均可支配收入*元、*元", **H1)
M(RUR, "level", A, 2023, "元", "exact", "城乡居民人均可支配收入*元、*元", **H1)
M(URB, "growth", A, 2023, "%", "exact", "*元、*元，分别增长*％、*％。", **H1)
M(RUR, "growth", A, 2023, "%", "exact", "*元、*元，分别增长*％、*％。", **H1)
M(GRAIN, "level", T, 2023, "万吨", "at_least", "万亩以上、产量达*万吨以上")
M(JOBS, "level", A, 2023, "万人", "at_least", "实现城镇新增就业*万余人", scope="cumulative", ps=None, pe=2023)

doc("data/raw/seeds/003_ad147ba315cb1764.txt")  # 利津县 2020 report (delivered 2020-05-20)
F(GDP, "level", A, 2019, 221.46, "亿元", "exact", "全年实现地区生产总值221.46亿元")
F(GDP, "growth", A, 2019, 7.9, "%", "exact", "221.46亿元,同比增长7.9%")
F(GBR, "level", A, 2019, 18.01, "亿元", "exact", "一般公共预算收入18.01亿元")
F(GBR, "growth", A, 2019, 10.2, "%", "exact", "18.01亿元,同口径增长10.2%")
F(JOBS, "level", A, 2019, 2262, "人", "exact", "年内新增城镇就业2262人")
F(LOAN, "level", A, 2019, 245.95, "亿元", "exact", "各项贷款余额245.95亿元")
F(FOREST, "level", A, 2019, 1.79, "万亩", "exact", "新增造林1.79万亩")
F(GDP, "growth", T, 2020, 6.5, "%", "about", "地区生产总值增长6.5%左右")
F(GBR, "growth", T, 2020, 5, "%", "about", "一般公共财政预算收入增长5%左右")
F(FAI, "growth", T, 2020, 7, "%", "about", "固定资产投资增长7%左右")
F(RSC, "growth", T, 2020, 5, "%", "about", "社会消费品零售总额增长5%左右")
F(RES, "growth", T, 2020, 7, "%", "about", "居民人均可支配收入增长7%左右")
F(REGU, "rate", T, 2020, 3.5, "%", "at_most", "城镇登记失业率控制在3.5%以内")
F(JOBS, "level", T, 2020, 2300, "人", "at_least", "新增城镇就业2300人以上")
F(FARMLAND, "level", T, 2020, 3, "万亩", "exact", "新增高标准农田3万亩")
F(FOREST, "level", T, 2020, 1, "万亩", "exact", "绿化行动,完成新造林1万亩")

doc("data/raw/seeds/004_75247fd8577e948a.txt")  # 浚县 2021 report (delivered 2021-03-12)
F(IND, "growth", A, 2020, 5.5, "%", "exact", "规模以上工业增加值增长5.5%")
F(FAI, "growth", A, 2020, 6.4, "%", "exact", "固定资产投资增长6.4%")
F(RES, "growth", A, 2020, 4.2, "%", "exact", "居民人均可支配收入增长4.2%")
F(FARMLAND, "level", A, 2020, 5, "万亩", "exact", "新建高标准农田5万亩、高标准节水")
F(FOREST, "level", A, 2020, 2.7, "万亩", "exact", "全年造林绿化2.7万亩")
F(GDP, "growth", A, 2020, 4.8, "%", "exact", "全县生产总值年均增长4.8%", **FYP13)
F(IND, "growth", A, 2020, 9.5, "%", "exact", "规模以上工业增加值年均增长9.5%", **FYP13)
F(FAI, "growth", A, 2020, 11.4, "%", "exact", "固定资产投资年均增长11.4%", **FYP13)
F(RSC, "growth", A, 2020, 8.2, "%", "exact", "社会消费品零售总额年均增长8.2%", **FYP13)
F(GBR, "growth", A, 2020, 2, "%", "exact", "一般公共预算收入年均增长2%", **FYP13)
F(RES, "growth", A, 2020, 8, "%", "exact", "居民人均可支配收入年均增长8%", **FYP13)
F(FDI, "level", A, 2020, 5.2, "亿美元", "exact", "实际利用外资5.2亿美元", **CUM13)
F(TRADE, "level", A, 2020, 4, "亿元", "exact", "货物贸易进出口4亿元", **CUM13)
F(DEP, "multiple", A, 2020, 1.9, "倍", "exact", "存贷款余额分别是2015年的1.9倍", **CUM13)
F(LOAN, "multiple", A, 2020, 1.5, "倍", "exact", "分别是2015年的1.9倍、1.5倍", **CUM13)
F(FOREST, "level", A, 2020, 10.1, "万亩", "exact", "累计造林绿化10.1万亩", **CUM13)
F(URBZ, "change", A, 2020, 7.6, "个百分点", "exact", "城镇化率提高7.6个百分点", **CUM13)
F(RES, "multiple", A, 2019, 2, "倍", "exact", "提前一年实现比2010年翻一番目标", scope="cumulative", ps=2011, pe=2019)
F(JOBS, "level", A, 2020, 4.3, "万人", "exact", "新增城镇就业4.3万人", **CUM13)
Q(RES, "growth", 2025, "居民收入增长和经济增长基本同步", **FYP14)
F(GDP, "growth", T, 2021, 8, "%", "at_least", "地区生产总值增长8%以上")
F(IND, "growth", T, 2021, 9, "%", "exact", "规模以上工业增加值增长9%,")
F(FAI, "growth", T, 2021, 8.5, "%", "exact", "固定资产投资增长8.5%")
F(RSC, "growth", T, 2021, 9, "%", "exact", "社会消费品零售总额增长9%")
F(GBR, "growth", T, 2021, 6, "%", "exact", "一般公共预算收入增长6%")
Q(RES, "growth", 2021, "6%,居民收入稳步增长")
F(URBZ, "change", T, 2021, 1, "个百分点", "exact", "常住人口城镇化率提高1个百分点")
Q(TRADE, "growth", 2021, "进出口总值保持平稳增长")
F(JOBS, "level", T, 2021, 5500, "人", "exact", "城镇新增就业5500人")
F(SURV, "rate", T, 2021, 3, "%", "at_most", "调查失业率控制在3%以内")
F(FARMLAND, "level", T, 2021, 6, "万亩", "exact", "新建高标准农田6万亩")
F(GRAIN, "level", T, 2021, 100, "万吨", "at_least", "粮食产量稳定在100万吨以上")
F(FOREST, "level", T, 2021, 2.8, "万亩", "at_least", "力争全年造林绿化2.8万亩")

doc("data/raw/samples/xunxian_2023.txt")  # 浚县 2023 report, 2022 outcomes
F(GDP, "level", A, 2022, 300, "亿元", "at_least", "地区生产总值突破300亿元")
F(GDP, "growth", A, 2022, 4.2, "%", "exact", "突破300亿元、增长4.2%")
F(IND, "growth", A, 2022, 3.1, "%", "exact", "规模以上工业企业增加值增长3.1%")
F(FAI, "growth", A, 2022, 15.5, "%", "exact", "固定资产投资增长15.5%")
F(RSC, "growth", A, 2022, 2.5, "%", "exact", "社会消费品零售总额增长2.5%")
F(GBR, "growth", A, 2022, 8.2, "%", "exact", "一般公共预算收入增长8.2%")
F(RES, "growth", A, 2022, 6.5, "%", "exact", "居民人均可支配收入增长6.5%")

doc("data/raw/samples/xunxian_2024_news.txt")  # 浚县 2024 report summary, 2023 outcomes
F(GDP, "growth", A, 2023, 1.7, "%", "exact", "地区生产总值增长1.7%")
F(FAI, "growth", A, 2023, 9.8, "%", "exact", "固定资产投资增长9.8%")
F(RSC, "growth", A, 2023, 6.2, "%", "exact", "社会消费品零售总额增长6.2%")
F(GBR, "growth", A, 2023, 5.8, "%", "exact", "一般公共预算收入增长5.8%")
F(RES, "growth", A, 2023, 6.4, "%", "exact", "居民人均可支配收入增长6.4%")

# ---------------------------------------------------------------- synthetic fixtures
doc("tests/gold/texts/s01_shili_2022.txt")  # 示例县 2022 report: 2021 outcomes, 2022 targets
F(GDP, "level", A, 2021, 198.3, "亿元", "exact", "实现地区生产总值198.3亿元")
F(GDP, "growth", A, 2021, 8.1, "%", "exact", "198.3亿元，同比增长8.1%")
F(GBR, "level", A, 2021, 11.6, "亿元", "exact", "一般公共预算收入11.6亿元")
F(GBR, "growth", A, 2021, 9.4, "%", "exact", "11.6亿元，增长9.4%")
F(FAI, "growth", A, 2021, 12.0, "%", "exact", "固定资产投资增长12.0%")
F(RSC, "level", A, 2021, 86.4, "亿元", "exact", "社会消费品零售总额86.4亿元")
F(RSC, "growth", A, 2021, 10.5, "%", "exact", "86.4亿元，增长10.5%")
F(IND, "growth", A, 2021, 11.2, "%", "exact", "规模以上工业增加值增长11.2%")
F(URB, "level", A, 2021, 36520, "元", "exact", "分别达到36520元、18960元")
F(RUR, "level", A, 2021, 18960, "元", "exact", "分别达到36520元、18960元")
F(URB, "growth", A, 2021, 7.6, "%", "exact", "18960元，分别增长7.6%、9.8%")
F(RUR, "growth", A, 2021, 9.8, "%", "exact", "18960元，分别增长7.6%、9.8%")
F(JOBS, "level", A, 2021, 3120, "人", "exact", "年内新增城镇就业3120人")
F(REGU, "rate", A, 2021, 3.2, "%", "exact", "城镇登记失业率3.2%")
F(GRAIN, "level", A, 2021, 44.8, "万吨", "exact", "粮食总产量44.8万吨")
F(GDP, "growth", T, 2022, 6.5, "%", "about", "地区生产总值增长6.5%左右")
F(GBR, "growth", T, 2022, 5, "%", "at_least", "一般公共预算收入增长5%以上")
F(FAI, "growth", T, 2022, 10, "%", "exact", "固定资产投资增长10%；")
F(RSC, "growth", T, 2022, 7, "%", "about", "社会消费品零售总额增长7%左右")
F(IND, "growth", T, 2022, 8, "%", "exact", "规模以上工业增加值增长8%；")
F(URB, "growth", T, 2022, 7, "%", "exact", "城乡居民人均可支配收入分别增长7%和8%")
F(RUR, "growth", T, 2022, 8, "%", "exact", "城乡居民人均可支配收入分别增长7%和8%")
F(JOBS, "level", T, 2022, 3000, "人", "at_least", "新增城镇就业3000人以上")
F(REGU, "rate", T, 2022, 4, "%", "at_most", "城镇登记失业率控制在4%以内")
F(GRAIN, "level", T, 2022, 45, "万吨", "at_least", "粮食产量稳定在45万吨以上")
F(FARMLAND, "level", T, 2022, 5, "万亩", "exact", "新建高标准农田5万亩")
F(FOREST, "level", T, 2022, 1.2, "万亩", "exact", "完成新造林1.2万亩")

doc("tests/gold/texts/s02_shili_2023.txt")  # 示例县 2023 report: 2022 outcomes (pairs with s01 targets)
F(GDP, "level", A, 2022, 210.5, "亿元", "exact", "地区生产总值完成210.5亿元")
F(GDP, "growth", A, 2022, 6.3, "%", "exact", "210.5亿元，增长6.3%")
F(GBR, "level", A, 2022, 12.3, "亿元", "exact", "一般公共预算收入12.3亿元")
F(GBR, "growth", A, 2022, 5.8, "%", "exact", "12.3亿元，同口径增长5.8%")
F(FAI, "growth", A, 2022, 8.2, "%", "exact", "固定资产投资增长8.2%")
F(RSC, "level", A, 2022, 84.6, "亿元", "exact", "社会消费品零售总额84.6亿元")
F(RSC, "growth", A, 2022, -2.1, "%", "exact", "84.6亿元，下降2.1%")
F(IND, "growth", A, 2022, 8.9, "%", "exact", "规模以上工业增加值增长8.9%")
F(URB, "level", A, 2022, 38900, "元", "exact", "分别达到38900元和20580元")
F(RUR, "level", A, 2022, 20580, "元", "exact", "分别达到38900元和20580元")
F(URB, "growth", A, 2022, 6.5, "%", "exact", "20580元，分别增长6.5%、8.5%")
F(RUR, "growth", A, 2022, 8.5, "%", "exact", "20580元，分别增长6.5%、8.5%")
F(JOBS, "level", A, 2022, 3250, "人", "exact", "新增城镇就业3250人")
F(REGU, "rate", A, 2022, 3.6, "%", "exact", "城镇登记失业率3.6%")
F(GRAIN, "level", A, 2022, 46.2, "万吨", "exact", "粮食总产量达到46.2万吨")
F(GDP, "growth", T, 2023, 6, "%", "range", "地区生产总值增长6%-7%")
F(GBR, "growth", T, 2023, 6, "%", "exact", "一般公共预算收入增长６％")
F(FAI, "growth", T, 2023, 8, "%", "about", "固定资产投资增长8%左右")
F(RSC, "growth", T, 2023, 5.5, "%", "exact", "社会消费品零售总额增长5.5%")
F(IND, "growth", T, 2023, 7.5, "%", "exact", "规模以上工业增加值增长7.5%")
Q(URB, "growth", 2023, "城镇、农村居民人均可支配收入增长与经济增长同步")
Q(RUR, "growth", 2023, "城镇、农村居民人均可支配收入增长与经济增长同步")
F(JOBS, "level", T, 2023, 3000, "人", "exact", "新增城镇就业3000人；")
F(REGU, "rate", T, 2023, 4.5, "%", "at_most", "城镇登记失业率控制在4.5%以内")

doc("tests/gold/texts/s03_chengxi_2021.txt")  # 澄溪县 2021 report: 十三五 review, 2020 预计, 十四五 and 2021 targets
F(GDP, "level", A, 2015, 152.4, "亿元", "exact", "地区生产总值由2015年的152.4亿元")
F(GDP, "level", A, 2020, 236.8, "亿元", "exact", "增加到2020年的236.8亿元")
F(GDP, "growth", A, 2020, 7.2, "%", "exact", "236.8亿元，年均增长7.2%", **FYP13)
F(GBR, "growth", A, 2020, 6.5, "%", "exact", "一般公共预算收入年均增长6.5%", **FYP13)
F(FAI, "growth", A, 2020, 10.8, "%", "exact", "固定资产投资年均增长10.8%", **FYP13)
F(RSC, "growth", A, 2020, 8.6, "%", "exact", "社会消费品零售总额年均增长8.6%", **FYP13)
F(URB, "growth", A, 2020, 7.9, "%", "exact", "城镇居民人均可支配收入年均增长7.9%", **FYP13)
F(RUR, "growth", A, 2020, 9.1, "%", "exact", "农村居民人均可支配收入年均增长9.1%", **FYP13)
F(FDI, "level", A, 2020, 3.6, "亿美元", "exact", "累计实际利用外资3.6亿美元", **CUM13)
F(TRADE, "growth", A, 2020, 12.4, "%", "exact", "进出口总额年均增长12.4%", **FYP13)
F(URBZ, "change", A, 2020, 6.9, "个百分点", "exact", "城镇化率提高6.9个百分点", **CUM13)
F(GDP, "growth", A, 2020, 3.5, "%", "exact", "预计全年地区生产总值增长3.5%", est=True)
F(GBR, "growth", A, 2020, 2.1, "%", "exact", "一般公共预算收入增长2.1%", est=True)
F(RSC, "growth", A, 2020, -1.8, "%", "exact", "社会消费品零售总额下降1.8%", est=True)
F(JOBS, "level", A, 2020, 4100, "人", "exact", "城镇新增就业4100人", est=True)
F(GDP, "growth", T, 2025, 7, "%", "about", "地区生产总值年均增长7%左右", **FYP14)
F(GBR, "growth", T, 2025, 6, "%", "at_least", "一般公共预算收入年均增长6%以上", **FYP14)
Q(RES, "growth", 2025, "居民人均可支配收入增长与经济增长同步", **FYP14)
F(GRAIN, "level", T, 2025, 50, "万吨", "at_least", "到2025年粮食产量稳定在50万吨以上")
F(GDP, "growth", T, 2021, 8, "%", "at_least", "地区生产总值增长8%以上")
F(GBR, "growth", T, 2021, 7, "%", "exact", "一般公共预算收入增长7%")
F(FAI, "growth", T, 2021, 9, "%", "exact", "固定资产投资增长9%")
F(RSC, "growth", T, 2021, 10, "%", "exact", "社会消费品零售总额增长10%")
F(IND, "growth", T, 2021, 9.5, "%", "exact", "规上工业增加值增长9.5%")
F(RES, "growth", T, 2021, 8, "%", "exact", "居民人均可支配收入增长8%")
F(SURV, "rate", T, 2021, 5.5, "%", "at_most", "城镇调查失业率控制在5.5%以内")
F(TRADE, "growth", T, 2021, 10, "%", "exact", "进出口总额增长10%")
F(FDI, "level", T, 2021, 0.8, "亿美元", "exact", "实际利用外资0.8亿美元")

doc("tests/gold/texts/s04_chengxi_2022.txt")  # 澄溪县 2022 report: 2021 outcomes (pairs with s03 targets)
F(GDP, "level", A, 2021, 250, "亿元", "at_least", "全县地区生产总值突破250亿元")
F(GDP, "level", A, 2021, 255.2, "亿元", "exact", "突破250亿元，达到255.2亿元")
F(GDP, "growth", A, 2021, 8.6, "%", "exact", "255.2亿元，增长8.6%")
F(GDP, "growth", A, 2021, 6.0, "%", "exact", "增长8.6%，两年平均增长6.0%", scope="multi_year_avg", ps=2020, pe=2021)
F(GBR, "level", A, 2021, 16.9, "亿元", "exact", "一般公共预算收入16.9亿元")
F(GBR, "growth", A, 2021, 6.4, "%", "exact", "16.9亿元，增长6.4%")
F(FAI, "growth", A, 2021, 9.3, "%", "exact", "固定资产投资增长9.3%")
F(RSC, "growth", A, 2021, 12.8, "%", "exact", "社会消费品零售总额增长12.8%")
F(IND, "growth", A, 2021, 10.1, "%", "exact", "规上工业增加值增长10.1%")
F(RES, "level", A, 2021, 28650, "元", "exact", "居民人均可支配收入28650元")
F(RES, "growth", A, 2021, 8.3, "%", "exact", "28650元，增长8.3%")
F(SURV, "rate", A, 2021, 5.1, "%", "exact", "城镇调查失业率5.1%")
F(TRADE, "level", A, 2021, 5.2, "亿元", "exact", "进出口总额5.2亿元")
F(TRADE, "growth", A, 2021, 18.6, "%", "exact", "5.2亿元，增长18.6%")
F(FDI, "level", A, 2021, 0.72, "亿美元", "exact", "实际利用外资0.72亿美元")
F(GDP, "growth", T, 2022, 7, "%", "exact", "地区生产总值增长7%，")
F(GBR, "growth", T, 2022, 6, "%", "exact", "一般公共预算收入增长6%")
F(FAI, "growth", T, 2022, 10, "%", "exact", "固定资产投资增长10%")
F(RSC, "growth", T, 2022, 8, "%", "exact", "社会消费品零售总额增长8%")
F(RES, "growth", T, 2022, 7.5, "%", "exact", "居民人均可支配收入增长7.5%")
F(SURV, "rate", T, 2022, 5.5, "%", "at_most", "城镇调查失业率控制在5.5%以内")
F(GRAIN, "level", T, 2022, 48, "万吨", "at_least", "粮食产量不低于48万吨")

doc("tests/gold/texts/s05_tongyuan_2023_dec.txt")  # 桐原县, delivered 2022-12-28 for 2023; 今年 = 2022 (预计)
F(GDP, "level", A, 2022, 132.6, "亿元", "exact", "地区生产总值１３２．６亿元", est=True)
F(GDP, "growth", A, 2022, 4.1, "%", "exact", "１３２．６亿元，增长４．１％", est=True)
F(GBR, "level", A, 2022, 7.9, "亿元", "exact", "一般公共预算收入完成７．９亿元", est=True)
F(GBR, "growth", A, 2022, 7.9, "%", "exact", "７．９亿元，增长７．９％", est=True)
F(FAI, "growth", A, 2022, 12.3, "%", "exact", "固定资产投资增长１２．３％", est=True)
F(RSC, "growth", A, 2022, 1.5, "%", "exact", "社会消费品零售总额增长１．５％", est=True)
F(RES, "level", A, 2022, 24310, "元", "exact", "全体居民人均可支配收入２４３１０元", est=True)
F(RES, "growth", A, 2022, 6.2, "%", "exact", "２４３１０元，增长６．２％", est=True)
F(IND, "growth", A, 2022, 9.2, "%", "exact", "前11个月，规模以上工业增加值增长9.2%", scope="year_to_date")
F(GDP, "growth", T, 2023, 7, "%", "about", "地区生产总值增长７％左右")
F(GBR, "growth", T, 2023, 6, "%", "exact", "一般公共预算收入增长６％")
F(FAI, "growth", T, 2023, 10, "%", "at_least", "固定资产投资增长１０％以上")
F(RSC, "growth", T, 2023, 6, "%", "about", "社会消费品零售总额增长６％左右")
Q(RES, "growth", 2023, "全体居民人均可支配收入增长与经济增长基本同步")
F(JOBS, "level", T, 2023, 1.2, "万人", "exact", "城镇新增就业1.2万人")
F(REGU, "rate", T, 2023, 4, "%", "at_most", "城镇登记失业率控制在4%以内")

doc("tests/gold/texts/s06_yangben_2013.txt")  # 样本县 2013 report: old series names, 万元
F(GDP, "level", A, 2012, 86.2, "亿元", "exact", "全县完成生产总值86.2亿元")
F(GDP, "growth", A, 2012, 11.8, "%", "exact", "86.2亿元，增长11.8%")
F(DFCZ, "level", A, 2012, 8560, "万元", "exact", "地方财政收入完成8560万元")
F(DFCZ, "growth", A, 2012, 15.3, "%", "exact", "8560万元，增长15.3%")
F(GBR, "level", A, 2012, 6120, "万元", "exact", "一般公共财政预算收入6120万元")
F(GBR, "growth", A, 2012, 17.6, "%", "exact", "6120万元，增长17.6%")
F(FAI, "level", A, 2012, 52.4, "亿元", "exact", "全社会固定资产投资52.4亿元")
F(FAI, "growth", A, 2012, 26.5, "%", "exact", "52.4亿元，增长26.5%")
F(FARM, "level", A, 2012, 7820, "元", "exact", "农民人均纯收入7820元")
F(FARM, "growth", A, 2012, 14.2, "%", "exact", "7820元，增长14.2%")
F(URB, "level", A, 2012, 17650, "元", "exact", "城镇居民人均可支配收入17650元")
F(URB, "growth", A, 2012, 12.9, "%", "exact", "17650元，增长12.9%")
F(GRAIN, "level", A, 2012, 30, "万吨", "at_least", "粮食总产量突破30万吨")
F(GDP, "growth", T, 2013, 10, "%", "about", "全县生产总值增长10%左右")
F(DFCZ, "growth", T, 2013, 12, "%", "exact", "地方财政收入增长12%")
F(FAI, "growth", T, 2013, 20, "%", "at_least", "全社会固定资产投资增长20%以上")
F(FARM, "growth", T, 2013, 12, "%", "exact", "农民人均纯收入增长12%")
F(URB, "growth", T, 2013, 11, "%", "exact", "城镇居民人均可支配收入增长11%")
F(REGU, "rate", T, 2013, 4.2, "%", "at_most", "城镇登记失业率控制在4.2%以内")
F(FARM, "level", T, 2013, 8700, "元", "at_least", "力争农民人均纯收入突破8700元")

doc("tests/gold/texts/s07_beiquan_2023_q3.txt")  # 北泉县 工作汇报, 前三季度 2023
Q3 = dict(scope="first_three_quarters")
F(GDP, "level", A, 2023, 163.7, "亿元", "exact", "实现地区生产总值163.7亿元", **Q3)
F(GDP, "growth", A, 2023, 5.4, "%", "exact", "163.7亿元，同比增长5.4%", **Q3)
F(IND, "growth", A, 2023, 7.1, "%", "exact", "规上工业增加值同比增长7.1%", **Q3)
F(FAI, "growth", A, 2023, 9.6, "%", "exact", "500万元以上固定资产投资同比增长9.6%", **Q3)
F(RSC, "level", A, 2023, 62.3, "亿元", "exact", "社零总额62.3亿元", **Q3)
F(RSC, "growth", A, 2023, 6.8, "%", "exact", "62.3亿元，同比增长6.8%", **Q3)
F(GBR, "level", A, 2023, 9.46, "亿元", "exact", "一般公共预算收入9.46亿元", **Q3)
F(GBR, "growth", A, 2023, 11.2, "%", "exact", "9.46亿元，同比增长11.2%", **Q3)
F(TAX, "level", A, 2023, 6.32, "亿元", "exact", "其中税收收入6.32亿元", **Q3)
F(TAX, "growth", A, 2023, 8.7, "%", "exact", "6.32亿元，增长8.7%", **Q3)
F(JOBS, "level", A, 2023, 4860, "人", "exact", "城镇新增就业4860人", **Q3)
F(SURV, "rate", A, 2023, 5.0, "%", "exact", "城镇调查失业率5.0%", **Q3)
F(TRADE, "level", A, 2023, 7.8, "亿元", "exact", "进出口总额7.8亿元", **Q3)
F(TRADE, "growth", A, 2023, 15.3, "%", "exact", "7.8亿元，增长15.3%", **Q3)
F(FDI, "level", A, 2023, 1250, "万美元", "exact", "实际利用外资1250万美元", **Q3)
F(RES, "level", A, 2023, 14260, "元", "exact", "居民人均可支配收入14260元", scope="half_year")
F(RES, "growth", A, 2023, 6.1, "%", "exact", "14260元，增长6.1%", scope="half_year")
F(GDP, "growth", A, 2023, 5.5, "%", "about", "预计全年地区生产总值增长5.5%左右", est=True)
F(GBR, "growth", A, 2023, 10, "%", "at_least", "一般公共预算收入增长10%以上", est=True)

doc("tests/gold/texts/s08_masked_2022_h1.txt")  # anonymised 上半年 工作汇报, every masking style
H1 = dict(scope="half_year")
M(GDP, "level", A, 2022, "亿元", "exact", "完成地区生产总值XX亿元", **H1)
M(GDP, "growth", A, 2022, "%", "exact", "XX亿元，增长x.x%", **H1)
M(GBR, "level", A, 2022, "亿元", "exact", "一般公共预算收入X亿元", **H1)
M(GBR, "growth", A, 2022, "%", "exact", "一般公共预算收入X亿元，增长X%", **H1)
M(IND, "growth", A, 2022, "%", "exact", "规模以上工业增加值增长*％", **H1)
M(FAI, "level", A, 2022, "亿元", "exact", "；固定资产投资＊亿元", **H1)
M(FAI, "growth", A, 2022, "%", "exact", "固定资产投资＊亿元，增长＊％", **H1)
M(RSC, "level", A, 2022, "亿元", "exact", "社会消费品零售总额    亿元", **H1)
M(RSC, "growth", A, 2022, "%", "exact", "社会消费品零售总额    亿元,增长 %", **H1)
M(URB, "level", A, 2022, "元", "exact", "分别为XXXX元、XXXX元", **H1)
M(RUR, "level", A, 2022, "元", "exact", "分别为XXXX元、XXXX元", **H1)
M(URB, "growth", A, 2022, "%", "exact", "分别增长X.X%、X.X%", **H1)
M(RUR, "growth", A, 2022, "%", "exact", "分别增长X.X%、X.X%", **H1)
M(JOBS, "level", A, 2022, "人", "exact", "城镇新增就业XXXX人", **H1)
M(GRAIN, "level", A, 2022, "万吨", "exact", "；粮食产量XX万吨。", **H1)
M(GDP, "growth", T, 2022, "%", "at_least", "全年力争地区生产总值增长X%以上")
M(GBR, "growth", T, 2022, "%", "about", "一般公共预算收入增长X%左右")
M(REGU, "rate", T, 2022, "%", "at_most", "城镇登记失业率控制在X%以内")

doc("tests/gold/texts/s09_xinglin_2020_web.txt")  # 杏林县 2020 report inside forum chrome
F(GDP, "level", A, 2019, 143.5, "亿元", "exact", "全县GDP达到143.5亿元")
F(GDP, "growth", A, 2019, 7.0, "%", "exact", "143.5亿元，增长7.0%")
F(GBR, "level", A, 2019, 9.82, "亿元", "exact", "一般公共预算收入9.82亿元")
F(GBR, "growth", A, 2019, 7.6, "%", "exact", "9.82亿元，增长7.6%")
F(FAI, "growth", A, 2019, 6.9, "%", "exact", "固定资产投资增长6.9%")
F(RSC, "growth", A, 2019, 9.1, "%", "exact", "社会消费品零售总额增长9.1%")
F(URB, "level", A, 2019, 31250, "元", "exact", "城镇居民人均可支配收入31250元")
F(URB, "growth", A, 2019, 8.1, "%", "exact", "31250元，增长8.1%")
F(RUR, "level", A, 2019, 14830, "元", "exact", "农村居民人均可支配收入14830元")
F(RUR, "growth", A, 2019, 9.6, "%", "exact", "14830元，增长9.6%")
F(JOBS, "level", A, 2019, 2850, "人", "exact", "新增城镇就业2850人")
F(GDP, "growth", T, 2020, 6.5, "%", "about", "地区生产总值增长6.5%左右")
F(GBR, "growth", T, 2020, 6, "%", "exact", "一般公共预算收入增长6%")
F(FAI, "growth", T, 2020, 8, "%", "exact", "固定资产投资增长8%，")
F(RSC, "growth", T, 2020, 8, "%", "exact", "社会消费品零售总额增长8%")
Q(URB, "growth", 2020, "城乡居民收入增长与经济增长同步")
Q(RUR, "growth", 2020, "城乡居民收入增长与经济增长同步")
F(REGU, "rate", T, 2020, 4, "%", "at_most", "城镇登记失业率控制在4%以内")

doc("tests/gold/texts/s10_paged_docx_2021.txt")  # 松岗县 2021 report from a paged docx viewer
F(GDP, "level", A, 2020, 118.6, "亿元", "exact", "全县地区生产总值达到118.6亿元")
F(GDP, "growth", A, 2020, 3.6, "%", "exact", "118.6亿元,增长3.6%o")
F(GBR, "level", A, 2020, 7.45, "亿元", "exact", "一般公共预算收入7.45亿元")
F(GBR, "growth", A, 2020, 2.3, "%", "exact", "7.45亿元,增长2.3%")
F(FAI, "growth", A, 2020, 15.2, "%", "exact", "固定资产投资增长15.2%")
F(RSC, "growth", A, 2020, -3.8, "%", "exact", "社会消费品零售总额下降3.8%")
F(IND, "growth", A, 2020, 5.1, "%", "exact", "规上工业增加值增长5.1%")
F(URB, "growth", A, 2020, 5.2, "%", "exact", "入分别增长5.2%和7.4%o")
F(RUR, "growth", A, 2020, 7.4, "%", "exact", "入分别增长5.2%和7.4%o")
F(GDP, "growth", A, 2020, 6.8, "%", "exact", "地区生产总值年均增长6.8%", **FYP13)
F(GBR, "growth", A, 2020, 5.9, "%", "exact", "一般公共预算收入年均增长5.9%", **FYP13)
F(FAI, "growth", A, 2020, 9.7, "%", "exact", "固定资产投资年均增长9.7%", **FYP13)
F(RUR, "multiple", A, 2020, 2, "倍", "exact", "农村居民人均可支配收入实现翻一番", **CUM13)
F(GDP, "growth", T, 2025, 6.5, "%", "about", "地区生产总值年均增长6.5%左右", **FYP14)
F(FAI, "growth", T, 2025, 8, "%", "at_least", "固定资产投资年均增长8%以上", **FYP14)
F(URB, "growth", T, 2025, 6.5, "%", "exact", "年均分别增长6.5%、7.5%", **FYP14)
F(RUR, "growth", T, 2025, 7.5, "%", "exact", "年均分别增长6.5%、7.5%", **FYP14)
F(JOBS, "level", T, 2025, 1.5, "万人", "at_least", "城镇新增就业累计1.5万人以上", scope="cumulative", ps=2021, pe=2025)
F(GDP, "growth", T, 2021, 7.5, "%", "about", "地区生产总值增长3、7.5%左右")
F(GBR, "growth", T, 2021, 5, "%", "exact", "一般公共预算收入增长5%")
F(FAI, "growth", T, 2021, 10, "%", "exact", "固定资产投资增长10%")
F(RSC, "growth", T, 2021, 10, "%", "about", "社会消费品零售总额增长10%左右")
F(IND, "growth", T, 2021, 8, "%", "exact", "规上工业增加值增长8%")
F(JOBS, "level", T, 2021, 3000, "人", "exact", "城镇新增就业3000人")
F(REGU, "rate", T, 2021, 4.5, "%", "at_most", "城镇登记失业率控制在4.5%以内")
F(GRAIN, "level", T, 2021, 28.5, "万吨", "exact", "粮食产量稳定在28.5万吨")
F(TRADE, "growth", T, 2021, 6, "%", "exact", "进出口总额增长6%。")

doc("tests/gold/texts/s11_qualifiers_2024.txt")  # 云岭县 2024 report: every qualifier
F(GDP, "level", A, 2023, 180, "亿元", "at_least", "地区生产总值突破180亿元")
F(GDP, "growth", A, 2023, 5.2, "%", "exact", "突破180亿元，增长5.2%")
F(GBR, "level", A, 2023, 10.8, "亿元", "exact", "一般公共预算收入10.8亿元")
F(GBR, "growth", A, 2023, 5.6, "%", "exact", "10.8亿元，增长5.6%")
F(GRAIN, "level", A, 2023, 36.9, "万吨", "exact", "粮食产量36.9万吨")
F(GDP, "growth", T, 2024, 6, "%", "range", "地区生产总值增长6-7%")
F(GBR, "growth", T, 2024, 5, "%", "at_least", "一般公共预算收入增长不低于5%")
F(CZZ, "level", T, 2024, 18, "亿元", "at_least", "财政总收入超过18亿元")
F(IND, "growth", T, 2024, 8, "%", "at_least", "规模以上工业增加值增长8%以上")
F(FAI, "growth", T, 2024, 10, "%", "about", "固定资产投资、社会消费品零售总额分别增长10%、7%左右")
F(RSC, "growth", T, 2024, 7, "%", "about", "分别增长10%、7%左右")
F(JOBS, "level", T, 2024, 2500, "人", "at_least", "城镇新增就业力争达到2500人")
F(REGU, "rate", T, 2024, 4.5, "%", "at_most", "城镇登记失业率不超过4.5%")
F(SURV, "rate", T, 2024, 5.5, "%", "at_most", "城镇调查失业率低于5.5%")
F(GRAIN, "level", T, 2024, 37, "万吨", "at_least", "粮食产量确保稳定在37万吨")
F(TRADE, "growth", T, 2024, 8, "%", "at_least", "进出口总额争取增长8%")
F(FDI, "level", T, 2024, 1.2, "亿美元", "at_least", "实际利用外资1.2亿美元以上")
F(FAI, "growth", T, 2024, 12, "%", "at_least", "确保500万元以上固定资产投资增长12%")
F(FARMLAND, "level", T, 2024, 3.5, "万亩", "exact", "新建高标准农田3.5万亩")
F(RSC, "growth", T, 2024, 8, "%", "at_least", "力争社零总额增长8%")

doc("tests/gold/texts/s12_hexi_2019.txt")  # 禾西县 2019 report: comparatives, 全体居民 + 城乡分别, 存贷款 four facts, 翻一番
F(GDP, "level", A, 2018, 167.4, "亿元", "exact", "全县生产总值完成167.4亿元")
F(GDP, "growth", A, 2018, 7.3, "%", "exact", "167.4亿元，增长7.3%")
F(GBR, "level", A, 2018, 13.52, "亿元", "exact", "一般公共预算收入13.52亿元")
F(GBR, "growth", A, 2018, 12.6, "%", "exact", "13.52亿元，增长12.6%")
F(FAI, "growth", A, 2018, 11.5, "%", "exact", "500万元以上固定资产投资增长11.5%")
F(RSC, "level", A, 2018, 70.8, "亿元", "exact", "社会消费品零售总额70.8亿元")
F(RSC, "growth", A, 2018, 10.2, "%", "exact", "70.8亿元，增长10.2%")
F(RES, "level", A, 2018, 21450, "元", "exact", "全体居民人均可支配收入21450元")
F(RES, "growth", A, 2018, 8.9, "%", "exact", "21450元，增长8.9%")
F(URB, "level", A, 2018, 32140, "元", "exact", "分别为32140元、15380元")
F(RUR, "level", A, 2018, 15380, "元", "exact", "分别为32140元、15380元")
F(URB, "growth", A, 2018, 8.1, "%", "exact", "15380元，分别增长8.1%、9.4%")
F(RUR, "growth", A, 2018, 9.4, "%", "exact", "15380元，分别增长8.1%、9.4%")
F(DEP, "level", A, 2018, 256.3, "亿元", "exact", "存贷款余额分别为256.3亿元、188.7亿元")
F(LOAN, "level", A, 2018, 188.7, "亿元", "exact", "存贷款余额分别为256.3亿元、188.7亿元")
F(DEP, "growth", A, 2018, 11.2, "%", "exact", "188.7亿元，分别增长11.2%、13.5%")
F(LOAN, "growth", A, 2018, 13.5, "%", "exact", "188.7亿元，分别增长11.2%、13.5%")
F(URBZ, "rate", A, 2018, 52.4, "%", "exact", "城镇化率达到52.4%")
F(URBZ, "change", A, 2018, 1.6, "个百分点", "exact", "52.4%，提高1.6个百分点")
F(GDP, "growth", T, 2019, 7, "%", "about", "地区生产总值增长7%左右")
F(GBR, "growth", T, 2019, 8, "%", "exact", "一般公共预算收入增长8%")
F(FAI, "growth", T, 2019, 10, "%", "exact", "固定资产投资增长10%，社会")
F(RSC, "growth", T, 2019, 10, "%", "exact", "社会消费品零售总额增长10%")
Q(RES, "growth", 2019, "10%，居民收入稳步增长")
F(REGU, "rate", T, 2019, 3.8, "%", "at_most", "城镇登记失业率控制在3.8%以内")
F(JOBS, "level", T, 2019, 2600, "人", "exact", "新增城镇就业2600人")
F(GRAIN, "level", T, 2019, 41, "万吨", "about", "粮食总产量保持在41万吨左右")
F(GDP, "multiple", T, 2020, 2, "倍", "at_least", "GDP力争在2020年实现比2010年翻一番", scope="cumulative", ps=2011, pe=2020)

doc("tests/gold/texts/s13_qinghe_2020_targets.txt")  # 青禾县 2020 report (targets for 2020)
F(GDP, "level", A, 2019, 95.7, "亿元", "exact", "全年完成地区生产总值95.7亿元")
F(GDP, "growth", A, 2019, 6.8, "%", "exact", "95.7亿元，增长6.8%")
F(GBR, "level", A, 2019, 5.63, "亿元", "exact", "一般公共预算收入5.63亿元")
F(GBR, "growth", A, 2019, 4.9, "%", "exact", "5.63亿元，增长4.9%")
F(URB, "level", A, 2019, 29860, "元", "exact", "城镇居民人均可支配收入29860元")
F(URB, "growth", A, 2019, 7.5, "%", "exact", "29860元，增长7.5%")
F(RUR, "level", A, 2019, 13640, "元", "exact", "农村居民人均可支配收入13640元")
F(RUR, "growth", A, 2019, 8.8, "%", "exact", "13640元，增长8.8%")
F(JOBS, "level", A, 2019, 1820, "人", "exact", "城镇新增就业1820人")
F(GDP, "growth", T, 2020, 5, "%", "about", "地区生产总值增长5%左右")
F(GBR, "growth", T, 2020, 2, "%", "exact", "一般公共预算收入增长2%")
F(FAI, "growth", T, 2020, 6, "%", "at_least", "固定资产投资增长6%以上")
F(URB, "growth", T, 2020, 6, "%", "exact", "城镇居民人均可支配收入增长6%")
F(RUR, "growth", T, 2020, 7, "%", "exact", "农村居民人均可支配收入增长7%")
F(JOBS, "level", T, 2020, 1800, "人", "at_least", "城镇新增就业1800人以上")
F(REGU, "rate", T, 2020, 4, "%", "at_most", "城镇登记失业率控制在4%以内")

doc("tests/gold/texts/s14_qinghe_2021_outcomes.txt")  # 青禾县 2021 report: 2020 outcomes (pairs with s13)
F(GDP, "level", A, 2020, 99.1, "亿元", "exact", "地区生产总值完成99.1亿元")
F(GDP, "growth", A, 2020, 5.1, "%", "exact", "99.1亿元，增长5.1%")
F(GBR, "level", A, 2020, 5.52, "亿元", "exact", "一般公共预算收入5.52亿元")
F(GBR, "growth", A, 2020, -1.9, "%", "exact", "5.52亿元，下降1.9%")
F(FAI, "growth", A, 2020, 4.3, "%", "exact", "固定资产投资增长4.3%")
F(URB, "level", A, 2020, 31050, "元", "exact", "城镇居民人均可支配收入31050元")
F(URB, "growth", A, 2020, 4.0, "%", "exact", "31050元，增长4.0%")
F(RUR, "level", A, 2020, 14780, "元", "exact", "农村居民人均可支配收入14780元")
F(RUR, "growth", A, 2020, 8.4, "%", "exact", "14780元，增长8.4%")
F(JOBS, "level", A, 2020, 1910, "人", "exact", "城镇新增就业1910人")
F(REGU, "rate", A, 2020, 3.7, "%", "exact", "城镇登记失业率3.7%")
F(GDP, "growth", T, 2021, 7, "%", "about", "地区生产总值增长7%左右")
F(GBR, "growth", T, 2021, 5, "%", "exact", "一般公共预算收入增长5%")
F(FAI, "growth", T, 2021, 8, "%", "exact", "固定资产投资增长8%")
F(URB, "growth", T, 2021, 6.5, "%", "about", "分别增长6.5%和7.5%左右")
F(RUR, "growth", T, 2021, 7.5, "%", "about", "分别增长6.5%和7.5%左右")
F(JOBS, "level", T, 2021, 1800, "人", "at_least", "城镇新增就业1800人以上")

# ---------------------------------------------------------------- documents
DOC_COLUMNS = ["source", "county", "city", "province", "report_year", "doc_type", "anonymised"]
G, W, O = "政府工作报告", "工作汇报", "其他"
DOCUMENTS = [
    ("data/raw/seeds/000_c9aa3e43874953b5.txt", "", "", "", 2020, W, True),
    ("data/raw/seeds/001_fd803d36d9783eb8.txt", "", "", "", 2022, G, True),
    ("data/raw/seeds/002_f5870f383b9e3c0b.txt", "", "", "", 2023, W, True),
    ("data/raw/seeds/003_ad147ba315cb1764.txt", "利津县", "东营市", "山东省", 2020, G, False),
    ("data/raw/seeds/004_75247fd8577e948a.txt", "浚县", "鹤壁市", "河南省", 2021, G, False),
    ("data/raw/samples/xunxian_2023.txt", "浚县", "鹤壁市", "河南省", 2023, G, False),
    ("data/raw/samples/xunxian_2024_news.txt", "浚县", "鹤壁市", "河南省", 2024, G, False),
    ("tests/gold/texts/s01_shili_2022.txt", "示例县", "", "", 2022, G, False),
    ("tests/gold/texts/s02_shili_2023.txt", "示例县", "", "", 2023, G, False),
    ("tests/gold/texts/s03_chengxi_2021.txt", "澄溪县", "", "湖南省", 2021, G, False),
    ("tests/gold/texts/s04_chengxi_2022.txt", "澄溪县", "", "湖南省", 2022, G, False),
    ("tests/gold/texts/s05_tongyuan_2023_dec.txt", "桐原县", "", "", 2023, G, False),
    ("tests/gold/texts/s06_yangben_2013.txt", "样本县", "", "", 2013, G, False),
    ("tests/gold/texts/s07_beiquan_2023_q3.txt", "北泉县", "", "", 2023, W, False),
    ("tests/gold/texts/s08_masked_2022_h1.txt", "", "", "", 2022, W, True),
    ("tests/gold/texts/s09_xinglin_2020_web.txt", "杏林县", "", "河北省", 2020, G, False),
    ("tests/gold/texts/s10_paged_docx_2021.txt", "松岗县", "", "", 2021, G, False),
    ("tests/gold/texts/s11_qualifiers_2024.txt", "云岭县", "", "", 2024, G, False),
    ("tests/gold/texts/s12_hexi_2019.txt", "禾西县", "", "", 2019, G, False),
    ("tests/gold/texts/s13_qinghe_2020_targets.txt", "青禾县", "", "", 2020, G, False),
    ("tests/gold/texts/s14_qinghe_2021_outcomes.txt", "青禾县", "", "", 2021, G, False),
]


def write() -> None:
    with open(HERE / "facts.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writeheader()
        w.writerows(ROWS)
    with open(HERE / "documents.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(DOC_COLUMNS)
        for row in DOCUMENTS:
            w.writerow([str(v).lower() if isinstance(v, bool) else v for v in row])


if __name__ == "__main__":
    write()
    print(f"{len(ROWS)} facts, {len(DOCUMENTS)} documents")
