"""read_document: suffixes, sizes and texts too short to be a report refused with a reason."""

from __future__ import annotations

from pipeline import settings
from pipeline.ingest import read_document
from tests.pipeline.conftest import sample_text
from tests.pipeline.ingest.files import rejection, write_bytes


def test_unknown_suffix_is_rejected(tmp_path):
    reason = rejection(write_bytes(tmp_path, "table.xls", b"whatever"))
    assert reason == "不支持的文件格式 .xls（支持 txt、md、html、htm、docx、pdf）"


def test_missing_suffix_is_rejected(tmp_path):
    assert rejection(write_bytes(tmp_path, "README", b"text")).startswith("不支持的文件格式")


def test_suffix_case_does_not_matter(tmp_path):
    path = write_bytes(tmp_path, "REPORT.TXT", sample_text("seeds/000_c9aa3e43874953b5.txt").encode())
    assert read_document(path).format == "txt"


def test_empty_file_is_rejected(tmp_path):
    assert rejection(write_bytes(tmp_path, "empty.txt", b"")) == "文件为空"


def test_whitespace_only_file_has_no_text(tmp_path):
    assert rejection(write_bytes(tmp_path, "blank.txt", " \n\t\n 　".encode())) == "未提取到正文"


def test_too_little_text_is_rejected(tmp_path):
    assert rejection(write_bytes(tmp_path, "stub.txt", "政府工作报告".encode())).startswith("未提取到正文")


def test_oversized_file_is_rejected_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", 1024 * 1024)
    path = write_bytes(tmp_path, "huge.txt", b"a" * (3 * 1024 * 1024))
    assert rejection(path) == "文件过大（3 MB，上限 1 MB）"
