"""Uploaded files are stored safely under raw_dir()/uploads."""

import pytest

from dashboard import uploads
from pipeline import settings


@pytest.mark.parametrize(
    "name, expected",
    [
        ("浚县2021年政府工作报告.txt", "浚县2021年政府工作报告.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("/abs/path/报告.TXT", "报告.txt"),
        ("C:\\Users\\x\\利津 报告.docx", "利津 报告.docx"),
        ("报告/2021/浚县.pdf", "浚县.pdf"),
        ("..", ""),
        ("a<b>c:d|e?.md", "a_b_c_d_e_.md"),
        ("\x00evil.txt", "_evil.txt"),
    ],
)
def test_sanitize_filename(name, expected):
    assert uploads.sanitize_filename(name) == expected


def test_store_keeps_chinese_names_and_never_overwrites(tmp_path):
    target = tmp_path / "uploads"
    first = uploads.store_upload("浚县.txt", "第一份".encode(), target)
    assert first.status == "saved" and first.path == target / "浚县.txt"
    same = uploads.store_upload("浚县.txt", "第一份".encode(), target)
    assert same.status == "identical" and same.path == first.path
    other = uploads.store_upload("浚县.txt", "第二份".encode(), target)
    assert other.status == "renamed" and other.path == target / "浚县-2.txt"
    assert (target / "浚县.txt").read_text(encoding="utf-8") == "第一份"
    assert sorted(p.name for p in target.iterdir()) == ["浚县-2.txt", "浚县.txt"], "no temp files left"


def test_traversal_stays_inside(tmp_path):
    target = tmp_path / "raw" / "uploads"
    stored = uploads.store_upload("../../../outside.txt", b"x" * 100, target)
    assert stored.path.parent == target
    assert not (tmp_path / "outside.txt").exists()


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("run.exe", b"MZ", "不支持的文件类型"),
        ("空.txt", b"", "文件是空的"),
        ("..", b"x", "文件名无效"),
    ],
)
def test_rejections(tmp_path, name, content, reason):
    stored = uploads.store_upload(name, content, tmp_path)
    assert stored.status == "rejected" and reason in stored.reason and stored.path is None


def test_size_limit_from_settings(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", 10)
    stored = uploads.store_upload("big.txt", b"x" * 11, tmp_path)
    assert stored.status == "rejected" and "MB" in stored.reason


def test_default_target_is_raw_uploads(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTY_PULSE_DATA", str(tmp_path))
    stored = uploads.store_upload("利津县.md", "内容".encode(), None)
    assert stored.path == settings.raw_dir() / "uploads" / "利津县.md"


def test_uploads_are_readable_by_everyone_who_builds(tmp_path):
    stored = uploads.store_upload("浚县.txt", "内容".encode(), tmp_path)
    assert stored.path.stat().st_mode & 0o777 == 0o644


def test_oversize_message_says_the_real_size(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", 50 * 1024 * 1024)
    stored = uploads.store_upload("big.txt", b"x" * int(61.2 * 1024 * 1024), tmp_path)
    assert stored.reason == "文件过大（61.2 MB，上限 50 MB）"
