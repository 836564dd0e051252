"""A built output directory cloned N times: a synthetic build of N x its reports, for the app.

    python -m bench.scale_build SRC_OUT DST_OUT --times 10

Copy 0 is the source build as it is; copy k (1 ≤ k < N) repeats every row of every table under
new report ids (``sha256("k:doc_id")[:16]``), a new source file (``clone-k/…``) and new place
names (``county·k``, ``city·k``, ``province·k``), so peer groups (same city, same province) keep
their size and every clone is a county of its own. Fact ids are re-made from the new report id.
DuckDB does the copying straight from Parquet to Parquet, sorted by each table's key, so the
tool's memory stays far below the tables' size.

What this is NOT: a build of 10,000 different reports. Every clone repeats its source's text,
figures, terms and sentences, so the number of distinct terms, slogans and sentences does not
grow with N (a real corpus keeps adding rare terms); dictionary-encoded columns compress better
than a real build's; TF-IDF and IDF are the source's (replicating every document leaves each
document frequency's ratio to N unchanged); a county's reports stay in one clone, so pairing
across clones never happens; ``build.json`` carries the source's warnings and conflicts. Use it
for the app's memory and query times, not for the pipeline.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

import duckdb

from pipeline import contracts, settings

# Columns holding a report id, and those holding place names, per table (the rest are copied).
DOC_COLUMNS = {"documents": ["doc_id"], "indicators": ["doc_id"], "texts": ["doc_id"], "keywords": ["doc_id"],
               "slogans": ["doc_id"], "contexts": ["doc_id"], "sentences": ["doc_id"]}
FACT_COLUMNS = {"indicators": ["fact_id"], "targets_vs_outcomes": ["target_fact_id", "actual_fact_id"]}
PLACE_COLUMNS = {"documents": ["county", "city", "province"], "indicators": ["county", "province"],
                 "targets_vs_outcomes": ["county", "province"], "keywords": ["county"], "slogans": ["county"]}
# A pair names its documents by source file.
FILE_COLUMNS = {"documents": ["source_file"], "indicators": ["source_file"], "targets_vs_outcomes": ["target_doc", "actual_doc"]}


def _expression(table: str, column: str) -> str:
    """The SQL giving ``column`` in copy ``k`` (copy 0 keeps every value)."""
    q = f'"{column}"'
    if column in DOC_COLUMNS.get(table, []):
        new = f"substr(sha256(k::VARCHAR || ':' || {q}), 1, 16)"
    elif column in FACT_COLUMNS.get(table, []):
        # doc_id:value_start:indicator:measure, the report id re-made as above.
        head = f"split_part({q}, ':', 1)"
        new = f"substr(sha256(k::VARCHAR || ':' || {head}), 1, 16) || substr({q}, length({head}) + 1)"
    elif column in PLACE_COLUMNS.get(table, []):
        # An article on several counties lists them joined by ';': each gets the suffix.
        new = f"array_to_string(list_transform(string_split({q}, ';'), lambda x: x || '·' || k::VARCHAR), ';')"
    elif column in FILE_COLUMNS.get(table, []):
        new = f"'clone-' || k::VARCHAR || '/' || {q}"
    else:
        return q
    return f"CASE WHEN k = 0 OR {q} IS NULL THEN {q} ELSE {new} END AS {q}"


def clone_table(con, table: str, src: Path, dst: Path, times: int) -> int:
    contract = contracts.CONTRACTS[table]
    # The stored columns only: a derived one (keywords' tfidf) is computed when read.
    columns = ", ".join(_expression(table, c) for c in contract.stored_names)
    key = ", ".join(f'"{c}" NULLS FIRST' for c in contract.key)
    # A table of no report (term_idf) is copied once: replicating every report keeps its ratios.
    copies = times if any(table in columns for columns in (DOC_COLUMNS, PLACE_COLUMNS, FILE_COLUMNS)) else 1
    source = contracts.parquet_source(src)  # one file, or the glob of a table's parts
    con.execute(
        f"COPY (SELECT {columns} FROM read_parquet('{source}') CROSS JOIN (SELECT range AS k FROM range({copies})) "
        f"ORDER BY {key}) TO '{dst}' (FORMAT parquet, COMPRESSION zstd)"
    )
    return con.execute(f"SELECT count(*) FROM read_parquet('{dst}')").fetchone()[0]


def scale_build(src_out: Path, dst_out: Path, times: int) -> Path:
    src = settings.current_build_dir(src_out)
    manifest = json.loads(settings.manifest_path(src).read_text(encoding="utf-8"))
    build_id = hashlib.sha256(f"{manifest['build_id']}x{times}".encode()).hexdigest()[:16]
    name = f"scaled-x{times}-{build_id}"
    target = settings.builds_dir(dst_out) / name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    con = duckdb.connect()
    con.execute("SET memory_limit = '2GB'; SET threads = 2; SET preserve_insertion_order = false")
    counts = {}
    for table in contracts.CONTRACTS:
        path = settings.table_path(src, table)
        if path.exists():
            # Written as one file per table (readers take a file or a directory of parts alike).
            counts[table] = clone_table(con, table, path, target / f"{table}.parquet", times)
            print(f"{table}: {counts[table]:,} rows")
    manifest.update(build_id=build_id, synthetic=f"bench.scale_build: {src} x {times}",
                    counts={k: v * times if isinstance(v, int) else v for k, v in manifest.get("counts", {}).items()},
                    tables={})
    settings.manifest_path(target).write_text(json.dumps(manifest, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    settings.current_pointer_path(dst_out).write_text(name, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path, help="a build output directory (python -m pipeline build --out)")
    parser.add_argument("dst", type=Path)
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args(argv)
    print(f"-> {scale_build(args.src, args.dst, args.times)}")


if __name__ == "__main__":
    main()
