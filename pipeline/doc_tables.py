"""The per-document results as checked table rows: each document's row typed against the
documents contract, and every document's facts as one indicators frame (checked at once;
only when that fails, one document at a time, so a bad document is left out with a note);
the texts table in parts; names made unique and identical files marked as duplicates.

Split from ``build`` so the build module keeps to the order of the steps.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import feather

from pipeline import contracts, memory, partitions
from pipeline.documents import DocResult
from pipeline.isolation import describe


_PYTHON_TYPES = {pa.string(): (str,), pa.int64(): (int,), pa.float64(): (int, float), pa.bool_(): (bool,)}


def typed_document_row(result: DocResult) -> dict:
    """The document's row, each field checked against the contract: a value of the wrong
    type (an identification bug) is dropped with a note instead of failing the table."""
    row = result.document_row()
    for column, dtype in contracts.DOCUMENTS.columns:
        value = row[column]
        if value is None or column == "warning":
            continue
        value = _checked(value, dtype)
        if value is None:
            result.warnings.append(f"字段 {column} 的值无法识别，已置空")
        row[column] = value
    row["warning"] = "；".join(result.warnings) or None
    return row


def typed_place(result: DocResult) -> tuple[str | None, int | None]:
    """The county and report year of the document's row (``typed_document_row``), without its notes."""
    row = result.document_row()
    types = dict(contracts.DOCUMENTS.columns)
    return tuple(None if row[c] is None else _checked(row[c], types[c]) for c in ("county", "report_year"))


def _checked(value, dtype: pa.DataType):
    """``value`` as a plain Python value of the column's type, or None when it is not one."""
    value = value.item() if hasattr(value, "item") else value  # numpy scalars
    fits = isinstance(value, _PYTHON_TYPES[dtype]) and not (dtype != pa.bool_() and isinstance(value, bool))
    if fits and isinstance(value, float) and value != value:
        fits = False  # NaN where a number was expected: unknown
    return value if fits else None


# Documents whose facts are unpacked and framed at once: the records of 10,000 reports as
# dicts would take several GB; a batch's records and its frame of Python objects are dropped
# once the batch is typed (Arrow-backed columns, a fifth of the memory).
FRAME_BATCH = 500


def indicators_table(accepted: list[DocResult], length: int = 1, store: Path | None = None) -> pd.DataFrame:
    """Every document's facts, part by part (``partitions.part_of``; in a part, by doc_id). Checked a batch of documents at a time
    (and for keys repeated across batches); only if that fails is each document checked
    alone, so a bad document is left out with a note.

    ``store`` (the build's cache directory): each part's checked rows (the part of
    ``partitions.part_of(doc_id, length)``, as the indicators table is cut) are kept there
    under a digest of its reports' cache keys and names, so a data drop frames the facts of
    its own part only. Corrections are applied after, to the whole frame."""
    with_facts = _with_facts(accepted, length)
    if not with_facts:
        return contracts.empty_frame("indicators")
    frames = _PartFrames(store)
    try:
        parts = _parts_of(with_facts, length)
        made = {part: frames.get(key) for part, (key, _) in parts.items()}
        missing = [part for part, table in made.items() if table is None]
        for batch in _whole_parts(missing, parts):
            made.update(_framed_batch([(part, *parts[part]) for part in batch], frames))
        # Joined as Arrow and made one chunk per column: the frame's later row selections
        # (pairing a drop's counties, cutting parts, corrections) then take from one array,
        # not a concatenation of every part's (pandas' concat keeps a chunk per part).
        table = pa.concat_tables([made[part] for part in sorted(made)]).combine_chunks().to_pandas(
            types_mapper=contracts._pandas_type)
        # A batch is checked alone: two batches may share a key. (``is_unique`` first: in a new
        # process ``duplicated`` on one large chunk costs ≈ 30 ms more, a tenth of a data drop's framing.)
        if not table["fact_id"].is_unique:
            repeated = table["fact_id"].duplicated()
            raise contracts.ContractError(f"indicators: duplicate keys, e.g. {table.loc[repeated, 'fact_id'].iloc[0]}")
    except Exception:  # noqa: BLE001 - find the documents it fails on
        return indicators_one_by_one(with_facts)
    frames.keep_only(key for key, _ in parts.values())
    return table


