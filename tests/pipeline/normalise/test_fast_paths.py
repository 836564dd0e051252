"""The fast paths of normalisation give exactly what the plain operations give."""

from pipeline.normalise import collapse_spaces, traditional_share
from pipeline.normalise.characters import any_of, translate_present

_TABLE = str.maketrans({"Ａ": "A", "\u3000": " ", "\u200b": None})


def test_translate_present_matches_translate_with_and_without_table_characters():
    present = any_of(_TABLE)
    for text in ("没有要换的字", "全角Ａ与\u3000空格\u200b", "", "ASCII only"):
        assert translate_present(text, _TABLE, present) == text.translate(_TABLE)


def test_traditional_share_counts_every_occurrence_not_distinct_characters():
    # 經 and 濟 are traditional; 发展 simplified: 4 of 6 Han characters, Latin ignored.
    assert traditional_share("經濟經濟发展 GDP") == 4 / 6
    assert traditional_share("经济发展稳中向好") == 0.0
    assert traditional_share("2024, GDP") == 0.0
    # A second call, after the characters are known, gives the same share.
    assert traditional_share("經濟經濟发展 GDP") == 4 / 6


def test_collapse_spaces_without_spaces_still_drops_footnote_markers():
    assert collapse_spaces("生产总值[3]增长6%") == "生产总值增长6%"
    assert collapse_spaces("生产总值 [3] 增长 6 %") == "生产总值 [3] 增长6%"  # the spaced path


def test_patterns_that_open_with_their_literal_still_check_the_character_before():
    from pipeline.identify.county import _MASK_TOKEN, _MASKED_COUNTY
    from pipeline.normalise.characters import fold_width
    from pipeline.normalise.mirrors import _INJECTED, _PINYIN_PAREN

    assert fold_width("收入1，234万元，其中3，5户") == "收入1,234万元，其中3，5户"
    assert fold_width("比例12：5，A：B") == "比例12:5，A：B"
    assert [m.group(1) for m in _PINYIN_PAREN.finditer("预(yù)期 (note) 3(ab)")] == ["yù"]
    assert [m.group(0) for m in _INJECTED.finditer("文字。pbY 更多XaPbY。qrZt")] == ["pbY", "qrZt"]
    assert collapse_spaces("总值[2]，“六稳”〔1〕，A[3]") == "总值，“六稳”，A[3]"
    assert _MASKED_COUNTY.findall("XX县、某区、aX县、○○旗、○县") == ["XX县", "某区", "○○旗"]
    assert _MASK_TOKEN.findall("增长X%，达XX亿元，AX亿、××元、×元") == ["X", "XX", "××"]


def test_the_traditional_scan_knows_exactly_the_characters_conversion_changes():
    from pipeline.normalise import characters

    han = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000))]
    changed = {ch for ch in han if characters._t2s().convert(ch) != ch}
    pattern = characters._traditional_pattern()
    assert {ch for ch in han if pattern.fullmatch(ch)} == changed
    assert not any(pattern.fullmatch(ch) for ch in "0aＡ，。\n𠀀")  # nothing outside the Han ranges
    # One traditional character in a simplified report is found, and counted once.
    assert traditional_share("全县坚持稳中求进工作总基调，統筹发展和安全") == 1 / 20


def test_the_traditional_characters_are_cached_and_a_damaged_cache_is_recomputed(tmp_path, monkeypatch):
    from pipeline.normalise import characters

    expected = characters._traditional_characters()
    monkeypatch.setenv("COUNTY_PULSE_JIEBA_CACHE", str(tmp_path))
    assert characters._traditional_characters() == expected  # computed, then written
    (cached,) = tmp_path.glob("t2s-changed-*.txt")
    assert characters._traditional_characters() == expected  # read back
    cached.write_text("經\n" + "0" * 32, encoding="utf-8")  # damaged: the checksum does not match
    assert characters._traditional_characters() == expected
