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
