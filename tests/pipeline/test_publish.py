"""Builds become visible whole, one at a time, and killed builds leave nothing in the way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import filelock
import pytest

from pipeline import contracts, publish, settings
from pipeline.partitions import stored_digest
from pipeline.build import BuildError, run_build
from tests.conftest import SAMPLES

TABLES = tuple(contracts.CONTRACTS)


def lock_is_held(out: Path) -> bool:
    lock = filelock.FileLock(settings.build_lock_path(out))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        return True
    lock.release()
    return False


def wait_until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.05)


HOLD_LOCK = """
import sys, time
from pathlib import Path
from pipeline import publish
with publish.build_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(out: Path, seconds: float) -> subprocess.Popen:
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out), str(seconds)], stdout=subprocess.PIPE,
                            text=True, cwd=settings.PROJECT_ROOT, env={**os.environ, "PYTHONPATH": str(settings.PROJECT_ROOT)})
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_killed_build_never_locks_out_the_next(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--raw", str(sample_raw_dir), "--out", str(out),
                             "--workers", "1"], cwd=settings.PROJECT_ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(settings.PROJECT_ROOT)})
    wait_until(lambda: out.exists() and lock_is_held(out), seconds=180)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    summary = run_build(sample_raw_dir, out, lock_timeout=5)  # would raise if the dead build's lock stayed
    assert summary.ok == SAMPLES
    assert not list(settings.builds_dir(out).glob(".staging-*"))


def test_a_second_build_waits_for_the_first(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    holder = hold_lock(out, 3)
    started = time.monotonic()
    summary = run_build(sample_raw_dir, out, lock_timeout=60)
    assert time.monotonic() - started >= 2.5, "it waited for the lock"
    assert summary.ok == SAMPLES
    holder.wait(timeout=30)


def test_waiting_too_long_is_a_clear_error(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    holder = hold_lock(out, 30)
    try:
        with pytest.raises(BuildError, match="另一个构建正在进行"):
            run_build(sample_raw_dir, out, lock_timeout=0.5)
    finally:
        holder.kill()
        holder.wait()


def test_two_cli_builds_at_once_both_succeed_one_after_the_other(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(settings.PROJECT_ROOT)}
    command = [sys.executable, "-m", "pipeline", "build", "--raw", str(sample_raw_dir), "--out", str(out), "--workers", "1"]
    procs = [subprocess.Popen(command, cwd=settings.PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert all(f"files ok {SAMPLES} " in stdout for stdout, _ in outputs)
    manifest = json.loads(settings.manifest_path(out).read_text(encoding="utf-8"))
    for name in TABLES:
        assert stored_digest(settings.table_path(out, name)) == manifest["tables"][name]


def test_a_reader_during_builds_only_ever_sees_whole_builds(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    run_build(sample_raw_dir, out)
    seen, problems, stop = [], [], threading.Event()

    def read_continuously():
        while not stop.is_set():
            build = settings.current_build_dir(out)  # resolve once, read everything from there
            try:
                manifest = json.loads(settings.manifest_path(build).read_text(encoding="utf-8"))
                for name in TABLES:
                    digest = stored_digest(settings.table_path(build, name))
                    if digest != manifest["tables"][name]:
                        problems.append((build.name, name))
                seen.append(build.name)
            except FileNotFoundError as exc:
                problems.append((build.name, str(exc)))

    reader = threading.Thread(target=read_continuously)
    reader.start()
    try:
        for i in range(2):
            (sample_raw_dir / f"extra{i}.txt").write_text(f"一、2021年工作回顾\n全县地区生产总值增长{i + 5}%。" * 5,
                                                          encoding="utf-8")
            run_build(sample_raw_dir, out)
    finally:
        stop.set()
        reader.join()
    assert not problems and len(set(seen)) >= 2


def test_old_builds_are_pruned_and_the_flat_layout_removed(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.parquet").write_bytes(b"old flat table")
    (out / "build.json").write_text("{}", encoding="utf-8")
    for i in range(3):
        (sample_raw_dir / f"extra{i}.txt").write_text(f"一、2021年工作回顾\n全县地区生产总值增长{i + 5}%。" * 5,
                                                      encoding="utf-8")
        run_build(sample_raw_dir, out)
    builds = [p.name for p in settings.builds_dir(out).iterdir()]
    assert len(builds) == publish.KEEP_BUILDS and settings.current_build_dir(out).name in builds
    assert not (out / "documents.parquet").exists() and not (out / "build.json").exists()


def test_leftovers_of_killed_builds_are_cleaned_by_the_next(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    run_build(sample_raw_dir, out)
    stale = [settings.builds_dir(out) / ".staging-20260101T000000-deadbeef", out / ".staging-1234abcd"]
    for folder in stale:
        folder.mkdir()
        (folder / "documents.parquet").write_bytes(b"half")
    tmp_cache = settings.cache_dir(out) / "0123-abc.tmp"
    tmp_cache.write_text("{", encoding="utf-8")
    run_build(sample_raw_dir, out)
    assert not any(p.exists() for p in stale) and not tmp_cache.exists()


def test_a_pointer_to_nowhere_falls_back_to_the_directory(tmp_path):
    settings.current_pointer_path(tmp_path).write_text("../../etc\n", encoding="utf-8")
    assert settings.current_build_dir(tmp_path) == tmp_path
    settings.current_pointer_path(tmp_path).write_text("missing\n", encoding="utf-8")
    assert settings.table_path(tmp_path, "documents") == tmp_path / "documents.parquet"


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_pool_workers_die_with_a_killed_build(sample_raw_dir, tmp_path):
    for i in range(40):  # enough work that the pool is busy when the build is killed
        (sample_raw_dir / f"copy{i}.txt").write_text(
            (sample_raw_dir / "seeds" / "003_ad147ba315cb1764.txt").read_text(encoding="utf-8") + f"\n附{i}",
            encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(settings.PROJECT_ROOT)}
    build = subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--raw", str(sample_raw_dir),
                              "--out", str(tmp_path / "out"), "--workers", "2"], cwd=settings.PROJECT_ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wait_until(lambda: len(_children(build.pid)) >= 2, seconds=120)
    workers = _children(build.pid)
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    wait_until(lambda: not any(_alive(pid) for pid in workers), seconds=15)


def test_a_full_disk_while_caching_loses_no_document(sample_raw_dir, tmp_path, monkeypatch):
    from pipeline import result_cache

    def no_space(cache_dir, key):
        return tmp_path / "no-such-dir" / f"{key}.result"  # writing there fails like a full disk

    monkeypatch.setattr(result_cache, "result_path", no_space)
    summary = run_build(sample_raw_dir, tmp_path / "out")
    assert summary.ok == SAMPLES and not list((tmp_path / "out" / ".cache").glob("*.tmp"))
