"""Renderings the perturbation bench (bench/robustness.py) found the normaliser missing.
Each test sentence is written here, not taken from the corpus."""

from pipeline.normalise import normalise_text


def test_full_width_pinyin_annotations_are_stripped():
    raw = "今年的預（ｙù）期目標（ｂｉāｏ）是：全縣生產總值增長（ｚｈǎｎｇ）６．５％左右。"
    assert normalise_text(raw) == "今年的预期目标是：全县生产总值增长6.5%左右。"

