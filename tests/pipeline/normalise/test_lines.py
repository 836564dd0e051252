"""Lines into paragraphs: spaced titles, wraps, OCR slips, spaces; determinism."""

from __future__ import annotations

import re

import pytest

from pipeline.normalise import normalise_text
from tests.pipeline.conftest import sample_text


def test_spaced_out_title_is_joined():
    assert normalise_text("政 府 工 作 报 告") == "政府工作报告"


def test_spaced_out_name_is_joined_but_words_keep_their_space():
    assert normalise_text("浚县人民政府县长   刘  青") == "浚县人民政府县长 刘青"
    assert normalise_text("1.强化调度稳增长 经济运行回升向好") == "1.强化调度稳增长 经济运行回升向好"


def test_page_marker_inside_a_sentence_is_removed():
    text = "较好地完成了县十四届XX历次会议确\n2、定的目标任务,全县经济社会发展迈上了新台阶。"
    assert normalise_text(text) == "较好地完成了县十四届XX历次会议确定的目标任务,全县经济社会发展迈上了新台阶。"


def test_page_markers_of_a_paged_viewer_are_removed():
    text = normalise_text(sample_text("seeds/001_fd803d36d9783eb8.txt"))
    assert "会议确定的目标任务" in text
    assert "工业投资和制造业投资均实现翻两番" in text
    assert "外贸出口额年均增长X%,入选" in text
    assert "新增高新技术企业XX家、省科技型中小企业XXX家、规上工业企业研发费用" in text
    assert not re.search(r"(?m)^\d+、", text)


@pytest.mark.parametrize(
    "text",
    [
        "主要措施：\n1、强化调度\n2、优化结构\n3、扩大投资",
        "一是加强领导。\n1、强化调度，确保完成。\n2、优化结构，提升质量。\n3、扩大投资，增强后劲。",
        "重点做好以下工作：\n一是稳增长。\n二是调结构。",
        "1.强化调度稳增长\n2.优化结构促转型",
        "（1）强化调度\n（2）优化结构",
    ],
)
def test_genuine_numbered_lists_are_kept(text):
    assert normalise_text(text) == text


def test_line_breaks_inside_numbers_and_words_are_joined():
    assert normalise_text("固定资产\n投资增长1\n5.2%") == "固定资产投资增长15.2%"


def test_wrapped_chinese_sentence_is_joined_and_paragraphs_kept():
    text = (
        "一、2020年工作回顾\n过去的一年，我们着力扩投资稳增长，经济运行\n企稳向好。规模以上工业增加值增长5.5%，\n"
        "固定资产投资增长6.4%。\n各位代表：\n现在，我代表县人民政府向大会报告工作。"
    )
    assert normalise_text(text) == (
        "一、2020年工作回顾\n过去的一年，我们着力扩投资稳增长，经济运行企稳向好。规模以上工业增加值增长5.5%，"
        "固定资产投资增长6.4%。\n各位代表：\n现在，我代表县人民政府向大会报告工作。"
    )


def test_hard_wrapped_text_joins_lines_that_start_like_headings():
    # A PDF text layer wraps every line at one width; "（一）…" wrapped is still one paragraph.
    paragraph = (
        "（一）经济实现平稳健康发展。坚持找准症结、靶向发力，推动“六稳”工作落地见效，经济运行保持在合理区间。"
        "全年实现地区生产总值221.46亿元，同比增长7.9%；一般公共预算收入18.1亿元，增长5.2%；"
        "固定资产投资增长9.8%，社会消费品零售总额增长6.2%，居民人均可支配收入增长6.4%"
    )
    heading = "一、2019年工作回顾"
    wrapped = "\n".join([heading] + [paragraph[i:i + 20] for i in range(0, len(paragraph), 20)] + ["。"])
    assert normalise_text(wrapped) == heading + "\n" + paragraph + "。"


def test_blank_lines_end_paragraphs():
    assert normalise_text("第一段没有句号\n\n\n第二段") == "第一段没有句号\n第二段"


def test_meeting_line_split_across_blank_lines_is_rejoined():
    text = "—— 2020年5月20日在利津县第十八届人民代表大会\n\n第四次会议上\n\n利津县县长  张晓彬\n各位代表:"
    assert normalise_text(text) == (
        "—— 2020年5月20日在利津县第十八届人民代表大会第四次会议上\n利津县县长 张晓彬\n各位代表:"
    )


def test_bullets_and_dated_lines_keep_their_breaks():
    text = "1.强化调度稳增长 经济运行回升向好\n●地区生产总值增长1.7%\n●固定资产投资增长9.8%"
    assert normalise_text(text) == text


def test_wrapped_english_words_keep_a_space():
    assert normalise_text("Gross Domestic\nProduct增长") == "Gross Domestic Product增长"


# ---------------------------------------------------------------- OCR slips and spaces


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("城乡居民人均可支配收入分别增长X%和X%o五年来", "城乡居民人均可支配收入分别增长X%和X%。五年来"),
        ("完成科技产业园建设工程总工程量的xx%o加快水晶", "完成科技产业园建设工程总工程量的xx%。加快水晶"),
        ("同比增长xx%O各位代表!", "同比增长xx%。各位代表!"),
        ("增长7.5%o", "增长7.5%。"),
    ],
)
def test_percent_o_is_a_full_stop(raw, expected):
    assert normalise_text(raw) == expected


def test_runs_of_spaces_collapse():
    assert normalise_text("地区生产总值   增长  7.9%  ") == "地区生产总值 增长 7.9%"


def test_normalisation_is_deterministic(sample_name):
    # Not idempotent in general: a second pass no longer sees the blank lines that
    # separated short headings, so offsets always refer to one pass over the raw text.
    raw = sample_text(sample_name)
    once = normalise_text(raw)
    assert once == normalise_text(raw)
    assert "\n\n" not in once and once == once.strip()
    assert "  " not in once


def test_a_pdf_paragraph_whose_line_breaks_became_spaces_is_rejoined():
    raw = ("受区政府委托，现将全区经济运行情况报告如下。一年来，全区规模以上工 业增加值同比增 长 6%，固 定资产投资"
           "增长 9%，社会消费品零 售总额增长 4%，一般公共预 算收入增长 3%，城镇新增就 业 5200 人，外贸进出口总额增 长 2%，"
           "实际利用外资完成 1.2 亿美元，粮食总产 量稳定，农村居民收入持续增 长，民生事业不断进 步，社会大局和谐稳 定。"
           "全年共实施重点项目 86 个，完成投资 120 亿元，新开工项 目 35 个，竣工投产项 目 28 个。")
    text = normalise_text(raw)
    assert "规模以上工业增加值同比增长6%" in text and "固定资产投资" in text
    assert normalise_text("县长 刘青") == "县长 刘青"


def test_table_rows_keep_their_lines_and_wrapped_prose_is_still_joined():
    from pipeline.normalise import normalise_text

    text = ("全县规模以上工业企业实现营业收入，比上年\n增长8.1%。\n"
            "表1 主要指标\n单位：万元\n指 标 2023年 增长\n地区生产总值 5123456 6.2\n工 业 1201111 7.0\n")
    lines = normalise_text(text).split("\n")
    assert lines[0] == "全县规模以上工业企业实现营业收入，比上年增长8.1%。"
    assert lines[-2:] == ["地区生产总值 5123456 6.2", "工业 1201111 7.0"]
    assert "指标 2023年 增长" in lines
