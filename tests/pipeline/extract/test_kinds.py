"""Document kinds: the years and kinds their parts speak of by default, and the basis recorded."""

from __future__ import annotations

from tests.pipeline.extract.helpers import PLAN, REVIEW, facts, one


def test_a_statistical_bulletin_reports_final_outcomes_of_its_own_year():
    text = ("一、综合\n初步核算，全年全县地区生产总值356.2亿元，按可比价格计算，比上年增长5.4%。\n"
            "五、人口和计划生育\n全年城镇新增就业4120人。")
    df = facts(text, year=2023, doc_type="统计公报")
    assert set(df["kind"]) == {"actual"} and set(df["period"]) == {2023}
    assert one(df, indicator="城镇新增就业").value == 4120
    assert set(df["basis"]) == {"doc_type:统计公报"}


def test_a_bulletin_never_turns_a_target_phrase_into_a_plan():
    text = "全年一般公共预算收入完成预期目标是年初预算的102%，达到31.6亿元，增长6.1%。"
    df = facts(text, year=2022, doc_type="统计公报")
    assert set(df["kind"]) == {"actual"} and set(df["period"]) == {2022}


def test_the_same_sentence_in_a_report_speaks_of_the_year_before():
    df = facts("全年全县地区生产总值356.2亿元，增长5.4%。", year=2023)
    assert set(df["period"]) == {2022} and set(df["basis"]) == {"doc_type:政府工作报告"}


def test_a_target_breakdown_sets_targets_from_its_first_line():
    df = facts("全县一般公共预算收入增长6%，固定资产投资增长10%以上。", year=2024, doc_type="目标任务分解")
    assert set(df["kind"]) == {"target"} and set(df["period"]) == {2024}


def test_a_plan_execution_report_reviews_last_year_and_plans_this_one():
    text = ("一、2022年国民经济和社会发展计划执行情况\n全区地区生产总值增长4.1%。\n"
            "二、2023年国民经济和社会发展计划草案\n地区生产总值增长6%左右。")
    df = facts(text, year=2023, doc_type="计划执行情况")
    actual, target = one(df, kind="actual"), one(df, kind="target")
    assert (actual.period, actual.value) == (2022, 4.1)
    assert (target.period, target.value) == (2023, 6)
    assert actual.basis.startswith("heading:一、2022年") and target.basis.startswith("heading:二、2023年")


def test_basis_names_the_heading_and_the_cue():
    text = REVIEW + "预计全年地区生产总值增长5%。\n" + PLAN + "全县城镇登记失业率控制在4%以内。"
    df = facts(text)
    estimate = one(df, kind="actual")
    assert estimate.basis == "heading:一、2020年工作回顾; cue:预计"
    assert one(df, kind="target").basis == "heading:二、2021年工作安排"


def test_basis_of_a_target_statement_without_heading_is_its_cue():
    df = facts("今年全区经济社会发展的主要目标是：地区生产总值增长6.5%。", year=2022)
    fact = one(df, indicator="地区生产总值")
    assert (fact.kind, fact.period, fact.basis) == ("target", 2022, "cue:主要目标")


def test_basis_of_a_year_named_in_the_sentence():
    df = facts("2019年，全县固定资产投资增长8%。", year=2021)
    fact = one(df, indicator="固定资产投资")
    assert (fact.period, fact.basis) == (2019, "doc_type:政府工作报告; cue:2019年")


def test_an_article_reports_on_the_year_it_is_dated_by():
    df = facts("据统计局数据，该县地区生产总值增长6.3%，增速居全市第二。", year=2023, doc_type="其他")
    assert (one(df, indicator="地区生产总值").period, one(df, indicator="地区生产总值").kind) == (2023, "actual")


