"""pipeline.ingest.text through read_document: every encoding decoded, binary data refused."""

from __future__ import annotations

import pytest

from pipeline.ingest import read_document
from tests.pipeline.conftest import sample_text
from tests.pipeline.ingest.files import expected_text, rejection, write_bytes


ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be")
SHORT_GBK_TEXTS = (
    "浚县2021年政府工作报告",  # short Chinese is what charset detectors get wrong
    "地区生产总值增长7.9%，一般公共预算收入增长5.8%。",
    "汇报完毕。谢谢！各位领导同志们",
)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_samples_decode_in_every_encoding(tmp_path, sample_name, encoding):
    text = sample_text(sample_name)
    path = write_bytes(tmp_path, "report.txt", text.encode(encoding, errors="ignore"))
    ingested = read_document(path)
    assert ingested.text == expected_text(text, encoding)
    assert ingested.format == "txt"
    assert ingested.html_title is None


@pytest.mark.parametrize("text", SHORT_GBK_TEXTS)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16-le", "utf-16-be"])
def test_short_chinese_texts_are_not_misdetected(tmp_path, text, encoding):
    padded = text * 4  # above MIN_TEXT_CHARS, still short enough to fool a detector
    path = write_bytes(tmp_path, "short.txt", padded.encode(encoding))
    assert read_document(path).text == padded


def test_encoding_is_reported(tmp_path):
    text = sample_text("seeds/000_c9aa3e43874953b5.txt")
    assert read_document(write_bytes(tmp_path, "a.txt", text.encode("utf-8"))).encoding == "utf-8"
    assert read_document(write_bytes(tmp_path, "b.txt", text.encode("utf-8-sig"))).encoding == "utf-8-sig"
    assert read_document(write_bytes(tmp_path, "c.txt", text.encode("gbk"))).encoding == "gbk"
    assert read_document(write_bytes(tmp_path, "d.md", text.encode("utf-16"))).encoding == "utf-16-le"


def test_markdown_is_read_as_text(tmp_path):
    path = write_bytes(tmp_path, "report.md", "# 浚县2021年政府工作报告\n\n各位代表：现在，我代表县人民政府向大会报告工作，请予审议，并请各位政协委员和列席人员提出意见。".encode())
    assert read_document(path).text.startswith("# 浚县")


def test_binary_with_nul_bytes_is_rejected(tmp_path):
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    assert rejection(write_bytes(tmp_path, "image.txt", data)) == "二进制文件，不是文本"


def test_binary_with_control_characters_is_rejected(tmp_path):
    data = b"\x01\x02\x03\x04\x05abc\x06\x07\x08" * 200
    assert rejection(write_bytes(tmp_path, "blob.txt", data)) == "二进制文件，不是文本"