def _with_facts(accepted: list[DocResult], length: int) -> list[DocResult]:
    return sorted((r for r in accepted if r.packed_facts is not None or r.facts),
                  key=lambda r: (partitions.part_of(r.doc_id, length), r.doc_id))


def _framed_batch(batch: list[tuple[str, str | None, list[DocResult]]], frames: "_PartFrames") -> dict[str, pa.Table]:
    """Each part of ``batch`` ((part, store key, reports)) framed and checked at once, and kept in the store."""
    typed = _typed_batch([r for _, _, group in batch for r in group])
    made = {}
    for part, key, group in batch:
        made[part] = pa.Table.from_pandas(typed[typed["doc_id"].isin({r.doc_id for r in group})], preserve_index=False)
        frames.put(key, made[part])
    return made


class FramesAhead:
    """The parts of the indicators table whose checked rows the store lacks, framed by the
    build's workers (``frame_parts_ahead``) while its own process learns the slogan lexicon.
    ``wait`` returns once they are in the store; ``indicators_table`` then reads them there and
    frames itself whatever a worker did not (the same rows: a part's rows do not depend on the
    batch it was framed in)."""

    def __init__(self, done=()):
        self._done = done

    def wait(self) -> None:
        try:
            for _ in self._done:
                pass
        except Exception:  # noqa: BLE001 - the build's own process frames what is missing
            pass
        self._done = ()


def frame_parts_ahead(accepted: list[DocResult], length: int, store: Path | None, pool) -> FramesAhead:
    """Start framing the missing parts of ``indicators_table(accepted, length, store)`` in
    ``pool`` (the build's ``workers.BuildPool``, when its workers are running already: forking
    them for this alone would cost more than it saves)."""
    if store is None or pool is None or not pool.started or pool.workers < 2:
        return FramesAhead()
    parts = _parts_of(_with_facts(accepted, length), length)
    frames = _PartFrames(store)
    missing = [part for part, (key, _) in parts.items() if key is not None and not frames.has(key)]
    jobs = [(store, [(part, parts[part][0], [_facts_only(r) for r in parts[part][1]]) for part in batch])
            for batch in _whole_parts(missing, parts)]
    return FramesAhead(pool.map(_frame_job, jobs) if jobs else ())


def _facts_only(result: DocResult) -> DocResult:
    """What framing a report's facts reads of its result (``facts_frame``): not its text or partial."""
    return DocResult(result.source_file, result.sha256, result.status, identity=result.identity, facts=result.facts,
                     packed_facts=result.packed_facts, cache_key=result.cache_key)


def _frame_job(job: tuple[Path, list]) -> int:
    store, batch = job
    framed = len(_framed_batch(batch, _PartFrames(store)))
    # The worker goes on to find slogans while the build's process holds the most: what the
    # batch's frames took is handed back rather than kept resident beside it.
    memory.give_back()
    return framed


def _parts_of(results: list[DocResult], length: int) -> dict[str, tuple[str | None, list[DocResult]]]:
    """Per part, the digest its rows are stored under (None: a report without a cache key) and its reports."""
    groups: dict[str, list[DocResult]] = {}
    for result in results:
        groups.setdefault(partitions.part_of(result.doc_id, length), []).append(result)
    return {part: (_frame_key(group), group) for part, group in groups.items()}


def _frame_key(results: list[DocResult]) -> str | None:
    if not all(r.cache_key for r in results):
        return None
    return partitions.inputs_digest("indicator-frames", [(r.doc_id, r.cache_key, r.source_file) for r in results])


def _whole_parts(parts: list[str], reports: dict[str, tuple]) -> list[list[str]]:
    """Parts gathered into batches of about ``FRAME_BATCH`` reports (a part is never split)."""
    batches, batch, size = [], [], 0
    for part in sorted(parts):
        batch.append(part)
        size += len(reports[part][1])
        if size >= FRAME_BATCH:
            batches.append(batch)
            batch, size = [], 0
    return batches + [batch] if batch else batches