def test_a_news_summary_goes_back_and_forth_between_plan_and_review():
    text = ("会议听取了区长所作的政府工作报告。报告明确，今年的主要预期目标是：全区地区生产总值增长5.5%左右。\n"
            "报告回顾，过去一年，全区一般公共预算收入完成21.4亿元。全区固定资产投资增长4%。\n"
            "今年，全区将确保社会消费品零售总额增长6%以上。")
    df = facts(text, year=2023, doc_type="报告摘要")
    assert (one(df, indicator="地区生产总值").kind, one(df, indicator="地区生产总值").period) == ("target", 2023)
    revenue, investment = one(df, indicator="一般公共预算收入"), one(df, indicator="固定资产投资")
    assert (revenue.kind, revenue.period, revenue.basis) == ("actual", 2022, "cue:过去一年")
    assert (investment.kind, investment.period) == ("actual", 2022)
    retail = one(df, indicator="社会消费品零售总额")
    assert (retail.kind, retail.period, retail.basis) == ("target", 2023, "cue:今年")


def test_a_sentence_looking_back_inside_a_plan_part_is_an_outcome():
    text = PLAN + "去年全县城镇新增就业5600人。全县城镇新增就业6000人以上。"
    df = facts(text)
    past, plan = one(df, value=5600), one(df, value=6000)
    assert (past.kind, past.period) == ("actual", 2020)
    assert (plan.kind, plan.period) == ("target", 2021)


def test_a_past_year_named_in_a_plan_part_is_not_a_target():
    df = facts(PLAN + "2019年，全县粮食产量达到52万吨。")
    assert (one(df).kind, one(df).period) == ("actual", 2019)


def test_numbered_items_of_a_target_breakdown_are_figures_not_headings():
    text = ("现将本年度全区经济社会发展主要指标分解下达，请抓好落实。\n一、规模以上工业增加值增长7%以上。\n"
            "二、固定资产投资增长9%\n三、加强组织领导")
    df = facts(text, year=2025, doc_type="目标任务分解")
    assert list(zip(df.indicator, df.value, df.kind, df.period)) == [
        ("规模以上工业增加值", 7, "target", 2025), ("固定资产投资", 9, "target", 2025)]


def test_a_briefing_keeps_figures_to_date_apart_from_the_years_aim_and_estimate():
    text = ("前三季度经济运行情况\n1-9月，全区固定资产投资增长7.7%，社会消费品零售总额完成46.3亿元。\n"
            "四季度，全区将确保全年固定资产投资增长8%以上。预计全年社会消费品零售总额完成63亿元。")
    df = facts(text, year=2024, doc_type="工作汇报")
    to_date = one(df, value=7.7)
    assert (to_date.kind, to_date.scope, to_date.period) == ("actual", "first_three_quarters", 2024)
    aim = one(df, value=8)
    assert (aim.kind, aim.scope, aim.period, aim.qualifier) == ("target", "annual", 2024, "at_least")
    estimate = one(df, value=63)
    assert (estimate.kind, estimate.scope, estimate.estimated) == ("actual", "annual", True)


def test_news_of_a_bulletin_reports_the_bulletins_year():
    text = ("某县发布2022年国民经济和社会发展统计公报\n记者从县统计局获悉，公报显示，"
            "全年全县实现地区生产总值188.4亿元，比上年增长4.4%。消费对GDP增长的贡献率较上年提高3.2个百分点。")
    df = facts(text, year=2022, doc_type="报告摘要")
    assert set(df["period"]) == {2022} and set(df["kind"]) == {"actual"}
    assert sorted(df["value"]) == [4.4, 188.4]


def test_a_news_headline_restating_the_targets_is_one_fact_each():
    text = ("某县：2024年固定资产投资增长10%以上\n2024-01-12 09:30\n"
            "报告提出，今年的主要预期目标是：固定资产投资增长10%以上，城镇登记失业率控制在4%以内。")
    df = facts(text, year=2024, doc_type="报告摘要")
    investment = one(df, indicator="固定资产投资")
    assert (investment.kind, investment.period, investment.value) == ("target", 2024, 10)
    assert one(df, indicator="城镇登记失业率").kind == "target"


