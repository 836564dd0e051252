"""The build: every raw report file in, every table and cloud out, atomically.

The wiring is one explicit list (``STEPS`` below is the order things happen in):

1. scan the raw directory;
2. per file, in parallel: read → normalise → identify → extract indicators (cached on
   the file's content, so an unchanged file is never re-read);
3. documents table (one row per file, duplicates and rejections with their reason);
4. indicators, with the reviewed corrections applied;
5. targets paired with outcomes;
6. vocabulary tables (keywords, slogans, contexts); word clouds are drawn on demand from
   them (``pipeline.clouds.render_cloud``, cached), not here;
7. write everything to a staging directory, then swap it in file by file and write
   ``build.json`` last. Until that moment the previous tables stay as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pandas as pd

from pipeline import contracts, settings, vocabulary
from pipeline.documents import DocResult, process_file, scan_raw_dir, warm_up
from pipeline.pairing import pair_targets_outcomes

Progress = Callable[[int, int, str], None]


class BuildError(RuntimeError):
    """Nothing usable could be written; the message says why."""


@dataclass
class BuildSummary:
    build_id: str = ""  # a digest of the tables written: same tables, same id
    ok: int = 0
    rejected: int = 0
    duplicate: int = 0
    unchanged: int = 0
    facts: int = 0
    seconds: float = 0.0
    rejections: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_manifest(self, tables: dict[str, str]) -> dict:
        return {
            "build_id": self.build_id,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "seconds": round(self.seconds, 3),
            "counts": {
                "ok": self.ok,
                "rejected": self.rejected,
                "duplicate": self.duplicate,
                "unchanged": self.unchanged,
                "facts": self.facts,
            },
            "tables": tables,
            "warnings": self.warnings,
        }


def run_build(
    raw_dir: Path | None = None,
    out_dir: Path | None = None,
    workers: int = 1,
    force: bool = False,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build all tables from ``raw_dir`` into ``out_dir``; see the module docstring."""
    started = time.perf_counter()
    raw_dir = Path(raw_dir or settings.raw_dir()).resolve()
    out_dir = Path(out_dir or settings.processed_dir()).resolve()
    if not raw_dir.is_dir():
        raise BuildError(f"原始文件目录不存在：{raw_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    with _build_lock(out_dir):
        files = scan_raw_dir(raw_dir)
        results = _process_all(files, raw_dir, out_dir, workers, force, progress)
        summary = BuildSummary()
        tables = assemble_tables(results, summary)
        if summary.ok == 0:
            # Replacing good tables with empty ones would lose data: keep the last build.
            raise BuildError(_nothing_usable(raw_dir, files, summary))
        staging = out_dir / f".staging-{uuid.uuid4().hex[:8]}"
        try:
            digests = _write_staged(tables, staging)
            summary.build_id = _build_id(digests)
            summary.seconds = time.perf_counter() - started
            _swap_in(staging, out_dir, summary.as_manifest(digests))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _prune_cache(out_dir, results)
    return summary


# --- per file ----------------------------------------------------------------------


def _process_all(
    files: list[Path], raw_dir: Path, out_dir: Path, workers: int, force: bool, progress: Progress | None
) -> list[DocResult]:
    cache = settings.cache_dir(out_dir)
    cache.mkdir(parents=True, exist_ok=True)
    jobs = [(path, raw_dir, cache, force) for path in files]
    results: list[DocResult] = []
    if workers > 1 and len(jobs) > 1:
        warm_up()  # forked workers inherit the loaded modules instead of each loading them
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for i, result in enumerate(pool.map(_process_job, jobs, chunksize=4), start=1):
                results.append(result)
                if progress:
                    progress(i, len(jobs), result.source_file)
    else:
        for i, job in enumerate(jobs, start=1):
            result = _process_job(job)
            results.append(result)
            if progress:
                progress(i, len(jobs), result.source_file)
    return results


def _process_job(job: tuple[Path, Path, Path, bool]) -> DocResult:
    path, raw_dir, cache, force = job
    return process_file(path, raw_dir, cache, force)


# --- tables --------------------------------------------------------------------------


def assemble_tables(results: list[DocResult], summary: BuildSummary) -> dict[str, pd.DataFrame]:
    """Documents, texts, indicators and pairs from the per-file results."""
    documents = _documents_table(results, summary)
    accepted = [r for r in results if r.status == "ok"]
    texts = pd.DataFrame({"doc_id": [r.doc_id for r in accepted], "text": [r.text for r in accepted]},
                         dtype="string")
    indicators = _indicators_table(accepted)
    indicators = _apply_corrections(indicators, documents, summary)
    summary.facts = len(indicators)
    tables = {
        "documents": documents,
        "texts": texts,
        "indicators": indicators,
        "targets_vs_outcomes": pair_targets_outcomes(indicators),
    }
    tokens = {r.doc_id: r.segmentation() for r in accepted if r.tokens is not None}
    tables.update(_vocabulary_tables(documents, texts, tokens))
    return tables


def _documents_table(results: list[DocResult], summary: BuildSummary) -> pd.DataFrame:
    first_by_sha: dict[str, str] = {}
    rows = []
    for result in sorted(results, key=lambda r: r.source_file):
        row = result.document_row()
        if result.status == "ok":
            original = first_by_sha.setdefault(result.sha256, result.source_file)
            if original != result.source_file:
                result.status = row["status"] = "duplicate"
                row["error"] = f"与 {original} 内容相同，未重复计入"
        rows.append(row)
        summary.unchanged += int(result.from_cache)
    for row in rows:
        if row["status"] == "ok":
            summary.ok += 1
        elif row["status"] == "duplicate":
            summary.duplicate += 1
        else:
            summary.rejected += 1
            summary.rejections.append((row["source_file"], row["error"]))
    return pd.DataFrame(rows, columns=contracts.DOCUMENTS.column_names)


def _indicators_table(accepted: list[DocResult]) -> pd.DataFrame:
    frames = [r.facts_frame() for r in accepted if r.facts is not None and len(r.facts)]
    if not frames:
        return contracts.empty_frame("indicators")
    return pd.concat(frames, ignore_index=True)


def _apply_corrections(indicators: pd.DataFrame, documents: pd.DataFrame, summary: BuildSummary) -> pd.DataFrame:
    try:
        from pipeline import corrections
    except ImportError:
        return indicators
    path = settings.reference_file("corrections.csv")
    if not path.exists():
        return indicators
    corrected, problems = corrections.apply_corrections(indicators, corrections.load_corrections(path), documents)
    summary.warnings.extend(problems)
    return corrected


def _vocabulary_tables(documents: pd.DataFrame, texts: pd.DataFrame, tokens: dict) -> dict[str, pd.DataFrame]:
    if texts.empty:
        return {name: contracts.empty_frame(name) for name in ("keywords", "slogans", "contexts")}
    meta = documents.loc[documents["status"] == "ok", ["doc_id", "county", "report_year"]]
    meta = meta.drop_duplicates("doc_id")
    return vocabulary.build_vocabulary_tables(texts.merge(meta, on="doc_id", how="left"), tokens)


# --- writing ---------------------------------------------------------------------------


def _write_staged(tables: dict[str, pd.DataFrame], staging: Path) -> dict[str, str]:
    staging.mkdir(parents=True)
    digests = {}
    for name, frame in tables.items():
        path = settings.table_path(staging, name)
        contracts.write_table(frame, name, path)
        digests[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def _swap_in(staging: Path, out_dir: Path, manifest: dict) -> None:
    """Replace the live tables only after every new one is complete on disk."""
    for path in sorted(staging.glob("*.parquet")):
        os.replace(path, out_dir / path.name)
    staged_clouds = settings.clouds_dir(staging)
    if staged_clouds.exists():
        live = settings.clouds_dir(out_dir)
        old = out_dir / f".clouds-old-{uuid.uuid4().hex[:8]}"
        if live.exists():
            os.replace(live, old)
        os.replace(staged_clouds, live)
        shutil.rmtree(old, ignore_errors=True)
    tmp = out_dir / ".build.json.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, settings.manifest_path(out_dir))


def _nothing_usable(raw_dir: Path, files: list[Path], summary: BuildSummary) -> str:
    if not files:
        return f"{raw_dir} 中没有报告文件；上次构建的数据表保持不变"
    reasons = "；".join(f"{name}：{why}" for name, why in summary.rejections[:5])
    return f"{len(files)} 个文件全部未能读取，上次构建的数据表保持不变。{reasons}"


def _build_id(digests: dict[str, str]) -> str:
    """Depends only on what was written (inputs, code, vocabularies and corrections all show
    in the tables), so the app's caches keyed on it are never stale and never needlessly cold."""
    joined = "\n".join(f"{name}:{digest}" for name, digest in sorted(digests.items()))
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


def _prune_cache(out_dir: Path, results: list[DocResult]) -> None:
    keep = {r.cache_key for r in results}
    for path in settings.cache_dir(out_dir).glob("*.json"):
        if path.stem not in keep:
            path.unlink(missing_ok=True)


class _build_lock:
    """One build at a time per output directory (the app and the CLI may both start one)."""

    def __init__(self, out_dir: Path):
        self.path = settings.build_lock_path(out_dir)

    def __enter__(self):
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if time.time() - self.path.stat().st_mtime < 3600:
                raise BuildError(f"另一个构建正在进行（锁文件 {self.path}）；若确认没有，请删除该文件后重试")
            self.path.unlink(missing_ok=True)  # a crashed build's lock is stale after an hour
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        return self

    def __exit__(self, *exc):
        self.path.unlink(missing_ok=True)
        return False
