"""identify_document: county, year and kind of every sample, and the traps around them."""

from __future__ import annotations

import pytest

from pipeline.identify import DocumentIdentity, identify_document
from pipeline.normalise import normalise_text
from tests.pipeline.conftest import sample_text

GOV = "政府工作报告"
BRIEF = "工作汇报"
SUMMARY = "报告摘要"

# name: (county, city, province, report_year, doc_type, anonymised)
EXPECTED = {
    "seeds/000_c9aa3e43874953b5.txt": (None, None, None, None, BRIEF, True),
    "seeds/001_fd803d36d9783eb8.txt": (None, None, None, 2021, GOV, True),
    "seeds/002_f5870f383b9e3c0b.txt": (None, None, None, 2023, BRIEF, True),
    "seeds/003_ad147ba315cb1764.txt": ("利津县", "东营市", "山东省", 2020, GOV, False),
    "seeds/004_75247fd8577e948a.txt": ("浚县", "鹤壁市", "河南省", 2021, GOV, False),
    "samples/xunxian_2023.txt": ("浚县", "鹤壁市", "河南省", 2023, GOV, False),
    "samples/xunxian_2024_news.txt": ("浚县", "鹤壁市", "河南省", 2024, SUMMARY, False),
}
EXPECTED_TITLES = {
    "seeds/000_c9aa3e43874953b5.txt": "县“三创四建”工作汇报",
    "seeds/001_fd803d36d9783eb8.txt": "2021年政府工作报告(区县)",
    "seeds/002_f5870f383b9e3c0b.txt": "2023年某县工作情况汇报",
    "seeds/003_ad147ba315cb1764.txt": "2020年利津县政府工作报告",
    "seeds/004_75247fd8577e948a.txt": "浚县2021年政府工作报告",
    "samples/xunxian_2023.txt": "(河南省)浚县人民政府工作报告(2023年4月8日)",
    "samples/xunxian_2024_news.txt": "浚县第十六届人民代表大会第四次会议政府工作报告摘要",
}
EXPECTED_DELIVERY = {
    "seeds/003_ad147ba315cb1764.txt": (2020, 5),
    "seeds/004_75247fd8577e948a.txt": (2021, 3),
    "samples/xunxian_2023.txt": (2023, 4),
}


def identify(text: str, html_title: str | None = None) -> DocumentIdentity:
    return identify_document(normalise_text(text), "upload.txt", html_title)


def summary(identity: DocumentIdentity) -> tuple:
    return (identity.county, identity.city, identity.province, identity.report_year,
            identity.doc_type, identity.anonymised)


@pytest.mark.parametrize("normalised", [True, False], ids=["normalised", "raw"])
def test_samples_are_identified(sample_name, normalised):
    text = sample_text(sample_name)
    identity = identify_document(normalise_text(text) if normalised else text, sample_name)
    assert summary(identity) == EXPECTED[sample_name]
    assert identity.title == EXPECTED_TITLES[sample_name]
    delivered = (identity.delivered_year, identity.delivered_month)
    assert delivered == EXPECTED_DELIVERY.get(sample_name, (None, None))


def test_file_name_never_outweighs_the_text():
    text = normalise_text(sample_text("seeds/003_ad147ba315cb1764.txt"))
    assert identify_document(text, "2015年浚县政府工作报告.txt") == identify_document(text, "x.txt")


# ---------------------------------------------------------------- years

BODY = (
    "各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n"
    "一、今年工作回顾\n今年以来，全县地区生产总值增长6.5%，全县上下共同努力。\n"
    "二、明年工作安排\n明年经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n"
)


def test_report_delivered_in_december_is_for_next_year():
    text = "政府工作报告\n——2020年12月28日在义乌市第十六届人民代表大会第六次会议上\n义乌市人民政府市长 王健\n" + BODY
    identity = identify(text)
    assert summary(identity) == ("义乌市", "金华市", "浙江省", 2021, GOV, False)
    assert (identity.delivered_year, identity.delivered_month) == (2020, 12)


def test_report_delivered_in_october_is_for_next_year():
    text = "政府工作报告\n——2019年10月30日在利津县第十八届人民代表大会第三次会议上\n" + BODY
    assert identify(text).report_year == 2020


def test_chinese_numeral_meeting_date():
    text = "政府工作报告\n——二〇二一年一月十二日在利津县第十九届人民代表大会第一次会议上\n" + BODY
    identity = identify(text)
    assert (identity.county, identity.report_year) == ("利津县", 2021)
    assert (identity.delivered_year, identity.delivered_month) == (2021, 1)


