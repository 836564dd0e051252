"""The build: every raw report file in, every table and cloud out, atomically.

The wiring is one explicit list (``STEPS`` below is the order things happen in):

1. scan the raw directory;
2. per file, in parallel: read → normalise → identify → extract indicators (cached on
   the file's content, so an unchanged file is never re-read);
3. vocabulary tables (keywords, slogans, contexts and the sentences they point to), first
   of the corpus steps: its slogan stage runs in the per-file stage's workers, and the build
   holds the least beside them before the facts frame exists; word clouds are drawn on demand
   from them (``pipeline.clouds.render_cloud``, cached), not here;
4. documents table (one row per file, duplicates and rejections with their reason);
5. indicators, with the reviewed corrections applied;
6. targets paired with outcomes;
7. write everything to a new build directory and switch the ``CURRENT`` pointer to it,
   last (``pipeline.publish``). Until that moment readers see the previous build, whole.

One build runs at a time per output directory (an OS-released lock; a second build waits).
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pandas as pd

from pipeline import conflicts, contracts, corrections, doc_tables, file_stage, memory, partitions, publish, settings, tfidf, vocabulary
from pipeline.documents import DocResult, scan_raw_dir, warm_up
from pipeline.file_stage import Progress
from pipeline.isolation import describe, run_isolated
from pipeline.pairing_store import pair_with_store
from pipeline.result_cache import boundaries_path
from pipeline.workers import BuildPool

log = logging.getLogger(__name__)

STAGES = ("read", "extract", "vocabulary", "write")  # announced to a progress hook with a ``stage`` method


def _enter(progress: Progress | None, stage: str) -> None:
    """Tell a progress hook that has a ``stage(name)`` method (the app's status file) a stage begins."""
    announce = getattr(progress, "stage", None)
    if announce is not None:
        announce(stage)


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
    conflicts: list[str] = field(default_factory=list)  # same county, year and kind, different documents
    # corrections.file_digest of the corrections applied (None: they could not be read or applied).
    corrections_sha256: str | None = None

    def as_manifest(self, tables: dict[str, str], parts: dict | None = None) -> dict:
        return {
            "partitions": parts or {},  # per partitioned table: part -> inputs digest, file sha256
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
            "conflicts": self.conflicts,
            "corrections_sha256": self.corrections_sha256,
        }


def run_build(
    raw_dir: Path | None = None,
    out_dir: Path | None = None,
    workers: int = 1,
    force: bool = False,
    progress: Progress | None = None,
    lock_timeout: float | None = None,
) -> BuildSummary:
    """Build all tables from ``raw_dir`` into ``out_dir``; see the module docstring."""
    started = time.perf_counter()
    raw_dir = Path(raw_dir or settings.raw_dir()).resolve()
    out_dir = Path(out_dir or settings.processed_dir()).resolve()
    if not raw_dir.is_dir():
        raise BuildError(f"原始文件目录不存在：{raw_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        with publish.build_lock(out_dir, lock_timeout, waiting=lambda: log.warning("waiting for another build")):
            publish.clean_stale(out_dir)  # safe: holding the lock, no live build owns them
            summary = _build_locked(raw_dir, out_dir, workers, force, progress)
    except publish.LockTimeout as exc:
        raise BuildError(str(exc)) from exc
    summary.seconds = time.perf_counter() - started
    return summary


def _build_locked(raw_dir: Path, out_dir: Path, workers: int, force: bool, progress: Progress | None) -> BuildSummary:
    started = time.perf_counter()
    _enter(progress, "read")
    files = scan_raw_dir(raw_dir)
    summary = BuildSummary()
    # One pool for the per-file and the corpus stages (``workers.BuildPool``), closed before writing.
    with BuildPool(workers, before_fork=warm_up) as pool:
        results = file_stage.process_all(files, raw_dir, out_dir, workers, force, progress, pool)
        memory.give_back()  # what the results' trip from the workers left behind
        _enter(progress, "extract")
        tables = plan_tables(results, summary, settings.cache_dir(out_dir), workers,
                             on_stage=lambda stage: _enter(progress, stage), pool=pool)
    if summary.ok == 0:
        # Replacing good tables with empty ones would lose data: keep the last build.
        raise BuildError(_nothing_usable(raw_dir, files, summary))
    _enter(progress, "write")
    previous_dir, previous = _previous_build(out_dir)
    staging = publish.new_staging_dir(out_dir)
    try:
        writer = partitions.PartWriter(staging, previous_dir, partitions.previous_parts(previous))
        digests = _write_staged(tables, writer)
        summary.build_id = _build_id(digests)
        summary.seconds = time.perf_counter() - started
        log.info("table parts: %d written, %d linked from the previous build", writer.computed, writer.linked)
        publish.publish(out_dir, staging, summary.as_manifest(digests, writer.written))
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when published
    _prune_cache(out_dir, results)
    return summary


# --- tables --------------------------------------------------------------------------


def assemble_tables(results: list[DocResult], summary: BuildSummary, cache: Path | None = None,
                    workers: int = 1,
                    on_stage: Callable[[str], None] | None = None) -> dict[str, pd.DataFrame]:
    """Every table in memory, as frames (``plan_tables`` with each part made at once)."""
    tables = plan_tables(results, summary, cache, workers, on_stage)
    frames = {name: t.frame() if isinstance(t, partitions.PartitionedTable) else t for name, t in tables.items()}
    frames["keywords"] = tfidf.with_tfidf(frames["keywords"], frames["term_idf"])  # as a reader sees it
    return frames


def plan_tables(results: list[DocResult], summary: BuildSummary, cache: Path | None = None,
                workers: int = 1,
                on_stage: Callable[[str], None] | None = None, pool: BuildPool | None = None) -> dict[str, object]:
    """Documents, texts, indicators, pairs and vocabulary from the per-file results: small
    tables as frames, the tables keyed by report as ``partitions.PartitionedTable`` (whose
    parts are made when written, one at a time, and only when their inputs changed).

    ``cache``: the per-document cache directory, where the vocabulary keeps its corpus-level
    results between builds (None: nothing kept); ``workers``: processes for the reports whose
    slogans must be found again; ``pool``: the build's processes to find them in (None: a pool
    of ``workers`` is forked for it).

    A document that breaks a corpus stage (its facts do not fit the contract, pairing or
    the vocabulary fail on it) is left out of that stage only, with a note on its row.
    """
    doc_tables.unique_source_names(results)
    doc_tables.mark_duplicates(results)
    accepted = [r for r in results if r.status == "ok"]
    length = partitions.prefix_length(len(accepted))
    by_id = {r.doc_id: r for r in accepted}
    # The vocabulary first: its slogan stage, every report's text and partial held with the
    # lexicon and the slogans while the build's workers run, is the build's peak; the facts
    # frame, the corrections and the pairs come after it, once the workers are gone. Its
    # notes on documents are added after the pairing's, in the order of the stages' outputs.
    if on_stage:
        on_stage("vocabulary")
    notes: list = []
    # The facts' parts are framed by the workers meanwhile, ahead of the slogan jobs: the
    # lexicon is learned in this process alone, and they would otherwise wait for it.
    framing = doc_tables.frame_parts_ahead(accepted, length, cache, pool)
    vocabulary_tables = _vocabulary_stage(accepted, by_id, cache, workers, pool, length, summary, notes)
    memory.give_back()
    framing.wait()
    indicators = doc_tables.indicators_table(accepted, length, cache)
    documents = _documents_table(results, summary)
    reviewed = _reviewed_corrections(summary)
    # One copy of the facts from here on (each is ≈ 170 MB at 10,000 reports): sorted by key,
    # as the parts are cut from it; pairing does not depend on the order of its rows.
    facts = _apply_corrections(indicators, documents, reviewed, summary)
    if facts is indicators:  # none applied: as the documents gave them
        facts = contracts.conform(indicators, "indicators")
    del indicators
    summary.facts = len(facts)
    documents, not_paired = _conflicts(documents, reviewed, summary)
    inputs = doc_tables.indicator_part_inputs(accepted, length, summary.corrections_sha256,
                                              _named_documents(documents, reviewed))
    tables = {"documents": documents, "texts": doc_tables.texts_table(accepted, length),
              "indicators": partitions.split_frame("indicators", facts, len(accepted), length, inputs)}
    tables["targets_vs_outcomes"] = _pairs(facts, not_paired, documents, by_id, summary, cache)
    memory.give_back()
    _add_notes(notes, by_id, summary)
    tables.update(vocabulary_tables)
    tables["documents"] = _with_warnings(documents, results)  # the stages' notes land on the rows
    for name in partitions.PARTITIONED:  # a stage that gave up returned an empty frame
        if isinstance(tables[name], pd.DataFrame):
            tables[name] = partitions.split_frame(name, contracts.conform(tables[name], name), len(accepted), length)
    return tables


def _vocabulary_stage(accepted: list[DocResult], by_id: dict[str, DocResult], cache: Path | None, workers: int,
                      pool: BuildPool | None, length: int, summary: BuildSummary, notes: list) -> dict:
    corpus = _vocabulary_corpus(accepted, cache, workers, pool)
    corpus.part_length = length
    place = {r.doc_id: doc_tables.typed_place(r) for r in accepted}
    return _stage("词汇统计", lambda ids: _vocabulary_tables(place, [by_id[i] for i in ids], corpus),
                  list(by_id), by_id, summary, empty=("keywords", "slogans", "contexts", "sentences", "term_idf"),
                  later=notes)


def _pairs(indicators: pd.DataFrame, not_paired: set[str], documents: pd.DataFrame, by_id: dict[str, DocResult],
           summary: BuildSummary, cache: Path | None) -> pd.DataFrame:
    """Targets paired with outcomes, from the facts of the documents no conflict keeps out
    (chosen by a mask the pairing applies: each copy of the facts is ≈ 170 MB at 10,000 reports);
    the counties whose facts are unchanged since the last build read back from ``cache``."""
    def pair(ids: list[str]) -> pd.DataFrame:
        rows = indicators["doc_id"].isin(set(ids) - not_paired)
        return pair_with_store(indicators, documents, None if rows.all() else rows, cache)

    return _stage("目标与实绩配对", pair, list(by_id), by_id, summary, empty=("targets_vs_outcomes",))


def _stage(label: str, run: Callable[[list[str]], object], doc_ids: list[str], by_id: dict[str, DocResult],
           summary: BuildSummary, empty: tuple[str, ...], later: list | None = None):
    """``run`` over the documents, those it fails on left out with a note (``later``: the notes
    are put there, for ``_add_notes``, instead of on the documents and the summary now)."""
    outcome = run_isolated(run, doc_ids)
    notes = [(doc_id, f"{label}失败，本文档未计入：{reason}",
              f"{by_id[doc_id].source_file}：{label}失败，已跳过该文档（{reason}）")
             for doc_id, reason in outcome.failed.items()]
    if outcome.result is None:
        notes.append((None, None, f"{label}失败，相应表格为空：{outcome.stage_error}"))
    if later is None:
        _add_notes(notes, by_id, summary)
    else:
        later.extend(notes)
    if outcome.result is not None:
        return outcome.result
    frames = {name: contracts.empty_frame(name) for name in empty}
    return frames if len(empty) > 1 else frames[empty[0]]


def _add_notes(notes: list[tuple[str | None, str | None, str]], by_id: dict[str, DocResult],
               summary: BuildSummary) -> None:
    """(doc_id, note on the document, line of the summary) of a stage's failures."""
    for doc_id, note, line in notes:
        if doc_id is not None:
            by_id[doc_id].warnings.append(note)
        summary.warnings.append(line)


def _documents_table(results: list[DocResult], summary: BuildSummary) -> pd.DataFrame:
    rows = [doc_tables.typed_document_row(result) for result in sorted(results, key=lambda r: r.source_file)]
    for result in results:
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


def _with_warnings(documents: pd.DataFrame, results: list[DocResult]) -> pd.DataFrame:
    notes = {r.source_file: "；".join(r.warnings) or None for r in results}
    return documents.assign(warning=documents["source_file"].map(notes))


def _reviewed_corrections(summary: BuildSummary) -> pd.DataFrame | None:
    path = settings.reference_file("corrections.csv")
    # Taken before reading: a file changed meanwhile shows as a different digest, never the same.
    summary.corrections_sha256 = corrections.file_digest(path)
    if not path.exists():
        return None
    try:
        return corrections.load_corrections(path)
    except (corrections.CorrectionError, ValueError, OSError) as exc:
        summary.corrections_sha256 = None
        summary.warnings.append(f"更正文件无法读取，未应用任何更正：{exc}")
        return None


def _apply_corrections(indicators: pd.DataFrame, documents: pd.DataFrame, reviewed: pd.DataFrame | None,
                       summary: BuildSummary) -> pd.DataFrame:
    if reviewed is None:
        return indicators
    try:
        corrected, problems = corrections.apply_corrections(indicators, reviewed, documents)
    except Exception as exc:  # noqa: BLE001 - a bad correction must not stop the build
        summary.corrections_sha256 = None
        summary.warnings.append(f"更正未能应用，本次按原始提取结果构建：{describe(exc)}")
        return indicators
    summary.warnings.extend(problems)
    return corrected


def _named_documents(documents: pd.DataFrame, reviewed: pd.DataFrame | None) -> list[tuple]:
    """The documents rows (id, name, place, year) the corrections name: what an added fact takes."""
    if reviewed is None or "doc_id" not in reviewed:
        return []
    named = documents[documents["doc_id"].isin(set(reviewed["doc_id"].dropna().astype(str)))]
    columns = ["doc_id", "source_file", "status", "county", "province", "report_year"]
    return sorted(tuple(None if pd.isna(v) else str(v) for v in row) for row in named[columns].itertuples(index=False))


def _conflicts(documents: pd.DataFrame, reviewed: pd.DataFrame | None,
               summary: BuildSummary) -> tuple[pd.DataFrame, set[str]]:
    """Note conflicting documents on their rows and in the summary; return those pairing skips."""
    chosen = corrections.chosen_documents(reviewed)
    accepted = set(documents.loc[documents["status"] == "ok", "doc_id"])
    for doc_id in dict.fromkeys(chosen):
        if doc_id not in accepted:
            summary.warnings.append(f"更正中选定的文档 {doc_id} 不在本次构建中，该选择未应用")
    found = conflicts.find_conflicts(documents, chosen)
    summary.conflicts = [c.describe() for c in found]
    return conflicts.annotate(documents, found), conflicts.not_used(found)


def _vocabulary_corpus(accepted: list[DocResult], cache: Path | None, workers: int,
                       pool: BuildPool | None = None) -> vocabulary.Corpus:
    """The reports' vocabulary partials (decoded once), their cache keys and boundary files."""
    corpus = vocabulary.Corpus(store=cache, workers=workers, pool=pool)
    for result in accepted:
        if result.partial is None and result.vocab is None:
            continue  # made without the per-document stage (a test): the vocabulary segments it
        corpus.partials[result.doc_id] = result.partial or vocabulary.DocPartial.from_json(result.vocab)
        result.vocab = None  # decoded: the encoded form is not needed twice
        if cache is not None and result.cache_key:
            corpus.keys[result.doc_id] = result.cache_key
            corpus.boundary_files[result.doc_id] = boundaries_path(cache, result.cache_key)
    return corpus


def _vocabulary_tables(place: dict[str, tuple], accepted: list[DocResult], corpus: vocabulary.Corpus) -> dict:
    if not accepted:
        return {name: contracts.empty_frame(name) for name in ("keywords", "slogans", "contexts", "sentences", "term_idf")}
    docs = [vocabulary.document(r.doc_id, *place.get(r.doc_id, (None, None)), r.text) for r in accepted]
    return vocabulary.vocabulary_tables_of(sorted(docs, key=lambda d: d["doc_id"]), corpus)


# --- writing ---------------------------------------------------------------------------


def _previous_build(out_dir: Path) -> tuple[Path | None, dict | None]:
    """The current build (whose unchanged parts the new one links) and its manifest."""
    current = settings.current_build_dir(out_dir)
    if current == out_dir:
        return None, None
    try:
        manifest = json.loads(settings.manifest_path(current).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    return (current, manifest) if isinstance(manifest, dict) else (None, None)


def _write_staged(tables: dict[str, object], writer: partitions.PartWriter) -> dict[str, str]:
    digests = {}
    for name, table in tables.items():
        if isinstance(table, partitions.PartitionedTable):
            digests[name] = writer.write(table)
            continue
        path = settings.table_path(writer.staging, name)
        contracts.write_table(table, name, path)
        digests[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


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
    for pattern in ("*.result", "*.json", "*.bounds"):  # *.json: results cached before they were pickled
        for path in settings.cache_dir(out_dir).glob(pattern):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
