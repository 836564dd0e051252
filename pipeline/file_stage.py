"""The build's per-file stage: each raw file's cached result looked up here, the others
processed in worker processes (``documents.process_held``), every result held compactly
(``DocResult.hold``) until the corpus stage.

Split from ``build`` so the build module keeps to the order of the steps.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Callable

from pipeline import settings
from pipeline.documents import DocResult, cached_result, process_held, warm_up
from pipeline.result_cache import file_sha256
from pipeline.file_hashes import FileHashes
from pipeline.identify.review import load_reviews
from pipeline.workers import BuildPool

Progress = Callable[[int, int, str], None]  # (files done, total, current file)


def cached_results(files: list[Path], raw_dir: Path, out_dir: Path) -> dict[Path, DocResult | None]:
    hashes = FileHashes(settings.file_hashes_path(out_dir), file_sha256)
    reviews = load_reviews()  # once: it is a CSV parse (0.2 s per 1,000 files when read for each)
    cache = settings.cache_dir(out_dir)
    found = {path: _held(cached_result(path, raw_dir, cache, hashes.sha256, reviews)) for path in files}
    hashes.save()
    return found


def process_all(
    files: list[Path], raw_dir: Path, out_dir: Path, workers: int, force: bool, progress: Progress | None,
    pool: BuildPool | None = None,
) -> list[DocResult]:
    cache = settings.cache_dir(out_dir)
    cache.mkdir(parents=True, exist_ok=True)
    # Cached files are read here; only the others go to worker processes.
    found = {} if force else cached_results(files, raw_dir, out_dir)
    jobs = [(path, raw_dir, cache, force) for path in files if found.get(path) is None]
    done = 0

    def report(result: DocResult, held: bool = False) -> None:
        nonlocal done
        if not held:
            result.hold()  # every result is kept until the corpus step: compactly
        done += 1
        if progress:
            progress(done, len(files), result.source_file)

    for result in found.values():
        if result is not None:
            report(result, held=True)  # held as it was read (interning its words twice cost 0.3 s per 1,000)
    processed = {}
    if workers > 1 and len(jobs) > 1:
        # Forked workers inherit the loaded modules (``warm_up``) instead of each loading them.
        with BuildPool(workers, before_fork=warm_up) if pool is None else contextlib.nullcontext(pool) as used:
            for job, result in zip(jobs, used.map(process_job, jobs, chunksize=4)):
                processed[job[0]] = result
                report(result)
    else:
        for job in jobs:
            processed[job[0]] = result = process_job(job)
            report(result)
    return [found.get(path) or processed[path] for path in files]


def _held(result: DocResult | None) -> DocResult | None:
    return result.hold() if result is not None else None


def process_job(job: tuple[Path, Path, Path, bool]) -> DocResult:
    path, raw_dir, cache, force = job
    return process_held(path, raw_dir, cache, force)  # compact on the pipe too