def test_meeting_line_split_over_lines():
    text = "政府工作报告\n\n—— 2020年5月20日在利津县第十八届人民代表大会\n\n第四次会议上\n\n" + BODY
    assert identify(text).report_year == 2020


def test_web_posting_dates_are_not_the_report_year():
    text = (
        "发表于 2021-1-4 15:18:15\n时间:2023-08-06 作者:中国县域 阅读:194\n2024-03-04 08:27:52\n"
        "浚县政府工作报告\n各位代表：\n一、2019年工作回顾\n过去的一年，浚县地区生产总值增长7%。\n"
        "二、2020年主要预期目标\n地区生产总值增长6.5%左右。\n"
    )
    assert identify(text).report_year == 2020


def test_news_summary_is_for_the_year_it_plans():
    text = (
        "——浚县第十六届人民代表大会第四次会议政府工作报告摘要\n2024-03-04 08:27:52\n"
        "2月27日至29日，浚县第十六届人民代表大会第四次会议召开。会议回顾总结2023年工作，"
        "提出2024年经济社会发展主要目标。\n"
    )
    identity = identify(text)
    assert (identity.county, identity.report_year, identity.doc_type) == ("浚县", 2024, SUMMARY)


def test_masked_years_give_no_year():
    text = "XX县政府工作报告\n各位代表：\n一、XXXX年工作回顾\n全县地区生产总值增长X%。\n二、XXXX年主要预期目标\n增长X%左右。"
    assert identify(text).report_year is None


def test_mid_year_briefing_is_for_its_own_year():
    text = "2023年浚县上半年工作情况汇报\n尊敬的各位领导：\n现将我县今年上半年工作情况汇报如下。今年上半年，全县地区生产总值增长5%。"
    identity = identify(text)
    assert (identity.county, identity.report_year, identity.doc_type) == ("浚县", 2023, BRIEF)


# ---------------------------------------------------------------- county names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年淇滨区政府工作报告\n各位代表：全区上下共同努力，淇滨区经济稳步发展。", ("淇滨区", "鹤壁市", "河南省")),
        ("深圳市南山区2022年政府工作报告\n各位代表：南山区全区上下共同努力，深圳南山经济稳步发展。",
         ("南山区", "深圳市", "广东省")),
        ("准格尔旗2021年政府工作报告\n各位代表：全旗上下共同努力，准格尔旗经济稳步发展。",
         ("准格尔旗", "鄂尔多斯市", "内蒙古自治区")),
        ("2021年义乌市政府工作报告\n各位代表：全市上下共同努力，义乌市经济稳步发展。", ("义乌市", "金华市", "浙江省")),
        ("2021年忠县政府工作报告\n各位代表：全县上下共同努力，忠县经济稳步发展。", ("忠县", "重庆市", "重庆市")),
    ],
    ids=["city-district", "ambiguous-district", "banner", "county-level-city", "municipality-county"],
)
def test_county_level_names(text, expected):
    identity = identify(text)
    assert (identity.county, identity.city, identity.province) == expected
    assert identity.anonymised is False


def test_ambiguous_name_without_context_keeps_only_the_county():
    identity = identify("2021年和平区政府工作报告\n各位代表：全区上下共同努力，和平区经济稳步发展。")
    assert (identity.county, identity.city, identity.province) == ("和平区", None, None)


def test_county_named_in_government_context_wins_over_passing_mentions():
    text = (
        "政府工作报告\n各位代表：\n现在，我代表利津县人民政府向大会报告工作。我们学习借鉴浚县、淇县的经验，"
        "各乡镇和县直部门密切配合，提高县域经济实力，利津县经济稳步发展。"
    )
    assert identify(text).county == "利津县"


def test_two_character_names_inside_words_are_not_counties():
    text = "政府工作报告\n各位代表：各乡镇和县直部门密切配合，提高县域经济实力，建成县级医院，全县上下共同努力完成任务。"
    identity = identify(text)
    assert identity.county is None
    assert identity.anonymised is False


def test_traditional_characters():
    text = "浚縣2021年政府工作報告\n——2021年3月12日在浚縣第十五屆人民代表大會第六次會議上\n各位代表：現在，我代表縣人民政府向大會報告工作。"
    identity = identify(text)
    assert summary(identity) == ("浚县", "鹤壁市", "河南省", 2021, GOV, False)
    assert identity.title == "浚县2021年政府工作报告"


