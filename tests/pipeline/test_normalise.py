"""normalise_text: the exact phrasings seen in county reports and on the pages around them."""

from __future__ import annotations

import re

import pytest

from pipeline import normalise
from pipeline.normalise import normalise_text
from tests.pipeline.conftest import sample_text

# ---------------------------------------------------------------- characters


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("地区生产总值增长７．９％", "地区生产总值增长7.9%"),
        ("ＧＤＰ达到２２１．４６亿元", "GDP达到221.46亿元"),
        ("新增就业１，２３４人", "新增就业1,234人"),
        ("三次产业结构１２．８：５１．９：３５．３", "三次产业结构12.8:51.9:35.3"),
        ("增长＊％，完成ＸＸ亿元", "增长*%，完成XX亿元"),
    ],
)
def test_full_width_numbers_and_letters_fold(raw, expected):
    assert normalise_text(raw) == expected


def test_chinese_punctuation_is_kept():
    text = "一是稳增长，二是调结构；三是惠民生：“六稳”“六保”（见附表）、其他。"
    assert normalise_text(text) == text


def test_full_width_spaces_become_one_space():
    assert normalise_text("　　各位代表：\n　　现在，我代表　　县人民政府") == "各位代表：\n现在，我代表 县人民政府"


@pytest.mark.parametrize("masked", ["增长X%", "完成XX亿元", "增长x.x%", "增长*%", "XXXX年", "增长xx%以上"])
def test_masking_tokens_stay_masks(masked):
    assert normalise_text(masked) == masked


def test_full_width_star_becomes_ascii_star():
    assert normalise_text("完成投资＊亿元") == "完成投资*亿元"


def test_invisible_characters_are_removed():
    assert normalise_text("政府\u200b工作\ufeff报告\r\n各位代表") == "政府工作报告\n各位代表"


def test_traditional_text_is_converted_to_simplified():
    text = "浚縣2021年政府工作報告。地區生產總值增長7.9%，全縣上下共同努力，完成目標任務。"
    assert normalise_text(text) == "浚县2021年政府工作报告。地区生产总值增长7.9%，全县上下共同努力，完成目标任务。"


def test_simplified_text_is_left_alone(sample_name):
    # 乾县 is a simplified-script county name that t2s would rewrite: only convert traditional texts.
    text = sample_text(sample_name) + "\n乾县"
    assert normalise.to_simplified_if_traditional(text) == text


# ---------------------------------------------------------------- how pages render text


def test_radicals_from_a_pdf_text_layer_become_ideographs():
    # Kangxi radicals (⼯ U+2F2F, ⼈ U+2F08) and the Radicals Supplement (⻓ U+2ED3, ⻔ U+2ED4)
    layer = "全县⼈民政府⼯作报告指出，城镇居民收入增⻓6.5%，⻔诊量稳定。"
    assert normalise_text(layer) == "全县人民政府工作报告指出，城镇居民收入增长6.5%，门诊量稳定。"


def test_compatibility_ideographs_fold_but_circled_numbers_stay():
    assert normalise.fold_radicals("①\uf901②㎡") == "①更②㎡"


def test_inline_pinyin_of_a_traditional_mirror_is_stripped_and_folded():
    raw = "全縣社會消費品零售總額增長(zhǎng)6.1%，完成年度預(yù)期目標(biāo)。"
    assert normalise_text(raw) == "全县社会消费品零售总额增长6.1%，完成年度预期目标。"


def test_toneless_pinyin_is_stripped_only_where_a_page_annotates_many_characters():
    page = "本县居(ju)民收入增(zeng)(zeng)长5%，财(cai)政收入稳定。"
    assert normalise.strip_inline_pinyin(page) == "本县居民收入增长5%，财政收入稳定。"
    lone = "会上宣读了倡议书(ban)。"
    assert normalise.strip_inline_pinyin(lone) == lone


