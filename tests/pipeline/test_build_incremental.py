"""An incremental build (reports added or removed since the last one) writes exactly the
tables a cold build of the same files writes, and reuses what it cached."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline import corpus_slogans, corpus_stores, settings
from pipeline.build import run_build
from pipeline.documents import scan_raw_dir
from tests.pipeline.stored import table_bytes


def _cold(raw: Path, out: Path) -> dict[str, dict[str, bytes]]:
    run_build(raw, out, workers=1)
    return table_bytes(out)


def _count_jobs(monkeypatch) -> dict[str, int]:
    calls = {"mentions": 0, "slogans": 0}
    for kind in calls:
        original = getattr(corpus_slogans, f"_{kind}_job")

        def counted(job, _original=original, _kind=kind):
            calls[_kind] += 1
            return _original(job)

        monkeypatch.setattr(corpus_slogans, f"_{kind}_job", counted)
    return calls


def test_adding_one_report_equals_a_cold_build_of_the_same_files(sample_raw_dir, tmp_path, monkeypatch):
    files = scan_raw_dir(sample_raw_dir)
    held_back = files[-1]
    parked = tmp_path / "parked" / held_back.name
    parked.parent.mkdir()
    shutil.move(held_back, parked)
    out = tmp_path / "incremental"
    run_build(sample_raw_dir, out, workers=1)
    shutil.move(parked, held_back)  # the drop
    calls = _count_jobs(monkeypatch)
    summary = run_build(sample_raw_dir, out, workers=1)
    assert summary.unchanged == len(files) - 1
    # The new report's slogans and mentions are looked for, and those of the reports its
    # change to the lexicon reaches (a phrase entering or leaving the set occurs in their
    # text): never every report again (test_vocabulary_partials holds the rule itself).
    assert 1 <= calls["slogans"] < len(files) and 1 <= calls["mentions"] < len(files), calls
    assert table_bytes(out) == _cold(sample_raw_dir, tmp_path / "cold")


def test_removing_a_report_equals_a_cold_build_of_the_rest(sample_raw_dir, tmp_path):
    out = tmp_path / "incremental"
    run_build(sample_raw_dir, out, workers=1)
    scan_raw_dir(sample_raw_dir)[0].unlink()
    run_build(sample_raw_dir, out, workers=1)
    assert table_bytes(out) == _cold(sample_raw_dir, tmp_path / "cold")


def test_rebuild_with_nothing_changed_finds_no_slogans_again(sample_raw_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run_build(sample_raw_dir, out, workers=1)
    before = table_bytes(out)
    calls = _count_jobs(monkeypatch)
    run_build(sample_raw_dir, out, workers=1)
    assert calls == {"mentions": 0, "slogans": 0}
    assert table_bytes(out) == before


def test_damaged_corpus_stores_are_recomputed_not_trusted(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    run_build(sample_raw_dir, out, workers=1)
    before = table_bytes(out)
    cache = settings.cache_dir(out)
    stores = sorted(cache.glob("*.pickle")) + sorted(cache.glob("*.bounds"))
    assert {p.name.split("-")[0] for p in cache.glob("*.pickle")} == {"kinds", "mentions", "pairs", "slogans"}
    for path in stores:
        path.write_bytes(b"\x80 not a pickle")
    for path in sorted(cache.glob("*.bounds"))[:2]:
        path.unlink()  # slogans must then be found from a fresh segmentation
    run_build(sample_raw_dir, out, workers=1)
    assert table_bytes(out) == before


def test_parallel_corpus_stage_writes_the_same_tables(sample_raw_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_stores, "POOL_MIN_JOBS", 2)
    serial = _cold(sample_raw_dir, tmp_path / "serial")

    def no_second_pool(*args, **kwargs):
        raise AssertionError("the corpus stage forked a pool of its own")

    # The slogan jobs run in the pool the per-file stage forked (workers.BuildPool), with
    # their lexicon read from a context file that is gone afterwards.
    # (The corpus stage's own pool would be a ``workers.BuildPool`` made in ``corpus_stores._run``;
    # the build's pool was bound in ``pipeline.build`` at import.)
    from pipeline import workers

    monkeypatch.setattr(workers, "BuildPool", no_second_pool)
    run_build(sample_raw_dir, tmp_path / "parallel", workers=2)
    assert table_bytes(tmp_path / "parallel") == serial
    assert not list(settings.cache_dir(tmp_path / "parallel").glob("context-*"))


def test_only_the_new_report_is_sent_to_the_per_file_stage(sample_raw_dir, tmp_path, monkeypatch):
    from pipeline import file_stage

    files = scan_raw_dir(sample_raw_dir)
    parked = tmp_path / files[0].name
    shutil.move(files[0], parked)
    out = tmp_path / "out"
    run_build(sample_raw_dir, out, workers=1)
    shutil.move(parked, files[0])
    sent = []
    original = file_stage.process_job
    monkeypatch.setattr(file_stage, "process_job", lambda job: sent.append(job[0]) or original(job))
    run_build(sample_raw_dir, out, workers=2)
    assert sent == [files[0]]


def test_a_rebuild_reads_no_unchanged_file_to_hash_it(sample_raw_dir, tmp_path, monkeypatch):
    from pipeline import file_hashes, file_stage
    from pipeline.result_cache import file_sha256

    monkeypatch.setattr(file_hashes, "RACY_SECONDS", 0.0)  # the sample files were just copied
    out = tmp_path / "out"
    first = run_build(sample_raw_dir, out, workers=1)
    hashed: list = []
    monkeypatch.setattr(file_stage, "file_sha256", lambda path: hashed.append(path) or file_sha256(path))
    again = run_build(sample_raw_dir, out, workers=1)
    assert hashed == [] and again.unchanged == first.ok and again.build_id == first.build_id
    edited = scan_raw_dir(sample_raw_dir)[0]
    edited.write_bytes(edited.read_bytes() + "\n".encode())
    run_build(sample_raw_dir, out, workers=1)
    assert hashed == [edited]
