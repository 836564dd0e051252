"""Characters: widths, spaces, masks, script."""

from __future__ import annotations

import pytest

from pipeline import normalise
from pipeline.normalise import normalise_text
from tests.pipeline.conftest import sample_text


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


def test_years_in_chinese_digits_fold_to_arabic_digits_of_the_same_length():
    from pipeline.normalise import fold_chinese_years

    assert fold_chinese_years("二〇二一年工作回顾") == "2021年工作回顾"
    assert fold_chinese_years("一九九八年至二零零二年") == "1998年至2002年"
    assert fold_chinese_years("三四五年") == "三四五年"  # not a year of this or the last century
    assert len(fold_chinese_years("二〇二一年")) == len("二〇二一年")