@pytest.mark.parametrize("kept", ["生产总值(GDP)增长", "按可比价计算(下同)", "面积(km)", "项目(2023)", "PM2.5(ug)"])
def test_abbreviations_and_remarks_in_brackets_are_kept(kept):
    assert normalise.strip_inline_pinyin(kept) == kept


def test_injected_mirror_tokens_are_dropped():
    raw = "各位代表:kQz\nkQz\n现在我代表县人民政府作报告。kQz\n一、工作回顾kQz"
    assert normalise_text(raw) == "各位代表:\n现在我代表县人民政府作报告。\n一、工作回顾"


def test_a_single_mixed_case_word_and_ph_are_kept():
    assert normalise.drop_injected_tokens("水质pH值稳定，pH达标，iPad一台") == "水质pH值稳定，pH达标，iPad一台"


# ---------------------------------------------------------------- chrome

CHROME_LINES = [
    "设为首页收藏本站",
    "设为首页",
    "收藏本站",
    "签到天数: 2 天",
    "• 会员菜单加载中......",
    "版权所有:中国县域 QQ:1581746470",
    "阅读:194",
    "发表于 2021-1-4 15:18:15 | 显示全部楼层 |阅读模式",
    "发表于 2021-1-4",
    "回复",
    "积分",
    "[复制链接]",
    "上一篇：2020年政府工作报告",
    "下一篇：关于召开会议的通知",
    "豫ICP备12345678号-1",
    "扫一扫",
    "分享到：",
    "查看: 1662|回复: 0",
    "时间:2023-08-06   作者:中国县域   来源:政府官网   阅读:194   评论:0",
    "2024-03-04 08:27:52",
    "Powered by quyushuju X3.4 Licensed© 2008-2018 quyushuju Inc.",
    "快速回复 返回顶部 返回列表",
    "1040",
    "Rank: 7Rank: 7Rank: 7",
    "[LV.1]初来乍到",
    "|",
]
REPORT_LINES = [
    "各位代表：",
    "一、2020年工作回顾",
    "全年实现地区生产总值221.46亿元，同比增长7.9%。",
    "积分落户政策全面落实，新增城镇就业2300人以上。",
    "回复群众诉求1.2万件，办结率100%。",
    "版权保护和知识产权工作持续加强。",
]


@pytest.mark.parametrize("chrome", CHROME_LINES)
def test_chrome_lines_are_dropped(chrome):
    text = "\n".join(["各位代表：", chrome, "全年实现地区生产总值221.46亿元，同比增长7.9%。"])
    assert normalise_text(text) == "各位代表：\n全年实现地区生产总值221.46亿元，同比增长7.9%。"


@pytest.mark.parametrize("line", REPORT_LINES)
def test_report_lines_are_not_chrome(line):
    assert normalise_text(line) == line


def test_chrome_pattern_file_is_valid():
    patterns = normalise.chrome_patterns()
    assert len(patterns) > 30
    assert all(isinstance(p, re.Pattern) for p in patterns)


@pytest.mark.parametrize("name", ["seeds/003_ad147ba315cb1764.txt", "seeds/004_75247fd8577e948a.txt"])
def test_sample_pages_lose_their_chrome(name):
    text = normalise_text(sample_text(name))
    for chrome in ("设为首页", "签到天数", "会员菜单", "发表于", "版权所有", "Powered by", "阅读:194", "回帖"):
        assert chrome not in text
    assert "各位代表" in text


# ---------------------------------------------------------------- layout repairs


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


# ---------------------------------------------------------------- determinism


def test_normalisation_is_deterministic(sample_name):
    # Not idempotent in general: a second pass no longer sees the blank lines that
    # separated short headings, so offsets always refer to one pass over the raw text.
    raw = sample_text(sample_name)
    once = normalise_text(raw)
    assert once == normalise_text(raw)
    assert "\n\n" not in once and once == once.strip()
    assert "  " not in once
