"""The tables the pipeline writes: their columns, types and keys, checked at the exit.

Every table is stored under ``<name>.parquet`` in a build directory, the stem being the
schema key: either one Parquet file (documents, targets_vs_outcomes, term_idf) or, for the
tables keyed by report, a directory of parts ``part-<p>.parquet``, one per batch of reports
(``pipeline.partitions``); the parts in name order hold the rows in key order. Every reader
here accepts both; ``parquet_source`` gives the path or glob to hand to another engine
(DuckDB's ``read_parquet``). ``write_table`` refuses a frame with missing or undeclared
columns, null or duplicate primary keys, or values of the wrong type, and sorts rows by the
key so that a rebuild of the same inputs writes byte-identical files. The README documents
the same contracts; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq


class ContractError(ValueError):
    """A table does not match its declared contract."""


@dataclass(frozen=True)
class Contract:
    name: str
    columns: tuple[tuple[str, pa.DataType], ...]
    key: tuple[str, ...]
    description: str
    # Key columns allowed to be null (a target with no outcome has no estimate flag).
    nullable_key: tuple[str, ...] = ()
    # Columns a reader gets that are not stored: computed when read (``read_table``).
    derived: tuple[tuple[str, pa.DataType], ...] = ()

    @property
    def column_names(self) -> list[str]:
        """What a reader sees: the stored columns, then the derived ones."""
        return [name for name, _ in self.columns + self.derived]

    @property
    def stored_names(self) -> list[str]:
        return [name for name, _ in self.columns]

    @property
    def schema(self) -> pa.Schema:
        """Of the stored columns (what the Parquet files hold)."""
        return pa.schema([pa.field(name, dtype) for name, dtype in self.columns])


S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

DOCUMENTS = Contract(
    name="documents",
    description="One row per input file, accepted or not.",
    columns=(
        ("doc_id", S),  # first 16 hex digits of sha256: identical files share it
        ("source_file", S),  # path relative to the raw directory, '/'-separated
        ("sha256", S),
        ("status", S),  # ok | rejected | duplicate
        ("error", S),  # one-line human-readable reason when not ok
        ("warning", S),  # accepted, but something was lost or guessed (a stage failed for it, a name re-read)
        ("conflicts", S),  # another document of this kind for the same county and year; which one pairing uses
        ("county", S),
        ("city", S),
        ("province", S),
        ("report_year", I),  # the year the report is *for*
        ("doc_type", S),  # pipeline.doc_kinds.DOC_KINDS: 政府工作报告 | 报告摘要 | 统计公报 | 计划执行情况 | 目标任务分解 | 工作汇报 | 其他
        ("county_source", S),  # the evidence that named the county: title | meeting_line | body | html_title | masthead | several | folder | file_name | review
        ("year_source", S),  # the evidence for report_year: delivery_date | title | html_title | plan_term | sections | body | file_name | folder | masked | review
        ("anonymised", B),
        ("title", S),
        ("n_chars", I),
    ),
    key=("source_file",),
)

INDICATORS = Contract(
    name="indicators",
    description="One row per numeric (or qualitative) indicator statement.",
    columns=(
        ("fact_id", S),  # doc_id:value_start:indicator:measure, stable across rebuilds
        ("doc_id", S),
        ("source_file", S),
        ("county", S),
        ("province", S),
        ("report_year", I),
        ("indicator", S),
        ("measure", S),  # level | growth | rate | change | multiple | share
        ("kind", S),  # target | actual
        ("estimated", B),  # 预计 figures
        ("period", I),  # the year the value refers to (end year for multi-year scopes)
        ("period_start", I),
        ("period_end", I),
        ("scope", S),  # annual | multi_year_avg | cumulative | half_year | first_three_quarters | ...
        ("value", F),  # null when masked or qualitative
        ("unit", S),
        ("qualifier", S),  # about | at_least | at_most | range | exact
        ("qualifier_text", S),
        ("masked", B),
        ("sentence", S),
        ("start", I),  # sentence offsets in the normalised text (texts table)
        ("end", I),
        ("value_text", S),  # the words the value was read from, e.g. 增长6.5%左右
        ("value_start", I),
        ("value_end", I),
        ("basis", S),  # the cue that decided kind and period: heading:…, cue:今年, doc_type:统计公报, date_line
        ("corrected", S),  # null | corrected | added: set by a reviewed correction
    ),
    key=("fact_id",),
)

TARGETS_VS_OUTCOMES = Contract(
    name="targets_vs_outcomes",
    description="A year's target against the outcome reported for it later.",
    columns=(
        ("county", S),
        ("province", S),
        ("indicator", S),
        ("measure", S),
        ("period", I),
        ("target_value", F),
        ("target_unit", S),
        ("target_qualifier", S),
        ("target_qualifier_text", S),
        ("target_doc", S),
        ("target_fact_id", S),
        ("target_sentence", S),
        ("actual_value", F),
        ("actual_unit", S),
        ("actual_estimated", B),
        ("actual_doc", S),
        ("actual_doc_type", S),  # the outcome's source kind (doc_kinds): 统计公报 final figures outrank a report's 预计
        ("actual_fact_id", S),
        ("actual_sentence", S),
        ("status", S),  # met | missed | no_outcome_yet | no_target | unknown
        ("gap", F),  # actual - target, in the target's unit
    ),
    key=("county", "province", "indicator", "measure", "period", "actual_estimated"),
    nullable_key=("province", "actual_estimated"),
)

TEXTS = Contract(
    name="texts",
    description="Normalised text of each accepted document: what offsets point into.",
    columns=(("doc_id", S), ("text", S)),
    key=("doc_id",),
)

KEYWORDS = Contract(
    name="keywords",
    description="Term counts per document; TF-IDF computed when read, from the counts and term_idf.",
    columns=(
        ("doc_id", S),
        ("county", S),
        ("report_year", I),
        ("term", S),
        ("count", I),
    ),
    key=("doc_id", "term"),
    # Not stored: a data drop changes every report's scores (the IDF), never its counts.
    # ``read_table`` computes it (pipeline.tfidf); another engine: idf from term_idf,
    # (1 + ln count) * idf / the L2 norm over the report's rows, rounded to 12 places.
    derived=(("tfidf", F),),
)

TERM_IDF = Contract(
    name="term_idf",
    description="The corpus' inverse document frequency of every term: ln((1 + N) / (1 + documents)) + 1.",
    columns=(
        ("term", S),
        ("documents", I),  # reports holding the term
        ("idf", F),
        # Among some report's CONTEXT_TOP_N best by TF-IDF: the terms 词语语境 offers (contexts
        # hold every term's occurrences, so that a report's rows depend on the report alone).
        ("ranked", B),
    ),
    key=("term",),
)

SLOGANS = Contract(
    name="slogans",
    description="Quoted phrases and numbered compounds per document, classified.",
    columns=(
        ("doc_id", S),
        ("county", S),
        ("report_year", I),
        ("slogan", S),
        ("family", S),
        ("kind", S),  # slogan | plan_period | honour | project | brand | other
        ("kind_basis", S),  # why it has that kind (the rule, cue or correction that decided)
        ("count", I),  # mentions in the document, quoted or not
        ("quoted_count", I),  # of which inside quote marks
        ("first_sentence", S),
    ),
    key=("doc_id", "slogan"),
)

CONTEXTS = Contract(
    name="contexts",
    description="Where each term and slogan occurs (a report's first occurrences of each, partials.CONTEXT_MAX_PER_DOC_TERM at most): the keyword-in-context index.",
    columns=(
        ("doc_id", S),
        ("term", S),
        # The sentence holding the occurrence, in ``sentences``; -1: in no sentence (show the term).
        # Rows point to their sentence instead of copying it: a sentence holds dozens of rows.
        ("sentence_id", I),
        ("start", I),
        ("end", I),
    ),
    key=("doc_id", "term", "start"),
)

SENTENCES = Contract(
    name="sentences",
    description="Each report's distinct sentences, which contexts rows point to.",
    columns=(
        ("doc_id", S),
        # The sentence's index in ``segment.split_sentences(text)``; a sentence repeated in the
        # report is stored once, under its first index.
        ("sentence_id", I),
        ("sentence", S),
    ),
    key=("doc_id", "sentence_id"),
)

CONTRACTS: dict[str, Contract] = {
    c.name: c for c in (DOCUMENTS, INDICATORS, TARGETS_VS_OUTCOMES, TEXTS, KEYWORDS, SLOGANS, CONTEXTS, SENTENCES,
                         TERM_IDF)
}


def empty_frame(name: str) -> pd.DataFrame:
    """A frame with the table's columns (derived ones too) and no rows, for stages with nothing to say."""
    return conform(pd.DataFrame(columns=CONTRACTS[name].column_names), name)


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Check a frame against its contract and return it typed and sorted by key (derived
    columns are kept when the frame has them, and never stored)."""
    contract = CONTRACTS[name]
    missing = [c for c in contract.stored_names if c not in df.columns]
    extra = [c for c in df.columns if c not in contract.column_names]
    if missing or extra:
        raise ContractError(f"{name}: missing columns {missing}, undeclared columns {extra}")
    fields = [pa.field(n, t) for n, t in contract.columns + contract.derived if n in df.columns]
    df = df[[f.name for f in fields]]
    try:
        table = pa.Table.from_pandas(df, schema=pa.schema(fields), preserve_index=False, safe=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        raise ContractError(f"{name}: {exc}") from exc
    typed = table.to_pandas(types_mapper=_pandas_type)
    key = list(contract.key)
    required = [c for c in key if c not in contract.nullable_key]
    null_keys = typed[required].isna().any(axis=1)
    if null_keys.any():
        raise ContractError(f"{name}: {int(null_keys.sum())} rows with a null key {required}")
    duplicated = typed.duplicated(subset=key, keep=False)
    if duplicated.any():
        sample = typed.loc[duplicated, key].head(3).to_dict("records")
        raise ContractError(f"{name}: duplicate keys {key}, e.g. {sample}")
    return typed.sort_values(key, na_position="first", kind="mergesort").reset_index(drop=True)


def write_table(df: pd.DataFrame, name: str, path: Path) -> pd.DataFrame:
    """Conform and write a table (its stored columns); the bytes depend only on the rows."""
    typed = conform(df, name)
    table = pa.Table.from_pandas(typed[CONTRACTS[name].stored_names], schema=CONTRACTS[name].schema,
                                 preserve_index=False)
    # pandas metadata embeds nothing run-specific, but keep the file plain Arrow.
    table = table.replace_schema_metadata(None)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd", write_statistics=True)
    return typed


def parquet_source(path: Path) -> str:
    """What a query engine reads for the table stored at ``path`` (``settings.table_path``):
    the file itself, or the glob of its parts when the table is a directory of parts."""
    path = Path(path)
    return str(path / "*.parquet") if path.is_dir() else str(path)


def table_files(path: Path) -> list[Path]:
    """The Parquet files of a table, in key order (a part's name sorts as its rows do)."""
    path = Path(path)
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


def _dataset(name: str, path: Path) -> ds.Dataset:
    return ds.dataset([str(p) for p in table_files(path)], schema=CONTRACTS[name].schema, format="parquet")


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(types_mapper=_pandas_type)


def read_table(name: str, path: Path) -> pd.DataFrame:
    """Read a table written by ``write_table`` (one file or a directory of parts), with
    nullable pandas types and its derived columns."""
    return _derive(name, path, _to_pandas(_dataset(name, path).to_table()))


def read_matching(name: str, path: Path, column: str, value, op: str = "==") -> pd.DataFrame:
    """The rows of a table whose ``column`` equals ``value`` (``op="in"``: is in the list
    ``value``), read without loading the rest (keyword-in-context on a 10,000-report corpus:
    see bench/contexts_query.py)."""
    expression = pq.filters_to_expression([(column, op, value)])
    rows = _to_pandas(_dataset(name, path).to_table(filter=expression))
    if not CONTRACTS[name].derived or column == "doc_id":
        return _derive(name, path, rows)
    # A row's score needs every row of its report: read those reports whole, keep the rows asked for.
    reports = read_matching(name, path, "doc_id", sorted(set(rows["doc_id"].dropna())), op="in")
    key = list(CONTRACTS[name].key)
    return rows[key].merge(reports, on=key, how="left")[CONTRACTS[name].column_names]


def read_column(name: str, path: Path, column: str) -> pd.Series:
    if column in dict(CONTRACTS[name].derived):
        return read_table(name, path)[column]
    return _to_pandas(_dataset(name, path).to_table(columns=[column]))[column]


def _derive(name: str, path: Path, frame: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns: keywords' tfidf, from the term_idf table stored beside it."""
    if name != "keywords":
        return frame
    from pipeline import tfidf

    from pipeline import settings

    idf_path = settings.table_path(Path(path).parent, "term_idf")  # the same build directory
    term_idf = _to_pandas(_dataset("term_idf", idf_path).to_table()) if idf_path.exists() else None
    return tfidf.with_tfidf(frame, term_idf)


_PANDAS_TYPES = {
    pa.string(): pd.StringDtype(),
    pa.large_string(): pd.StringDtype(),
    pa.string_view(): pd.StringDtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.float64(): pd.Float64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def _pandas_type(arrow_type: pa.DataType):
    return _PANDAS_TYPES.get(arrow_type)
