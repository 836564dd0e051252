"""Big tables as directories of parts, one Parquet file per batch of reports.

A table keyed by report (texts, indicators, keywords, slogans, contexts, sentences) is
written as ``<build>/<name>.parquet/part-<p>.parquet``, where ``p`` is the first
``prefix_length`` hex digits of the rows' ``doc_id``. Parts in name order are the table in
key order (every key starts with the doc_id), so reading the directory gives the rows a
single file would hold (``contracts.read_table``).

Each part carries a digest of what its rows are made from (``Part.inputs``: the reports'
cache keys, their county and year, the corpus-level state the table reads, the code). When
the previous build has a part of the same name and inputs, it is hard-linked into the new
build instead of being computed and written again, so a report dropped into a built corpus
writes one part per table. A part without an inputs digest is computed and then compared by
its rows' digest. Nothing is ever written into an existing file: a new part is written
under a temporary name in the staging directory and renamed, so a part linked from an
older build (the same inode) is never changed in place.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import contracts, settings

PART_PREFIX = "part-"
# Tables partitioned by report; the others (documents, pairs, the IDF) stay one small file.
PARTITIONED = ("texts", "indicators", "keywords", "slogans", "contexts", "sentences")
# Reports per part aimed at: 16 parts up to 4,096 reports, 256 above (≈ 40 a part at 10,000).
_SMALL_CORPUS = 4096
WRITER_THREADS = 2  # the machine's cores: more would only queue
_CORPUS_MODULES = ("build.py", "file_stage.py", "doc_tables.py", "contracts.py", "corpus_terms.py", "corpus_slogans.py",
                   "corpus_stores.py", "vocabulary.py",
                   "partitions.py", "tfidf.py", "corrections.py", "pairing.py", "pairing_store.py",
                   "conflicts.py")


def prefix_length(n_reports: int) -> int:
    return 1 if n_reports <= _SMALL_CORPUS else 2


def part_of(doc_id: str, length: int) -> str:
    """The part a report's rows go to; ids that are not hex (none the build makes) share one,
    named to sort after every hex part."""
    prefix = str(doc_id)[:length].lower()
    return prefix if len(prefix) == length and all(c in "0123456789abcdef" for c in prefix) else "~"


def part_file(part: str) -> str:
    return f"{PART_PREFIX}{part}.parquet"


@dataclass
class Part:
    part: str
    inputs: str | None  # digest of what the rows are made from; None: compare the rows themselves
    # The rows, conformed (sorted by key): a frame, or the Arrow table of the stored columns
    # (a table made in key order skips pandas; ``frame`` and ``write_conformed`` take both).
    make: Callable[[], pd.DataFrame | pa.Table]


@dataclass
class PartitionedTable:
    """A table to be written part by part: only the parts that changed are ever computed."""

    name: str
    parts: list[Part]

    def frame(self) -> pd.DataFrame:
        """The whole table in memory (tests, small corpora; the build streams instead)."""
        frames = [as_frame(f) for f in (p.make() for p in self.parts) if len(f)]
        if not frames:
            return contracts.empty_frame(self.name)
        if len(frames) == 1:
            return frames[0]
        # In key order: parts of hex ids already are; a non-hex id (tests) sits in the last part.
        key = list(contracts.CONTRACTS[self.name].key)
        whole = pd.concat(frames, ignore_index=True)
        return whole.sort_values(key, na_position="first", kind="mergesort").reset_index(drop=True)


def split_frame(name: str, frame: pd.DataFrame, n_reports: int, length: int | None = None,
                inputs: dict[str, str] | None = None) -> PartitionedTable:
    """A table already in memory (conformed: sorted by key), cut into its parts, each
    compared with the previous build's by its inputs digest (``inputs``, per part) where it
    has one, else by its rows."""
    inputs = inputs or {}
    frame = frame.reset_index(drop=True)
    length = length or prefix_length(n_reports)
    if not len(frame):
        return PartitionedTable(name, [])
    # Each report's part once, not each row's (a report has tens of facts, contexts, terms).
    codes, doc_ids = pd.factorize(frame["doc_id"].astype(str))
    labels = np.array([part_of(d, length) for d in doc_ids], dtype=object)[codes]
    groups = pd.Series(range(len(frame))).groupby(labels, sort=True).indices
    return PartitionedTable(name, [Part(p, inputs.get(p), lambda rows=rows: frame.take(rows).reset_index(drop=True))
                                   for p, rows in sorted(groups.items())])


def inputs_digest(table: str, *values) -> str:
    payload = json.dumps([table, corpus_code_fingerprint(), pa.__version__, values], ensure_ascii=False,
                         sort_keys=True, default=list)
    return hashlib.sha256(payload.encode("utf-8", "surrogateescape")).hexdigest()[:24]


@lru_cache(maxsize=1)
def corpus_code_fingerprint() -> str:
    """The per-document fingerprint and the corpus step's own modules."""
    from pipeline.result_cache import code_fingerprint

    digest = hashlib.sha256(code_fingerprint().encode())
    here = Path(__file__).resolve().parent
    for name in _CORPUS_MODULES:
        path = here / name
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class PartWriter:
    """Writes the parts of a build's tables into its staging directory, linking unchanged
    parts from the previous build; records each part's inputs and file digest for the
    manifest (``build.json``: ``partitions``)."""

    def __init__(self, staging: Path, previous_dir: Path | None, previous: dict | None):
        self.staging = staging
        self.previous_dir = previous_dir
        self.previous = previous or {}
        self.written: dict[str, dict[str, dict]] = {}
        self.linked = 0
        self._counting = threading.Lock()  # parts are linked from writer threads too

    def write(self, table: PartitionedTable) -> str:
        """Write every part of ``table``; return the table's digest (over its parts' bytes).

        Parts are made one at a time (so one part's rows are in memory, plus those being
        written) and compressed and written on threads: pyarrow's writer releases the GIL,
        so writing overlaps making the next part."""
        folder = settings.table_path(self.staging, table.name)
        folder.mkdir(parents=True)
        records: dict[str, dict] = {}
        with ThreadPoolExecutor(max_workers=WRITER_THREADS) as pool:
            pending: list[tuple[str, Future]] = []
            for part in table.parts:
                outcome = self._write_part(table.name, folder, part, pool)
                if isinstance(outcome, Future):
                    pending.append((part.part, outcome))
                elif outcome is not None:
                    records[part.part] = outcome
                while len(pending) > WRITER_THREADS:  # bounded: rows wait for a writer, never pile up
                    name, future = pending.pop(0)
                    records[name] = future.result()
            for name, future in pending:
                records[name] = future.result()
        if not records:  # an empty table is still one readable file (a glob must match)
            records["empty"] = self._write_frame(table.name, folder, "empty", contracts.empty_frame(table.name), None)
        self.written[table.name] = records
        return table_digest(records)

    def _write_part(self, name: str, folder: Path, part: Part, pool: ThreadPoolExecutor):
        """The part's record (linked), a future of it (being written), or None (no rows)."""
        before = self.previous.get(name, {}).get(part.part)
        if part.inputs is not None and before and before.get("inputs") == part.inputs and self._link(name, part.part):
            return before
        frame = part.make()
        if not len(frame):
            return None
        if part.inputs is None:  # compared by its bytes: written, and the previous file kept if they match
            return pool.submit(self._write_or_link, name, folder, part.part, frame, before)
        return pool.submit(self._write_frame, name, folder, part.part, frame, part.inputs)

    def _write_or_link(self, name: str, folder: Path, part: str, frame: pd.DataFrame, before: dict | None) -> dict:
        """A part without an inputs digest: its Parquet bytes are its digest (the writer is
        deterministic; a digest of an in-memory serialisation was not: it differed for the
        same rows taken from differently built frames, so no such part was ever linked)."""
        record = self._write_frame(name, folder, part, frame, None)
        record["inputs"] = "rows:" + record["sha256"][:24]
        if before and before.get("sha256") == record["sha256"]:
            target = folder / part_file(part)
            target.unlink()
            if self._link(name, part):  # the previous build's file: one inode for both builds
                return before
            write_conformed(frame, name, target)
        return record

    def _link(self, name: str, part: str) -> bool:
        if self.previous_dir is None:
            return False
        source = settings.table_path(self.previous_dir, name) / part_file(part)
        target = settings.table_path(self.staging, name) / part_file(part)
        try:
            os.link(source, target)
        except FileNotFoundError:
            return False
        except OSError:  # a file system without hard links: a copy is a new file, as safe
            try:
                shutil.copyfile(source, target)
            except OSError:
                return False
        with self._counting:
            self.linked += 1
        return True

    @property
    def computed(self) -> int:
        """Parts written (not linked) so far."""
        return sum(1 for records in self.written.values() for r in records.values()) - self.linked

    def _write_frame(self, name: str, folder: Path, part: str, frame: pd.DataFrame, inputs: str | None) -> dict:
        target = folder / part_file(part)
        tmp = folder / f".{part_file(part)}.tmp"
        write_conformed(frame, name, tmp)
        os.replace(tmp, target)  # a new inode under the name, never a write into a linked file
        return {"inputs": inputs, "sha256": file_sha256(target)}


