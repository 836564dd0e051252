"""What a build stored, read back: each table's rows, and the bytes of each of its files
(a table is one Parquet file or a directory of parts, ``pipeline.partitions``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline import contracts, settings

TABLES = tuple(contracts.CONTRACTS)


def table_rows(out: Path, names=TABLES) -> dict[str, pd.DataFrame]:
    return {name: contracts.read_table(name, settings.table_path(out, name)) for name in names}


def table_bytes(out: Path, names=TABLES) -> dict[str, dict[str, bytes]]:
    """Per table, each of its files' bytes by name (``""`` for a table stored as one file)."""
    found = {}
    for name in names:
        path = settings.table_path(out, name)
        found[name] = ({p.name: p.read_bytes() for p in contracts.table_files(path)} if path.is_dir()
                       else {"": path.read_bytes()})
    return found


def assert_same_rows(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], check_exact=True, obj=name)
