"""Table contracts: what write_table refuses, and what it guarantees."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import contracts


def test_missing_and_undeclared_columns_are_refused():
    with pytest.raises(contracts.ContractError, match="missing columns \\['text'\\]"):
        contracts.conform(pd.DataFrame({"doc_id": ["a"]}), "texts")
    with pytest.raises(contracts.ContractError, match="undeclared columns \\['extra'\\]"):
        contracts.conform(pd.DataFrame({"doc_id": ["a"], "text": ["t"], "extra": [1]}), "texts")


def test_duplicate_and_null_keys_are_refused():
    with pytest.raises(contracts.ContractError, match="duplicate keys"):
        contracts.conform(pd.DataFrame({"doc_id": ["a", "a"], "text": ["x", "y"]}), "texts")
    with pytest.raises(contracts.ContractError, match="null key"):
        contracts.conform(pd.DataFrame({"doc_id": [None], "text": ["x"]}), "texts")


def test_wrong_types_are_refused():
    frame = pd.DataFrame({"doc_id": ["d"], "county": ["浚县"], "report_year": [2021], "term": ["乡村振兴"],
                          "count": ["many"], "tfidf": [0.5]})
    with pytest.raises(contracts.ContractError):
        contracts.conform(frame, "keywords")


def test_rows_are_sorted_and_bytes_depend_only_on_rows(tmp_path):
    frame = pd.DataFrame({"doc_id": ["b", "a", "c"], "text": ["2", "1", "3"]})
    first = contracts.write_table(frame, "texts", tmp_path / "one.parquet")
    assert list(first["doc_id"]) == ["a", "b", "c"]
    contracts.write_table(frame.sample(frac=1, random_state=3), "texts", tmp_path / "two.parquet")
    assert (tmp_path / "one.parquet").read_bytes() == (tmp_path / "two.parquet").read_bytes()
    assert contracts.read_table("texts", tmp_path / "one.parquet").equals(first)