def as_frame(rows: pd.DataFrame | pa.Table) -> pd.DataFrame:
    """A part's rows as the frame ``contracts.conform`` returns."""
    return rows.to_pandas(types_mapper=contracts._pandas_type) if isinstance(rows, pa.Table) else rows


def write_conformed(frame: pd.DataFrame | pa.Table, name: str, path: Path) -> None:
    """``contracts.write_table`` without its ``conform``: the same bytes for a conformed frame
    or for the Arrow table of its stored columns."""
    schema = contracts.CONTRACTS[name].schema
    table = frame.cast(schema) if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, schema=schema,
                                                                                          preserve_index=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table.replace_schema_metadata(None), path, compression="zstd", write_statistics=True)


def table_digest(records: dict[str, dict]) -> str:
    joined = "\n".join(f"{part}:{record['sha256']}" for part, record in sorted(records.items()))
    return hashlib.sha256(joined.encode()).hexdigest()


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def previous_parts(manifest: dict | None, names: Iterable[str] = PARTITIONED) -> dict:
    """The parts recorded in a build's manifest (none for a build from before partitions)."""
    recorded = (manifest or {}).get("partitions")
    if not isinstance(recorded, dict):
        return {}
    return {name: recorded[name] for name in names if isinstance(recorded.get(name), dict)}


def stored_digest(path: Path) -> str:
    """The digest ``build.json`` records for the table stored at ``path`` (a file's sha256,
    or the digest of a directory's parts), recomputed from the files: a reader's check."""
    path = Path(path)
    if not path.is_dir():
        return file_sha256(path)
    return table_digest({p.name[len(PART_PREFIX):-len(".parquet")]: {"sha256": file_sha256(p)}
                         for p in contracts.table_files(path)})
