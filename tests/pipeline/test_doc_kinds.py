"""pipeline.doc_kinds: each kind recognised from general signs, on sentences written here."""

from __future__ import annotations

import pytest

from pipeline import doc_kinds
from pipeline.identify import identify_document


def kind(text: str) -> str:
    return identify_document(text, "x.txt").doc_type


@pytest.mark.parametrize(("text", "expected"), [
    # the report speaking for itself
    ("各位代表：\n现在，我代表区人民政府，向大会作政府工作报告，请予审议。\n一、过去一年工作回顾", doc_kinds.GOVERNMENT_REPORT),
    # a news item telling what the county head reported
    ("3月2日，青田县第十届人民代表大会第三次会议开幕。县委副书记、县长周某作政府工作报告。\n"
     "报告提出，今年全县地区生产总值增长7%左右。", doc_kinds.REPORT_SUMMARY),
    # a byline and a session, no first person
    ("本报讯（记者 李明）昨天召开的县两会上，今年主要预期目标正式确定：地区生产总值增长6.5%。", doc_kinds.REPORT_SUMMARY),
    # targets told about a named county in the third person
    ("今年，青田县确定主要预期目标：地区生产总值增长6%左右，一般公共预算收入增长5%。\n青田县将持续发力。",
     doc_kinds.REPORT_SUMMARY),
    ("青田县2022年国民经济和社会发展统计公报\n2022年，全县实现地区生产总值400亿元。", doc_kinds.STATISTICAL_BULLETIN),
    # a bulletin whose title line was lost: numbered 综合 section with 初步核算
    ("2019年，全县经济平稳运行。\n一、综合\n初步核算，全年地区生产总值150.2亿元，按可比价格计算，增长6.1%。",
     doc_kinds.STATISTICAL_BULLETIN),
    # a news story about a bulletin is a summary
    ("新闻网5月3日讯 近日，《青田县2022年国民经济和社会发展统计公报》发布。公报显示，全县生产总值增长4%。",
     doc_kinds.REPORT_SUMMARY),
    ("关于青田县2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n各位代表：", doc_kinds.PLAN_EXECUTION),
    ("青田县人民政府关于下达2023年国民经济和社会发展主要目标任务的通知\n各乡镇人民政府：", doc_kinds.TARGET_BREAKDOWN),
    ("青田县2023年上半年经济运行情况汇报\n尊敬的各位领导：现将有关情况汇报如下。", doc_kinds.WORK_BRIEFING),
    ("青田年鉴(2021)\n综述 2020年，全县上下奋力拼搏。", doc_kinds.OTHER),
])
def test_each_kind(text, expected):
    assert kind(text) == expected


def test_report_citing_a_plan_report_is_not_a_plan_report():
    text = ("4月1日，区第三届人民代表大会第二次会议开幕。区长作政府工作报告。\n"
            "会议还审查了\n《示例区2020年计划执行情况及2021年计划草案的报告》、《预算报告》。")
    assert kind(text) == doc_kinds.REPORT_SUMMARY


def test_notice_forwarding_the_report_is_the_report():
    text = ("县人民政府关于印发政府工作报告的通知\n《政府工作报告》已经县第九届人民代表大会第二次会议审议通过，现印发给你们。\n"
            "各位代表：\n现在，我代表县人民政府向大会报告工作。")
    assert kind(text) == doc_kinds.GOVERNMENT_REPORT


def test_vocabulary_is_complete():
    assert set(doc_kinds.OFFICIAL_KINDS) <= set(doc_kinds.DOC_KINDS)
    assert len(set(doc_kinds.DOC_KINDS)) == 7
