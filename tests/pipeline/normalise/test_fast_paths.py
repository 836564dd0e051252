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
    assert collapse_spaces("生产总值 [3] 增长 6 %") == "生产总值 [3] 增长 6%"  # the spaced path
