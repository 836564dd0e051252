"""Property-based tests (hypothesis) of the normaliser and the number / unit / qualifier
parser: arbitrary text never crashes them, and their documented invariants hold.

These read the modules only (their owners change them); a property that fails is marked
``xfail(strict=True)`` with the failing example, so it turns green loudly once fixed.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from hypothesis import HealthCheck, example, given, settings as hsettings, strategies as st

import pipeline
from pipeline.normalise import fold_width, normalise_text

SETTINGS = hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QUALIFIERS = {"about", "at_least", "at_most", "range", "exact"}


def extraction(name: str):
    """``pipeline.extract.<name>``, or wherever the extraction package's split moved it."""
    module = importlib.import_module("pipeline.extract")
    if hasattr(module, name):
        return getattr(module, name)
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), "pipeline.extract."):
        sub = importlib.import_module(info.name)
        if hasattr(sub, name):
            return getattr(sub, name)
    raise AttributeError(name)


parse_number = extraction("parse_number")
read_mentions = extraction("read_mentions")
qualifier_of = extraction("qualifier_of")

# Report-like text: the words, numbers, units, qualifiers and masks reports are made of.
WORDS = ["地区生产总值", "一般公共预算收入", "固定资产投资", "城镇登记失业率", "全县", "今年", "预计", "力争", "确保",
         "增长", "下降", "达到", "突破", "控制在", "不低于", "左右", "以上", "以内", "亿元", "万元", "元", "万人",
         "个百分点", "%", "％", "，", "、", "；", "和", "X", "XX", "x.x", "*", "６", "5", "0", ".", "-", "～", "年均",
         "累计", "翻一番", "倍", "由", "到", "2015年的", "2020年", "分别", " "]
report_text = st.lists(st.sampled_from(WORDS), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=300), report_text)
number = st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False, allow_infinity=False)


# --- normaliser --------------------------------------------------------------------------


@SETTINGS
@given(any_text)
def test_normalise_never_raises_and_is_deterministic(text):
    assert normalise_text(text) == normalise_text(text)


@SETTINGS
@given(st.lists(any_text, max_size=8).map("\n\n".join))
def test_normalised_paragraphs_are_separated_by_one_newline(text):
    out = normalise_text(text)
    assert "\n\n" not in out and not out.startswith("\n") and not out.endswith("\n")


@SETTINGS
@given(any_text)
def test_no_full_width_digit_survives(text):
    assert not re.search("[０-９]", normalise_text(text))


@SETTINGS
@given(mask=st.sampled_from(["X", "XX", "x.x", "X.X", "*", "**"]), figure=st.sampled_from(["地区生产总值", "一般公共预算收入"]))
def test_masks_are_left_as_they_are(mask, figure):
    out = normalise_text(f"全县{figure}增长{mask}%，完成年度目标任务。")
    assert f"增长{mask}%" in out


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["地区生产总值增长", "收入达到", "投资", "，", "全县"]), number), min_size=1,
                max_size=6))
def test_digits_in_one_sentence_survive_normalisation(parts):
    sentence = "".join(f"{words}{value}" for words, value in parts) + "。"
    digits = lambda s: sorted(re.findall(r"\d", fold_width(s)))  # noqa: E731
    assert digits(normalise_text(sentence)) == digits(sentence)


# --- number / unit / qualifier parser ------------------------------------------------------


@SETTINGS
@given(number)
def test_a_written_number_reads_back(value):
    text = f"{value:f}"
    assert parse_number(text) == (float(text), False)


@SETTINGS
@given(st.sampled_from(["X", "XX", "x.x", "*", "**", "×", "＊", "", None]))
def test_a_mask_or_blank_is_unknown_never_zero(mask):
    assert parse_number(mask) == (None, True)


@SETTINGS
@given(any_text, st.integers(min_value=0, max_value=10_000), any_text)
def test_mentions_never_raise_and_point_into_their_segment(segment, offset, context):
    for m in read_mentions(segment, offset, context):
        assert offset <= m.start < m.end <= offset + len(segment)
        assert m.qualifier in QUALIFIERS
        assert (m.value is None) == m.masked, "masked exactly when the value is unknown"


@SETTINGS
@given(value=number, post=st.sampled_from(["左右", "以上", ""]))
def test_growth_with_a_trailing_qualifier(value, post):
    text = f"增长{value:f}%{post}"
    found = [m for m in read_mentions(text, 0, "") if m.measure == "growth"]
    expected = {"左右": "about", "以上": "at_least", "": "exact"}[post]
    assert [(m.value, m.qualifier, m.unit) for m in found] == [(float(f"{value:f}"), expected, "%")]


@SETTINGS
@given(value=number.filter(lambda v: v > 0))
def test_a_fall_is_negative(value):
    found = [m for m in read_mentions(f"下降{value:f}%", 0, "") if m.measure == "growth"]
    assert [m.value for m in found] == [-float(f"{value:f}")]


@SETTINGS
@given(value=number)
def test_a_ceiling_is_at_most(value):
    found = read_mentions(f"控制在{value:f}%以内", 0, "")
    assert [m.qualifier for m in found] == ["at_most"]


@SETTINGS
@given(pre=st.sampled_from(["", "不低于", "控制在", "突破", "达到"]), post=st.sampled_from(["", "左右", "以上", "以内", "上下"]),
       context=any_text)
@example(pre="控制在", post="左右", context="")
def test_qualifier_is_one_of_the_documented_ones_and_trailing_words_win(pre, post, context):
    qualifier, words = qualifier_of(pre, post, context)
    assert qualifier in QUALIFIERS
    if post in ("左右", "上下"):
        assert qualifier == "about"
    for word in (pre, post):
        assert word in words


def test_the_package_exposes_what_the_properties_read():
    assert callable(parse_number) and callable(read_mentions) and pipeline.__name__ == "pipeline"
