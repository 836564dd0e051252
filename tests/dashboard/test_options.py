"""Where the pickers of a two-way comparison start (dashboard/queries/options.py)."""

from dashboard import queries


def test_counties_compared_start_at_the_selected_county_against_the_first_other():
    counties = ["东乌珠穆沁旗", "三原县", "瑶海区", "肥西县"]
    assert queries.comparison_pair(counties, "瑶海区") == (2, 0)
    assert queries.comparison_pair(counties, "东乌珠穆沁旗") == (0, 1)


def test_years_compared_start_at_the_selected_year_against_the_year_before():
    years = [2019, 2021, 2022, 2024]
    assert queries.comparison_pair(years, 2022) == (2, 1)
    assert queries.comparison_pair(years, 2019) == (0, 1)  # nothing earlier: the next one


def test_an_unknown_or_missing_selection_starts_at_the_first_two():
    assert queries.comparison_pair(["甲县", "乙县"], None) == (0, 1)
    assert queries.comparison_pair([2020, 2021], 2030) == (0, 1)


def test_an_empty_report_year_names_the_years_the_county_has_reports_for():
    import pandas as pd

    documents = pd.DataFrame({
        "county": ["浚县", "浚县", "浚县;淇县", "淇县"], "report_year": [2023, 2021, 2024, None],
        "status": ["ok", "ok", "ok", "ok"], "anonymised": [False, False, False, False],
    })
    assert queries.report_years_hint(documents, "浚县") == "浚县有报告的年份：2021年、2023年、2024年（在左侧“年份”中选择）。"
    assert queries.report_years_hint(documents, "淇县") == "淇县有报告的年份：2024年（在左侧“年份”中选择）。"
    assert queries.report_years_hint(documents, "滑县") == "滑县还没有注明年份的报告。"
    assert queries.report_years_hint(documents, None) == ""


def _pairs(rows):
    import pandas as pd

    return pd.DataFrame(rows, columns=["county", "period", "target_doc", "status"])


def _documents(rows):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["county", "report_year"])
    return frame.assign(status="ok", anonymised=False)


def _outcomes(rows):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["county", "indicator", "period"])
    return frame.assign(kind="actual", value=1.0, scope="annual")


def test_the_first_year_is_the_latest_whose_targets_have_a_verdict():
    pairs = _pairs([("浚县", 2020, "d20", "met"), ("浚县", 2021, "d21", "missed"), ("浚县", 2022, "d22", "no_outcome_yet"),
                    ("浚县", 2023, None, "no_target"), ("滑县", 2024, "h24", "met")])
    documents = _documents([("浚县", 2021), ("浚县", 2022)])
    outcomes = _outcomes([("浚县", "地区生产总值", 2023)])
    assert queries.default_year(outcomes, "浚县", "地区生产总值", pairs=pairs, documents=documents) == 2021


def test_without_a_verdict_the_first_year_is_the_countys_latest_report():
    """Its targets and slogans show (outcomes pending), never a year of outcomes alone: there
    every card would say 暂无目标 and there would be no slogans."""
    pairs = _pairs([("浚县", 2022, "d22", "no_outcome_yet")])
    documents = _documents([("浚县", 2021), ("浚县;淇县", 2022), ("滑县", 2024)])
    outcomes = _outcomes([("浚县", "地区生产总值", 2021), ("滑县", "地区生产总值", 2021)])
    assert queries.default_year(outcomes, "浚县", "地区生产总值", pairs=pairs, documents=documents) == 2022
    assert queries.default_year(outcomes, "淇县", "地区生产总值", pairs=pairs, documents=documents) == 2022


def test_without_reports_the_first_year_is_the_outcome_year():
    outcomes = _outcomes([("浚县", "地区生产总值", 2019), ("浚县", "地区生产总值", 2020), ("滑县", "地区生产总值", 2019)])
    assert queries.default_year(outcomes, "浚县", "地区生产总值", pairs=_pairs([]), documents=_documents([])) == 2019
    assert queries.default_year(outcomes, "浚县", "地区生产总值") == 2019  # the most counties report it
    assert queries.outcome_year(outcomes, "滑县", "地区生产总值") == 2019
    assert queries.default_year(outcomes) == 2019
