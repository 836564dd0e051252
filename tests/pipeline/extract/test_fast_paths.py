"""The fast paths of extraction decide exactly what the slow ones decide."""

from pipeline.extract.cues import SCOPE_CUES, scope_of
from pipeline.extract.document import _may_repeat_key, _to_frame


def _row(indicator, value_start, measure="growth"):
    return {"indicator": indicator, "measure": measure, "value_start": value_start}


def test_may_repeat_key_sees_a_repeated_key_and_defers_nan_to_pandas():
    assert not _may_repeat_key([_row("gdp", 3), _row("gdp", 9), _row("fiscal", 3)])
    assert _may_repeat_key([_row("gdp", 3), _row("fiscal", 9), _row("gdp", 3)])
    assert _may_repeat_key([_row("gdp", float("nan"))])


def test_to_frame_drops_the_repeated_key_keeping_the_first():
    frame = _to_frame([_row("gdp", 3) | {"value": 1.0}, _row("gdp", 3) | {"value": 2.0}, _row("gdp", 7)])
    assert list(frame["value_start"]) == [3, 7]
    assert frame["value"].iloc[0] == 1.0
    assert list(frame.index) == [0, 1]


def test_scope_of_prefilter_keeps_each_cue_and_its_order():
    assert scope_of("全县经济稳中向好，就业稳定") is None
    assert scope_of("前三季度，规上工业增加值增长5%") == "first_three_quarters"
    assert scope_of("2018年以来累计完成投资80亿元") == "cumulative"
    assert scope_of("累计完成，2018年以来") is None  # the cumulative cue opens the text
    # One example of each cue is still found through the combined pre-check.
    examples = {"half_year": "1至6月", "first_three_quarters": "1-9月", "first_quarter": "第一季度",
                "year_to_date": "前5个月", "cumulative": "2016年以来"}
    assert {name for _, name in SCOPE_CUES} == set(examples)
    for name, cue in examples.items():
        assert scope_of(f"{cue}全县税收增长") == name