def test_a_figure_of_the_documents_own_year_is_a_target_unless_it_is_done():
    df = facts("2023年全县一般公共预算收入增长6%。", year=2023)
    assert (one(df).kind, one(df).period) == ("target", 2023)
    df = facts("全县一般公共预算收入在2023年首次突破10亿元。", year=2023, doc_type="报告摘要")
    assert one(df).kind == "actual"


def test_a_roundup_of_several_counties_reports_the_year_it_is_dated_by():
    """Identification dates an article on several counties by the year its figures are for, even
    when it retells their work reports: its outcomes are of that year, not the year before."""
    from types import SimpleNamespace

    from pipeline.extract import extract_indicators

    text = ("据各区政府工作报告，朝阳区预计全年地区生产总值增长2.5%左右。\n"
            "通州区全年一般公共预算收入完成120亿元，同比增长3%。")
    several = SimpleNamespace(report_year=2023, doc_type="报告摘要", delivered_year=None, counties=("朝阳区", "通州区"))
    df = extract_indicators(text, several)
    assert set(df["period"]) == {2023} and set(df["kind"]) == {"actual"}
    single = SimpleNamespace(report_year=2023, doc_type="报告摘要", delivered_year=None, counties=())
    assert set(extract_indicators(text, single)["period"]) == {2022}


def test_a_plan_report_sets_each_outcome_beside_its_target():
    from pipeline.normalise import normalise_text

    text = normalise_text("一、2022年计划执行情况\n社会消费品零售总额计划增长8%，实际完成8.4%；"
                          "固定资产投资年度目标95亿元，实际完成97.2亿元。")
    df = facts(text, year=2023, doc_type="计划执行情况")
    retail = df[df["indicator"] == "社会消费品零售总额"]
    assert sorted(zip(retail["kind"], retail["value"])) == [("actual", 8.4), ("target", 8.0)]
    invest = df[df["indicator"] == "固定资产投资"]
    assert sorted(zip(invest["kind"], invest["value"])) == [("actual", 97.2), ("target", 95.0)]
    assert set(df["period"]) == {2022}


def test_a_paragraph_opened_by_an_estimate_is_a_run_of_estimates_until_a_cue_of_its_own():
    text = (REVIEW + "预计全县地区生产总值增长5.8%。一般公共预算收入增长4.1%。社会消费品零售总额增长6%。"
            "2019年城镇新增就业3100人。\n全县粮食产量12万吨。")
    df = facts(text, year=2021)
    flags = dict(zip(df["indicator"], df["estimated"]))
    assert flags["地区生产总值"] and flags["一般公共预算收入"] and flags["社会消费品零售总额"]
    assert not flags["城镇新增就业"] and not flags["粮食产量"]


def test_yuji_late_in_a_sentence_speaks_of_what_follows_it():
    text = REVIEW + "全年一般公共预算收入完成9.6亿元，增长3.3%；预计城乡居民人均可支配收入分别增长6%和7.5%。"
    df = facts(text, year=2021)
    flags = dict(zip(df["indicator"] + df["measure"], df["estimated"]))
    assert not flags["一般公共预算收入level"] and flags["城镇居民人均可支配收入growth"]


def test_a_breakdown_gives_the_countys_line_not_its_towns_lines():
    text = ("各乡镇人民政府、各部门：\n现将2025年主要目标任务分解下达如下。\n"
            "桥头镇：地区生产总值增长9%，一般公共预算收入增长7%。\n高新区：规上工业增加值增长13%。\n"
            "全县：地区生产总值增长6.5%，一般公共预算收入增长5%。")
    df = facts(text, year=2025, doc_type="目标任务分解")
    assert sorted(zip(df["indicator"], df["value"])) == [("一般公共预算收入", 5.0), ("地区生产总值", 6.5)]
