"""Cached loaders: the only place the app reads tables, the manifest and corrections.

Caches are keyed on (table path, build id), so a rebuild (new ``build.json``) is seen on
the next rerun without restarting the app, and a stale cache can never outlive its build.
Each loader resolves the current build directory once (``current_build``) and reads the
manifest and its table from there: a build finishing meanwhile switches the pointer, never
the files under a reader (see pipeline/publish.py).
Pipeline stages that land later (build, clouds, keyword comparison) are imported lazily;
each accessor returns ``None`` when its module is missing so the page can say so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import streamlit as st

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


@st.cache_data(show_spinner=False, max_entries=32)
def _read_table(name: str, path: str, build_id: str) -> pd.DataFrame:
    return contracts.read_table(name, Path(path))


def load_table(name: str) -> pd.DataFrame:
    """A table of the current build; an empty, typed frame when there is none."""
    current = current_build()
    path = None if current is None else settings.table_path(current[0], name)
    if path is None or not path.exists():
        return contracts.empty_frame(name)
    return _read_table(name, str(path), str(current[1]["build_id"]))


@st.cache_data(show_spinner=False, max_entries=64)
def _contexts_for(path: str, build_id: str, term: str) -> pd.DataFrame:
    return contracts.read_matching("contexts", Path(path), "term", term)


@st.cache_data(show_spinner=False, max_entries=4)
def _context_terms(path: str, build_id: str) -> pd.DataFrame:
    terms = contracts.read_column("contexts", Path(path), "term").dropna().unique()
    return pd.DataFrame({"term": pd.Series(terms, dtype="string")})


def load_contexts_for(term: str) -> pd.DataFrame:
    """The sentences of one term only: the contexts table grows with the corpus, a term's rows do not."""
    current = current_build()
    path = None if current is None else settings.table_path(current[0], "contexts")
    if path is None or not path.exists():
        return contracts.empty_frame("contexts")
    return _contexts_for(str(path), str(current[1]["build_id"]), term)


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


def load_context_terms() -> pd.DataFrame:
    """The terms the contexts table can answer for (one column read, not the sentences)."""
    current = current_build()
    path = None if current is None else settings.table_path(current[0], "contexts")
    if path is None or not path.exists():
        return pd.DataFrame({"term": pd.Series(dtype="string")})
    return _context_terms(str(path), str(current[1]["build_id"]))


@st.cache_data(show_spinner=False, max_entries=8)
def _corrected_indicators(path: str, build_id: str, corrections_file: str, corrections_mtime: float) -> tuple[pd.DataFrame, list[str]]:
    indicators = contracts.read_table("indicators", Path(path))
    documents_path = settings.table_path(Path(path).parent, "documents")
    documents = contracts.read_table("documents", documents_path) if documents_path.exists() else None
    loaded = corrections.load_corrections(Path(corrections_file))
    return corrections.apply_corrections(indicators, loaded, documents=documents)


def load_indicators() -> pd.DataFrame:
    return _load_corrected()[0]


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


@st.cache_data(show_spinner=False, max_entries=8)
def _paired(build_id: str, corrections_mtime: float, _indicators: pd.DataFrame, _not_paired: frozenset) -> pd.DataFrame:
    pairable = _indicators[~_indicators["doc_id"].isin(_not_paired)]
    return contracts.conform(pairing.pair_targets_outcomes(pairable, load_table("documents")), "targets_vs_outcomes")


def load_conflicts() -> list:
    """Groups of different documents of one kind for one county and year, with the reviewed
    choice applied (pipeline/conflicts.py): what the 数据 page lists for a person to decide."""
    return conflicts.find_conflicts(load_table("documents"), corrections.chosen_documents(load_corrections()))


def load_targets_vs_outcomes() -> pd.DataFrame:
    """Targets against outcomes, re-paired from the corrected indicators so a correction
    made in the app changes the verdict at once (the build pairs the same way)."""
    manifest = load_manifest()
    if manifest is None:
        return contracts.empty_frame("targets_vs_outcomes")
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
    _corrected_indicators.clear()
