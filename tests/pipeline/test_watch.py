"""Watch: one build per finished drop (debounced), one at a time, failures do not end it."""

from __future__ import annotations

import shutil
import threading
import time

from pipeline.watch import count_changes, snapshot, watch
from tests.pipeline.conftest import sample_path

DEBOUNCE = 0.3
INTERVAL = 0.02


class Recorder:
    def __init__(self, fail_first: bool = False, seconds: float = 0.0):
        self.starts: list[float] = []
        self.events = []
        self.running = 0
        self.overlapped = False
        self.fail_first = fail_first
        self.seconds = seconds

    def build(self) -> str:
        self.running += 1
        self.overlapped |= self.running > 1
        self.starts.append(time.monotonic())
        time.sleep(self.seconds)
        self.running -= 1
        if self.fail_first and len(self.starts) == 1:
            raise RuntimeError("没有可读的文件")
        return f"build {len(self.starts)}"


def start(raw, recorder, build_at_start=False):
    stop = threading.Event()
    thread = threading.Thread(target=watch, kwargs=dict(
        raw_dir=raw, build=recorder.build, debounce=DEBOUNCE, interval=INTERVAL,
        on_event=recorder.events.append, stop=stop, build_at_start=build_at_start), daemon=True)
    thread.start()
    time.sleep(0.2)  # the watcher's first snapshot is taken before anything lands
    return stop, thread


def wait_for(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_a_drop_of_several_files_gives_one_build_after_the_quiet_period(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    recorder = Recorder()
    stop, thread = start(raw, recorder)
    try:
        time.sleep(0.1)
        dropped = time.monotonic()
        for i in range(4):  # files landing one after another, closer together than the debounce
            time.sleep(DEBOUNCE / 3)
            (raw / f"r{i}.txt").write_text("报告" * 50, encoding="utf-8")
        last_write = time.monotonic()
        assert wait_for(lambda: len(recorder.starts) == 1)
        time.sleep(DEBOUNCE * 2)
        assert len(recorder.starts) == 1
        assert recorder.starts[0] - last_write >= DEBOUNCE * 0.9
        assert recorder.starts[0] > dropped
        assert recorder.events[0].kind == "build" and recorder.events[0].changed == 4
    finally:
        stop.set()
        thread.join(5)


def test_changes_during_a_build_give_one_more_build_never_two_at_once(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("甲" * 50, encoding="utf-8")
    recorder = Recorder(seconds=0.6)
    stop, thread = start(raw, recorder, build_at_start=True)
    try:
        assert wait_for(lambda: recorder.running == 1)
        (raw / "b.txt").write_text("乙" * 50, encoding="utf-8")  # lands while the build runs
        assert wait_for(lambda: len(recorder.events) == 2)
        assert not recorder.overlapped
        assert recorder.events[1].changed == 1
    finally:
        stop.set()
        thread.join(5)


def test_a_failed_build_is_reported_and_watching_goes_on(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    recorder = Recorder(fail_first=True)
    stop, thread = start(raw, recorder)
    try:
        (raw / "a.txt").write_text("甲" * 50, encoding="utf-8")
        assert wait_for(lambda: len(recorder.events) == 1)
        assert recorder.events[0].kind == "failed" and "没有可读的文件" in recorder.events[0].message
        (raw / "b.txt").write_text("乙" * 50, encoding="utf-8")
        assert wait_for(lambda: len(recorder.events) == 2)
        assert recorder.events[1].kind == "build"
    finally:
        stop.set()
        thread.join(5)


def test_snapshot_ignores_hidden_files_and_the_manifest(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".part.txt").write_text("x", encoding="utf-8")
    (tmp_path / "MANIFEST.tsv").write_text("x", encoding="utf-8")
    before = snapshot(tmp_path)
    assert list(before) == ["a.txt"]
    (tmp_path / "a.txt").write_text("xy", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert count_changes(before, snapshot(tmp_path)) == 2


def test_real_build_picks_up_a_dropped_report(tmp_path):
    import pandas as pd

    from pipeline import settings
    from pipeline.build import run_build

    raw, out = tmp_path / "drop", tmp_path / "out"
    raw.mkdir()
    samples = [sample_path("samples/xunxian_2023.txt"), sample_path("seeds/004_75247fd8577e948a.txt")]
    shutil.copy(samples[0], raw / samples[0].name)
    events = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, kwargs=dict(
        raw_dir=raw, build=lambda: str(run_build(raw, out).ok), debounce=DEBOUNCE, interval=INTERVAL,
        on_event=events.append, stop=stop), daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: len(events) == 1, timeout=120)
        shutil.copy(samples[1], raw / samples[1].name)
        assert wait_for(lambda: len(events) == 2, timeout=120)
        assert [e.message for e in events] == ["1", "2"]
        documents = pd.read_parquet(settings.table_path(out, "documents"))
        assert set(documents["source_file"]) == {samples[0].name, samples[1].name}
    finally:
        stop.set()
        thread.join(30)
