"""Renderings the perturbation bench (bench/robustness.py) found the normaliser missing.
Each test sentence is written here, not taken from the corpus."""

from pipeline.normalise import normalise_text


def test_full_width_pinyin_annotations_are_stripped():
    raw = "今年的預（ｙù）期目標（ｂｉāｏ）是：全縣生產總值增長（ｚｈǎｎｇ）６．５％左右。"
    assert normalise_text(raw) == "今年的预期目标是：全县生产总值增长6.5%左右。"


def test_a_line_ending_in_an_ascii_full_stop_is_not_joined_to_the_next():
    raw = "请各位委员提出意见.\n全县生产总值增长6.\n5%,高于全省."
    assert normalise_text(raw).split("\n") == ["请各位委员提出意见.", "全县生产总值增长6.5%,高于全省."]
