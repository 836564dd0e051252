"""The perturbation bench's transformations: each changes the rendering, never a value."""

import re
import unicodedata

from bench import perturb

SENTENCE = "全县地区生产总值增长6.5%左右，一般公共预算收入增长7%以上，固定资产投资增长10%。"


def _numbers(text: str) -> list[str]:
    return sorted(re.findall(r"\d+(?:\.\d+)?", text))


def test_radicals_fold_back_with_nfkc_and_the_supplement():
    out = perturb.cjk_radicals("工作报告增长", "x")
    assert "⼯" in out and "⻓" in out
    assert unicodedata.normalize("NFKC", out).replace("⻓", "长") == "工作报告增长"


def test_clause_order_swaps_self_contained_clauses_only():
    out = perturb.clause_order(SENTENCE, "x")
    assert out.startswith("一般公共预算收入增长7%以上，全县地区生产总值增长6.5%左右，")
    assert _numbers(out) == _numbers(SENTENCE)
    level_then_growth = "地区生产总值完成300亿元，增长6%。"
    assert perturb.clause_order(level_then_growth, "x") == level_then_growth


def test_word_swaps_keep_values():
    assert perturb.growth_word("增长6.5%，提高2个百分点，增长点", "x") == "提高6.5%，增长2个百分点，增长点"
    assert perturb.about_word("增长6.5%左右", "x") == "增长6.5%上下"
    assert perturb.at_least_word("增长7%以上，增长8%以上的", "x") == "增长7%以上的，增长8%以上"


def test_indicator_spellings_use_known_spellings_at_word_starts():
    out = perturb.indicator_spellings("全县地区生产总值增长6%，城镇常住居民人均可支配收入增长5%", "x")
    assert out.startswith("全县生产总值增长6%")
    assert "城镇居民人均可支配收入增长5%" in out  # the spelling itself is swapped, not a part of it


def test_wraps_and_widths_keep_every_character():
    text = SENTENCE * 3
    for fn in (perturb.hard_wraps_fixed, perturb.hard_wraps_ragged):
        out = fn(text, "doc")
        assert out.replace("\n", "") == text
        assert all(len(line) <= 40 for line in out.split("\n"))
        assert fn(text, "doc") == out  # seeded by the name: reproducible
    assert perturb.full_width_digits("增长6.5%", "x") == "增长６．５％"
