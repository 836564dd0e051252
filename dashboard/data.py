"""Cached loaders: the only place the app reads tables, the manifest and corrections.

Caches are keyed on (table path, build id), so a rebuild (new ``build.json``) is seen on
the next rerun without restarting the app, and a stale cache can never outlive its build.
Each loader resolves the current build directory once (``current_build``) and reads the
manifest and its table from there: a build finishing meanwhile switches the pointer, never
the files under a reader (see pipeline/publish.py).
What one view reads of the facts and pairs is asked through ``query`` by ``view_data.py``.
Pipeline stages that land later (build, clouds, keyword comparison) are imported lazily;
each accessor returns ``None`` when its module is missing so the page can say so.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import streamlit as st

from dashboard import queries
from pipeline import conflicts, contracts, corrections, pairing, settings

CORRECTIONS_FILE = "corrections.csv"


def out_dir() -> Path:
    return settings.processed_dir()


def corrections_path() -> Path:
    return settings.reference_file(CORRECTIONS_FILE)


def current_build() -> tuple[Path, dict] | None:
    """The current build's directory and manifest, or None when nothing has been built yet."""
    build = settings.current_build_dir(out_dir())
    try:
        manifest = json.loads(settings.manifest_path(build).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return (build, manifest) if isinstance(manifest, dict) and manifest.get("build_id") else None


def load_manifest() -> dict | None:
    """The current build's manifest, or None when nothing has been built yet."""
    current = current_build()
    return None if current is None else current[1]


def has_data() -> bool:
    return load_manifest() is not None


# The whole tables the pages still load (documents, indicators and the pairs: tens of MB at
# 10,000 reports) are cached as resources, one shared frame per build: st.cache_data would keep
# a pickled copy and hand every caller another unpickled one. Callers never modify them (pandas'
# copy-on-write keeps a derived frame's changes to itself).
@st.cache_resource(show_spinner=False, max_entries=32)
def _read_table(name: str, path: str, build_id: str) -> pd.DataFrame:
    return contracts.read_table(name, Path(path))


def load_table(name: str) -> pd.DataFrame:
    """A table of the current build; an empty, typed frame when there is none."""
    current = current_build()
    path = None if current is None else settings.table_path(current[0], name)
    if path is None or not path.exists():
        return contracts.empty_frame(name)
    return _read_table(name, str(path), str(current[1]["build_id"]))


# --- The query engine: DuckDB over the build's Parquet files ---------------------------------
# Big tables (keywords, slogans, contexts) are never loaded whole: pages ask dashboard.queries.engine
# questions whose SQL names tables as {keywords}, {slogans}…, and only the (small) answers are
# cached. The engine's own memory is capped; it spills nothing (no temp directory is set).
ENGINE_MEMORY = "256MB"


@st.cache_resource(show_spinner=False)
def _engine() -> duckdb.DuckDBPyConnection:
    return duckdb.connect(config={"memory_limit": ENGINE_MEMORY, "threads": 2, "enable_external_access": True})


def table_sources(build: Path) -> dict[str, str]:
    """Each table of a build as SQL: ``read_parquet`` of its file or of its directory of parts
    (``contracts.parquet_source``), or an empty relation of the right columns when it is missing."""
    sources = {}
    for name, contract in contracts.CONTRACTS.items():
        path = settings.table_path(build, name)
        if not path.exists():
            sources[name] = f"(SELECT {_nulls(contract.columns)} WHERE false)"
            continue
        source = "read_parquet('" + contracts.parquet_source(path).replace("'", "''") + "')"
        # A build made before a column was added still reads: the column is NULL (unknown).
        stored = _stored_columns(path)
        missing = [(c, t) for c, t in contract.columns if c not in stored]
        sources[name] = f"(SELECT *, {_nulls(missing)} FROM {source})" if missing else source
    return sources


def _nulls(columns) -> str:
    return ", ".join(f'NULL::{_SQL_TYPES[str(t)]} AS "{c}"' for c, t in columns)


def _stored_columns(path: Path) -> set[str]:
    files = contracts.table_files(path)
    return set(pq.read_schema(files[0]).names) if files else set()


_SQL_TYPES = {"string": "VARCHAR", "int64": "BIGINT", "double": "DOUBLE", "bool": "BOOLEAN"}


def run_sql(con: duckdb.DuckDBPyConnection, sources: dict[str, str], sql: str, params=()) -> pd.DataFrame:
    """``sql`` with its ``{table}`` names replaced by ``sources``, as a frame of the contracts'
    nullable pandas types. A cursor per call: one connection serves every session's thread."""
    cursor = con.cursor()
    try:
        table = cursor.sql(sql.format(**sources), params=list(params)).to_arrow_table()
    finally:
        cursor.close()
    return table.to_pandas(types_mapper=contracts._pandas_type)


def runner(build: Path):
    """``run(sql, params)`` over one build directory, uncached (tests, benchmarks)."""
    con, sources = duckdb.connect(), table_sources(Path(build))
    return lambda sql, params=(): run_sql(con, sources, sql, params)


@st.cache_data(show_spinner=False, max_entries=256)
def _query(sql: str, params: tuple, build: str, build_id: str) -> pd.DataFrame:
    return run_sql(_engine(), _build_sources(build, build_id), sql, params)


@st.cache_resource(show_spinner=False, max_entries=4)
def _build_sources(build: str, build_id: str) -> dict[str, str]:
    """``table_sources`` once per build: a published build directory never changes (a new
    build is a new directory), and reading its tables' schemas per query cost seconds a page."""
    return table_sources(Path(build))


def query(sql: str, params=()) -> pd.DataFrame:
    """An engine query on the current build (an empty frame when there is none), cached per build."""
    current = current_build()
    build = settings.current_build_dir(out_dir()) if current is None else current[0]
    build_id = "" if current is None else str(current[1]["build_id"])
    return _query(sql, tuple(params), str(build), build_id)


def count_rows(name: str) -> int:
    """Rows of a table of the current build (from the Parquet footers: nothing is loaded)."""
    return int(query(f'SELECT count(*) AS n FROM {{{name}}}')["n"].iloc[0])


def read_whole(name: str) -> pd.DataFrame:
    """A table of the current build, whole and uncached: for a download, then let go."""
    current = current_build()
    path = None if current is None else settings.table_path(current[0], name)
    if path is None or not path.exists():
        return contracts.empty_frame(name)
    return contracts.read_table(name, path)


@st.cache_data(show_spinner=False, max_entries=64)
def _sentences_of(path: str, build_id: str, doc_ids: tuple[str, ...]) -> pd.DataFrame:
    return contracts.read_matching("sentences", Path(path), "doc_id", list(doc_ids), op="in")


def load_sentences(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (doc_id, sentence_id: the contexts rows a page shows) with their sentence;
    only those reports' sentences are read, never the whole table."""
    current = current_build()
    path = None if current is None else settings.table_path(current[0], "sentences")
    if path is None or not path.exists() or rows.empty:
        found = contracts.empty_frame("sentences")
    else:
        doc_ids = tuple(sorted(set(rows["doc_id"].dropna().astype(str))))
        found = _sentences_of(str(path), str(current[1]["build_id"]), doc_ids)
    return rows.merge(found, on=["doc_id", "sentence_id"], how="left")


@st.cache_resource(show_spinner=False, max_entries=4)
def _corrected_indicators(path: str, build_id: str, corrections_file: str, corrections_mtime: float) -> tuple[pd.DataFrame, list[str]]:
    indicators = contracts.read_table("indicators", Path(path))
    documents_path = settings.table_path(Path(path).parent, "documents")
    documents = contracts.read_table("documents", documents_path) if documents_path.exists() else None
    loaded = corrections.load_corrections(Path(corrections_file))
    return corrections.apply_corrections(indicators, loaded, documents=documents)


def load_indicators() -> pd.DataFrame:
    """The facts with the reviewed corrections applied: the build's table itself while its
    corrections are current (``facts_current``: applying them again changes no row), else
    corrected here."""
    return load_table("indicators") if facts_current() else _load_corrected()[0]


def correction_problems() -> list[str]:
    """Corrections that no longer match a fact (after a rebuild changed the extraction)."""
    return _load_corrected()[1]


def _load_corrected() -> tuple[pd.DataFrame, list[str]]:
    """Indicators with the reviewed corrections applied on top.

    The build applies them too; applying again is idempotent and lets a correction
    made in the app show at once, before the next rebuild.
    """
    current = current_build()
    path = None if current is None else settings.table_path(current[0], "indicators")
    if path is None or not path.exists():
        return contracts.empty_frame("indicators"), []
    corr = corrections_path()
    mtime = corr.stat().st_mtime if corr.exists() else 0.0
    try:
        return _corrected_indicators(str(path), str(current[1]["build_id"]), str(corr), mtime)
    except (corrections.CorrectionError, contracts.ContractError, ValueError) as exc:
        return load_table("indicators"), [f"更正文件无法应用：{exc}"]


@st.cache_resource(show_spinner=False, max_entries=4)
def _paired(build_id: str, corrections_mtime: float, _indicators: pd.DataFrame, _not_paired: frozenset) -> pd.DataFrame:
    pairable = _indicators[~_indicators["doc_id"].isin(_not_paired)]
    return contracts.conform(pairing.pair_targets_outcomes(pairable, load_table("documents")), "targets_vs_outcomes")


def load_conflicts() -> list:
    """Groups of different documents of one kind for one county and year, with the reviewed
    choice applied (pipeline/conflicts.py): what the 数据 page lists for a person to decide."""
    return conflicts.find_conflicts(load_table("documents"), corrections.chosen_documents(load_corrections()))


@st.cache_data(show_spinner=False, max_entries=8)
def _corrections_digest(path: str, mtime: float) -> str:
    return corrections.file_digest(Path(path))


def facts_current() -> bool:
    """Whether the build's facts are the corrected facts: the corrections file is the one the build
    applied (its manifest's ``corrections_sha256``). Then a view may ask the engine for its rows;
    after a correction made in the app, only the corrected frame (``load_indicators``) is right."""
    manifest = load_manifest()
    if manifest is None:
        return False
    corr = corrections_path()
    mtime = corr.stat().st_mtime if corr.exists() else 0.0
    built_with = manifest.get("corrections_sha256")
    return bool(built_with) and built_with == _corrections_digest(str(corr), mtime)


def load_targets_vs_outcomes() -> pd.DataFrame:
    """Targets against outcomes: the build's table while the corrections are those the build
    applied (``facts_current``), else re-paired from the corrected indicators, so a correction
    made in the app changes the verdict at once (the build pairs the same way; pairing 10,000
    reports in the app takes half a minute)."""
    manifest = load_manifest()
    if manifest is None:
        return contracts.empty_frame("targets_vs_outcomes")
    if facts_current():
        return load_table("targets_vs_outcomes")
    corr = corrections_path()
    mtime = corr.stat().st_mtime if corr.exists() else 0.0
    return _paired(str(manifest["build_id"]), mtime, load_indicators(), frozenset(conflicts.not_used(load_conflicts())))


def load_corrections() -> pd.DataFrame:
    try:
        return corrections.load_corrections(corrections_path())
    except (corrections.CorrectionError, ValueError):
        return corrections.empty_corrections()


# --- Stages that land later on main: imported lazily ---------------------------------------


def build_function():
    try:
        from pipeline.build import run_build
    except ImportError:
        return None
    return run_build


def cloud_function():
    try:
        from pipeline.clouds import render_cloud
    except ImportError:
        return None
    return render_cloud


def compare_function():
    try:
        from pipeline.keywords import compare_terms
    except ImportError:
        return None
    return compare_terms


def cloud_cache_dir() -> Path:
    """Clouds the app draws on demand: kept across builds (keyed on their frequencies), and
    apart from the build's own cloud cache, whose leftovers a build may clean."""
    return settings.cache_dir(out_dir()) / "app-clouds"


@st.cache_data(show_spinner=False, max_entries=64)
def render_cloud(frequencies: tuple[tuple[str, float], ...], size: str, theme: str, build_id: str) -> bytes | None:
    """PNG bytes of a word cloud, or None when the clouds stage is not available."""
    render = cloud_function()
    if render is None or not frequencies:
        return None
    path = render(dict(frequencies), size=size, theme=theme, cache_dir=cloud_cache_dir())
    return Path(path).read_bytes()


def clear_caches() -> None:
    _read_table.clear()
    _query.clear()
    _corrected_indicators.clear()
