"""How mirrors and PDF layers render text: radicals, inline pinyin, injected tokens, footnotes, spaced units."""

from __future__ import annotations

import pytest

from pipeline import normalise
from pipeline.normalise import normalise_text


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


def test_spaces_between_a_number_and_its_unit_are_dropped():
    assert normalise_text("2022 年 3 月 6 日，全县税收突破 90 亿元，增长 6.5 %") == "2022年3月6日，全县税收突破90亿元，增长6.5%"


def test_footnote_markers_after_words_are_dropped_but_list_numbers_stay():
    assert normalise_text("全县生产总值[3]520.6亿元，落实“三保”〔2〕任务。") == "全县生产总值520.6亿元，落实“三保”任务。"
    assert normalise_text("[1] 注释说明") == "[1] 注释说明"


def test_a_pdf_text_layer_with_radical_code_points_keeps_its_facts(tmp_path):
    # Chromium/Skia with Noto CJK writes ⼯ (U+2F2F) and ⻓ (U+2ED3) into the text layer.
    from pipeline.extract import extract_indicators
    from pipeline.ingest import read_document
    from tests.pipeline.extract.helpers import identity
    from tests.pipeline.pdf_fixtures import write_text_pdf

    pdf = write_text_pdf(tmp_path / "report.pdf", [
        "2024年政府⼯作报告", "⼀、2023年⼯作回顾", "全县⽣产总值增⻓5.6%，⼀般公共预算收⼊增⻓3.1%。"])
    text = normalise_text(read_document(pdf).text)
    assert "2024年政府工作报告" in text and "增长5.6%" in text
    facts = extract_indicators(text, identity(year=2024))
    assert sorted(zip(facts.indicator, facts.value)) == [("一般公共预算收入", 3.1), ("地区生产总值", 5.6)]
    assert set(facts.period) == {2023}
