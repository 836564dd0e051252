"""Shared helpers for the extraction tests: a document identity and one-fact lookups."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from pipeline.extract import extract_indicators


def identity(year=2021, doc_type="政府工作报告", delivered_year=None):
    return SimpleNamespace(report_year=year, doc_type=doc_type, delivered_year=delivered_year)


def facts(text: str, **kwargs) -> pd.DataFrame:
    return extract_indicators(text, identity(**kwargs))


def one(df: pd.DataFrame, **where) -> pd.Series:
    rows = df
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, f"expected one fact where {where}, got:\n{df.to_string()}"
    return rows.iloc[0]


REVIEW = "一、2020年工作回顾\n"
PLAN = "二、2021年工作安排\n"