def test_spaced_out_title():
    text = "政 府 工 作 报 告\n——2020年5月20日在利津县第十八届人民代表大会第四次会议上\n利津县县长 张晓彬\n" + BODY
    identity = identify_document(text, "x.txt")  # raw text: identify copes with the spacing itself
    assert identity.title == "政府工作报告"
    assert summary(identity) == ("利津县", "东营市", "山东省", 2020, GOV, False)


def test_markdown_heading_and_date_on_its_own_line():
    text = "# 浚县2021年政府工作报告\n\n（2021年3月12日\n在浚县第十五届人民代表大会第六次会议上）\n各位代表："
    identity = identify_document(text, "x.md")
    assert identity.title == "浚县2021年政府工作报告"
    assert (identity.delivered_year, identity.delivered_month) == (2021, 3)


def test_masked_title_keeps_its_mask():
    identity = identify("*县2023年上半年工作情况汇报\n尊敬的各位领导：现将我县工作情况汇报如下。")
    assert identity.title == "*县2023年上半年工作情况汇报"
    assert (identity.anonymised, identity.report_year, identity.doc_type) == (True, 2023, BRIEF)


def test_big5_traditional_report_end_to_end(tmp_path):
    from pipeline.ingest import read_document

    text = "浚縣2021年政府工作報告\n——2021年3月12日在浚縣第十五屆人民代表大會第六次會議上\n各位代表：現在，我代表縣人民政府向大會報告工作，請予審議。"
    path = tmp_path / "big5.txt"
    path.write_bytes((text * 3).encode("big5"))
    identity = identify(read_document(path).text)
    assert summary(identity) == ("浚县", "鹤壁市", "河南省", 2021, GOV, False)


def test_html_title_is_the_fallback_title():
    text = "各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。浚县上下共同努力，浚县经济稳步发展。"
    identity = identify(text, html_title="浚县2021年政府工作报告_中国县域")
    assert identity.title == "浚县2021年政府工作报告"
    assert (identity.county, identity.report_year, identity.doc_type) == ("浚县", 2021, GOV)


# ---------------------------------------------------------------- anonymised templates


@pytest.mark.parametrize("masked", ["X县", "XX县", "*县", "某县", "××县", "ＸＸ县"])
def test_masked_county_names_are_anonymised(masked):
    text = f"{masked}2021年政府工作报告\n各位代表：\n{masked}位于X市东部，全县地区生产总值增长X%。我们学习借鉴浚县经验。"
    identity = identify(text)
    assert summary(identity) == (None, None, None, 2021, GOV, True)


def test_template_with_masked_values_and_no_name_is_anonymised():
    text = "政府工作报告\n各位代表：\n过去五年，XX发展进程极不平凡，全县地区生产总值增长X%，一般公共预算收入增长XX%，完成投资XX亿元。"
    assert identify(text).anonymised is True


# ---------------------------------------------------------------- document types


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        ("浚县2021年政府工作报告\n各位代表：", GOV),
        ("各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。", GOV),
        ("浚县第十六届人民代表大会第四次会议政府工作报告摘要\n2月27日，会议召开。", SUMMARY),
        ("浚县“三创四建”工作汇报\n尊敬的各位领导：", BRIEF),
        ("尊敬的各位领导：\n根据会议安排，现将我县工作情况汇报如下。", BRIEF),
        ("浚县2021年国民经济和社会发展统计公报\n2021年，全县地区生产总值增长7%。", "统计公报"),
    ],
)
def test_document_types(text, doc_type):
    assert identify_document(text, "x.txt").doc_type == doc_type


@pytest.mark.parametrize("head,county,province", [
    ("2022年示例县人民政府工作报告\n——2022年2月18日在示例县第十七届人民代表大会第二次会议上\n", "示例县", None),
    ("北泉县2023年前三季度经济运行情况汇报\n尊敬的王市长：\n", "北泉县", None),
    ("湖南省澄溪县2022年政府工作报告\n各位代表：\n", "澄溪县", "湖南省"),
    ("[河北] 2020年杏林县政府工作报告\n", "杏林县", "河北省"),
    ("2013年样本县人民政府工作报告\n", "样本县", None),
])
def test_county_missing_from_division_data_is_kept_by_name(head, county, province):
    """Renamed or new counties are not in the offline table: the report's own name stands."""
    identity = identify_document(head + "现在，我代表县人民政府向大会报告工作。全县地区生产总值增长6%。", "x.txt")
    assert (identity.county, identity.city, identity.province, identity.anonymised) == (county, None, province, False)
