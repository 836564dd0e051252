"""A raw file's hash is remembered while its inode, size, mtime and ctime hold, and never
trusted for a file changed since, even with its size and mtime put back."""

from __future__ import annotations

import os
import time

import pytest

from pipeline import file_hashes
from pipeline.result_cache import file_sha256
from pipeline.file_hashes import FileHashes


@pytest.fixture
def counted_hash():
    calls: list = []

    def hash_file(path):
        calls.append(path)
        return file_sha256(path)

    hash_file.calls = calls
    return hash_file


@pytest.fixture
def settled_at_once(monkeypatch):
    monkeypatch.setattr(file_hashes, "RACY_SECONDS", 0.0)


def _record_then_reopen(record, hash_file, path) -> FileHashes:
    first = FileHashes(record, hash_file)
    first.sha256(path)
    first.save()
    return FileHashes(record, hash_file)


def test_an_unchanged_file_is_not_read_again(tmp_path, counted_hash, settled_at_once):
    raw = tmp_path / "报告.txt"
    raw.write_text("二〇二四年地区生产总值增长6%左右。", encoding="utf-8")
    again = _record_then_reopen(tmp_path / "hashes", counted_hash, raw)
    assert again.sha256(raw) == file_sha256(raw)
    assert counted_hash.calls == [raw]


def test_a_rewrite_with_size_and_mtime_put_back_is_hashed_again(tmp_path, counted_hash, settled_at_once):
    raw = tmp_path / "a.txt"
    raw.write_text("一般公共预算收入增长5%", encoding="utf-8")
    before = os.stat(raw)
    again = _record_then_reopen(tmp_path / "hashes", counted_hash, raw)
    time.sleep(0.05)  # past the file system's timestamp tick, so the ctime moves
    raw.write_text("一般公共预算收入增长7%", encoding="utf-8")  # same size
    os.utime(raw, ns=(before.st_atime_ns, before.st_mtime_ns))  # what `touch -d` or `rsync -t` do
    assert os.stat(raw).st_size == before.st_size and os.stat(raw).st_mtime_ns == before.st_mtime_ns
    assert again.sha256(raw) == file_sha256(raw)
    assert len(counted_hash.calls) == 2


def test_another_file_under_the_same_name_is_hashed_again(tmp_path, counted_hash, settled_at_once):
    raw = tmp_path / "a.txt"
    raw.write_text("城镇调查失业率5.5%以内", encoding="utf-8")
    again = _record_then_reopen(tmp_path / "hashes", counted_hash, raw)
    replacement = tmp_path / "b.txt"
    replacement.write_text("城镇调查失业率5.0%以内", encoding="utf-8")
    os.replace(replacement, raw)  # a new inode: how editors and copy tools save
    assert again.sha256(raw) == file_sha256(raw)
    assert len(counted_hash.calls) == 2


def test_a_file_hashed_within_the_racy_window_is_not_remembered(tmp_path, counted_hash):
    raw = tmp_path / "a.txt"
    raw.write_text("刚写入的文件", encoding="utf-8")  # written now: RACY_SECONDS have not passed
    again = _record_then_reopen(tmp_path / "hashes", counted_hash, raw)
    again.sha256(raw)
    assert len(counted_hash.calls) == 2


def test_save_keeps_only_the_files_looked_up(tmp_path, counted_hash, settled_at_once):
    kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
    kept.write_text("保留", encoding="utf-8")
    gone.write_text("删除", encoding="utf-8")
    record = tmp_path / "hashes"
    first = FileHashes(record, counted_hash)
    first.sha256(kept), first.sha256(gone)
    first.save()
    second = FileHashes(record, counted_hash)
    second.sha256(kept)
    second.save()
    third = FileHashes(record, counted_hash)
    third.sha256(gone)
    assert counted_hash.calls == [kept, gone, gone]


@pytest.mark.parametrize("damage", ["", "{", '{"version": 1, "files": []}', '{"version": 1, "files": {"x": [1, 2]}}',
                                    '{"version": 99, "files": {}}', "null"])
def test_a_damaged_record_means_hashing_again(tmp_path, counted_hash, settled_at_once, damage):
    raw = tmp_path / "a.txt"
    raw.write_text("内容", encoding="utf-8")
    record = tmp_path / "hashes"
    record.write_text(damage, encoding="utf-8")
    assert FileHashes(record, counted_hash).sha256(raw) == file_sha256(raw)
    assert counted_hash.calls == [raw]


def test_a_missing_file_raises_as_reading_it_would(tmp_path, counted_hash):
    with pytest.raises(OSError):
        FileHashes(tmp_path / "hashes", counted_hash).sha256(tmp_path / "missing.txt")