class _PartFrames:
    """Checked indicators rows per part, as Arrow IPC files named by their inputs' digest
    (written whole, then renamed: a file is either complete or absent; one that does not
    read is made again)."""

    def __init__(self, store: Path | None):
        self.dir = Path(store) / "indicator-frames" if store is not None else None

    def has(self, key: str) -> bool:
        return self.dir is not None and (self.dir / f"{key}.arrow").is_file()

    def get(self, key: str | None) -> pa.Table | None:
        if self.dir is None or key is None:
            return None
        try:
            return feather.read_table(self.dir / f"{key}.arrow", memory_map=False)
        except Exception:  # noqa: BLE001 - missing or damaged: made again
            return None

    def put(self, key: str | None, table: pa.Table) -> None:
        if self.dir is None or key is None:
            return
        temporary = self.dir / f"{key}.arrow.tmp"
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            feather.write_feather(table, temporary, compression="uncompressed")
            os.replace(temporary, self.dir / f"{key}.arrow")
        except OSError:  # a full or read-only disk: the store only saves time, the rows are made
            temporary.unlink(missing_ok=True)

    def keep_only(self, keys) -> None:
        """Remove the rows of parts no report set of this build has (a cache the size of one build)."""
        if self.dir is None or not self.dir.is_dir():
            return
        keep = {f"{key}.arrow" for key in keys if key}
        for path in self.dir.iterdir():
            if path.name not in keep:
                path.unlink(missing_ok=True)


def _typed_batch(results: list[DocResult]) -> pd.DataFrame:
    """The batch's facts conformed, in the order of its documents (conform sorts by fact_id,
    which starts with the doc_id: each document's facts stay in fact_id order)."""
    table = contracts.conform(facts_frame(results), "indicators")
    position = {r.doc_id: i for i, r in enumerate(results)}
    order = table["doc_id"].map(position).to_numpy()
    return table.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def indicator_part_inputs(accepted: list[DocResult], length: int, corrections_digest: str | None,
                          named: list[tuple]) -> dict[str, str]:
    """Per part of the indicators table, a digest of what its rows are made from, so an
    unchanged part is linked from the previous build instead of written again to be compared
    (``partitions.PartWriter``): each report's cache key (its bytes, review and name as read,
    and the code), the name it is listed under (``build`` renames a twin), and the corrections
    applied with the documents rows they name (an added fact takes its document's place and
    name, and a correction may name a rejected document). A fact's rows depend on its report
    alone otherwise; a report without a cache key leaves its part to be compared by its rows."""
    groups: dict[str, list] = {}
    for result in sorted(accepted, key=lambda r: r.doc_id):
        groups.setdefault(partitions.part_of(result.doc_id, length), []).append(
            (result.doc_id, result.cache_key, result.source_file))
    return {part: partitions.inputs_digest("indicators", corrections_digest, named, reports)
            for part, reports in groups.items() if all(key for _, key, _ in reports)}


def indicators_one_by_one(with_facts: list[DocResult]) -> pd.DataFrame:
    frames = []
    for result in with_facts:
        try:
            frames.append(contracts.conform(result.facts_frame(), "indicators"))
        except Exception as exc:  # noqa: BLE001 - one document's facts, never the whole table
            result.warnings.append(f"数值未能入表，本文档的数值未计入：{describe(exc)}")
    if not frames:
        return contracts.empty_frame("indicators")
    return pd.concat(frames, ignore_index=True)


def fact_ids(doc_ids: np.ndarray, frame: pd.DataFrame, has_county: np.ndarray) -> list[str]:
    """``documents._fact_ids`` of every document at once: doc_id:value_start:indicator:measure,
    and where a document gives one figure to several counties, the county's name after it
    (for documents whose facts carry a county at all)."""
    ids = pd.Series([f"{doc_id}:{start}:{indicator}:{measure}"
                     for doc_id, start, indicator, measure in zip(doc_ids, frame["value_start"], frame["indicator"],
                                                                  frame["measure"])],
                    index=frame.index, dtype=object)
    shared = ids.duplicated(keep=False).to_numpy() & has_county  # the doc_id keeps documents apart
    if shared.any():
        ids[shared] = ids[shared] + ":" + frame.loc[shared, "county"].fillna("").astype(str)
    return list(ids)


