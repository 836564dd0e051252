"""Renderings the perturbation bench (bench/robustness.py) found the normaliser missing.
Each test sentence is written here, not taken from the corpus."""

from pipeline.normalise import normalise_text


def test_full_width_pinyin_annotations_are_stripped():
    raw = "今年的預（ｙù）期目標（ｂｉāｏ）是：全縣生產總值增長（ｚｈǎｎｇ）６．５％左右。"
    assert normalise_text(raw) == "今年的预期目标是：全县生产总值增长6.5%左右。"


def test_a_line_ending_in_an_ascii_full_stop_is_not_joined_to_the_next():
    raw = "请各位委员提出意见.\n全县生产总值增长6.\n5%,高于全省."
    assert normalise_text(raw).split("\n") == ["请各位委员提出意见.", "全县生产总值增长6.5%,高于全省."]


def test_pdf_layer_spaces_around_punctuation_brackets_and_numbers_are_removed():
    raw = ("( 二 ) 稳住经济大盘\n"
           "去年 , 全县完成生产总值 185.6 亿元 , 增长 6.2% ; 新增项目 14 个 , 占 GDP 比重 “ 双提升 ” 。")
    assert normalise_text(raw).split("\n") == [
        "(二)稳住经济大盘",
        "去年,全县完成生产总值185.6亿元,增长6.2%;新增项目14个,占GDP比重“双提升”。",
    ]


def test_table_rows_and_name_gaps_keep_their_spaces():
    raw = "表1 主要指标\n指标 2022年 比上年增长\n一般公共预算收入(亿元) 18.6 5.1\n县长 王立新"
    assert normalise_text(raw).split("\n") == raw.split("\n")


def test_a_pinyin_annotation_cut_from_its_character_by_a_wrap_is_stripped():
    raw = ("全縣一般公共預(yù)算收入增長(zhǎng)5.1%,規(guī)模以上工業(yè)增\n"
           "(zēng)加值增長(zhǎng)7.3%。")
    assert normalise_text(raw) == "全县一般公共预算收入增长5.1%,规模以上工业增加值增长7.3%。"


def test_a_wrapped_paragraph_that_opens_with_a_heading_marker_is_joined():
    raw = "(二)财政收入稳步增长。全县一般公共预算收入完成\n12.6亿元,增长4.3%。\n三、今年的主要目标\n生产总值增长6%。"
    assert normalise_text(raw).split("\n") == [
        "(二)财政收入稳步增长。全县一般公共预算收入完成12.6亿元,增长4.3%。", "三、今年的主要目标", "生产总值增长6%。"]


def test_a_breadcrumb_line_keeps_its_own_line():
    raw = "当前位置：首页 > 新闻中心 > 县情要闻\n全县召开经济工作会议\n会议指出"
    assert normalise_text(raw).split("\n")[:2] == ["当前位置：首页 > 新闻中心 > 县情要闻", "全县召开经济工作会议会议指出"]
    assert normalise_text("您的位置:首页\n> 信息公开 > 统计数据\n标题").split("\n") == ["您的位置:首页> 信息公开 > 统计数据", "标题"]