def facts_frame(results: list[DocResult]) -> pd.DataFrame:
    """``DocResult.facts_frame`` of every document, built as one frame (the same rows)."""
    facts = [r.fact_records() for r in results]
    frame = pd.DataFrame([fact for records in facts for fact in records])
    lengths = [len(records) for records in facts]

    def per_row(values: list) -> np.ndarray:
        return np.repeat(np.array(values, dtype=object), lengths)

    doc_ids = per_row([r.doc_id for r in results])
    has_county = np.repeat([any("county" in fact for fact in records) for records in facts], lengths)
    frame.insert(0, "fact_id", fact_ids(doc_ids, frame, has_county))
    frame.insert(1, "doc_id", doc_ids)
    frame.insert(2, "source_file", per_row([r.source_file for r in results]))
    own = {col: frame.pop(col) if col in frame else None for col in ("county", "city", "province")}
    for position, col in ((3, "county"), (4, "province")):
        value = pd.Series(per_row([None if r.identity.get("county_source") == "several" else r.identity.get(col)
                                   for r in results]), index=frame.index, dtype=object)
        frame.insert(position, col, own[col].where(own[col].notna(), value) if own[col] is not None else value)
    frame.insert(5, "report_year", per_row([r.identity.get("report_year") for r in results]))
    if "basis" not in frame:
        frame["basis"] = None
    frame["corrected"] = None
    return frame


def unique_source_names(results: list[DocResult]) -> None:
    """Two raw names can read alike (a GBK name re-read as text next to its UTF-8 twin)."""
    seen: set[str] = set()
    for result in sorted(results, key=lambda r: r.source_file):
        name, n = result.source_file, 1
        while name in seen:
            n += 1
            name = f"{result.source_file} ({n})"
        if name != result.source_file:
            result.warnings.append(f"与另一文件同名（原名 {result.source_file}），改称 {name}")
            result.source_file = name
        seen.add(name)


def mark_duplicates(results: list[DocResult]) -> None:
    """Identical files: the first by path is kept, the others are marked and explained."""
    first_by_sha: dict[str, str] = {}
    for result in sorted(results, key=lambda r: r.source_file):
        if result.status != "ok":
            continue
        original = first_by_sha.setdefault(result.sha256, result.source_file)
        if original != result.source_file:
            result.status = "duplicate"
            result.error = f"与 {original} 内容相同，未重复计入"


def texts_table(accepted: list[DocResult], length: int) -> partitions.PartitionedTable:
    """The texts, one part per batch of reports; a part is unchanged while its reports' cache
    keys are (the key covers the bytes and the code that normalised them)."""
    groups: dict[str, list[DocResult]] = {}
    for result in sorted(accepted, key=lambda r: r.doc_id):
        groups.setdefault(partitions.part_of(result.doc_id, length), []).append(result)

    def rows(group: list[DocResult]) -> pd.DataFrame:
        frame = pd.DataFrame({"doc_id": pd.array([r.doc_id for r in group], dtype="string"),
                              "text": arrow_strings([r.text for r in group])})
        return contracts.conform(frame, "texts")

    def inputs(group: list[DocResult]) -> str | None:
        keys = [(r.doc_id, r.cache_key) for r in group]
        return partitions.inputs_digest("texts", keys) if all(k for _, k in keys) else None

    return partitions.PartitionedTable("texts", [partitions.Part(part, inputs(group), lambda g=group: rows(g))
                                                 for part, group in sorted(groups.items())])


def arrow_strings(texts: list[str]) -> pd.api.extensions.ExtensionArray:
    """``pd.array(texts, dtype="string")`` from the texts' UTF-8 encoded here: Arrow reads a
    ``str`` through ``PyUnicode_AsUTF8AndSize``, which keeps the UTF-8 form on the string for as
    long as it lives, and the texts live until the build ends (≈ 300 MB at 10,000 reports)."""
    encoded = pa.array([t.encode("utf-8") for t in texts], pa.binary())
    return pd.arrays.ArrowStringArray(encoded.cast(pa.string()))
