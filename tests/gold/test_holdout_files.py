"""The held-out gold set (tests/gold/holdout) is well formed, checked like tests/gold.

The generic checks are the ones of test_gold_files.py, re-run here against the holdout
files (pytest resolves their ``facts`` / ``documents`` fixtures in this module). Evidence
is checked against the *decoded* source: UTF-8, else GB18030 (the GBK text); for .html
the text with tags stripped and entities unescaped.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest

from tests.gold.test_gold_files import (  # noqa: F401  (re-run against the holdout fixtures)
    test_allowed_values,
    test_document_columns,
    test_documents_cover_fact_sources,
    test_fact_columns,
    test_headline_flag_matches_family,
    test_no_duplicate_facts,
    test_qualitative_facts_are_targets_with_exact_qualifier,
    test_years_and_values,
)

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT = ROOT / "tests" / "gold" / "holdout"


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(HOLDOUT / name, sep="\t", dtype=str, keep_default_na=False, quoting=3)


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return _read("facts.tsv")


@pytest.fixture(scope="module")
def documents() -> pd.DataFrame:
    return _read("documents.tsv")


def decoded_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    if path.suffix.lower() in (".html", ".htm"):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_holdout_sources_live_in_holdout(facts, documents):
    for source in set(facts["source"]) | set(documents["source"]):
        assert source.startswith("tests/gold/holdout/texts/"), source


def test_holdout_evidence_occurs_in_decoded_source(facts):
    cache: dict[str, str] = {}
    missing = []
    for _, row in facts.iterrows():
        path = ROOT / row["source"]
        assert path.is_file(), row["source"]
        if row["source"] not in cache:
            cache[row["source"]] = _squash(decoded_text(path))
        ev = row["evidence"]
        assert "\t" not in ev
        assert 10 <= len(_squash(ev)) <= 30, ev
        if _squash(ev) not in cache[row["source"]]:
            missing.append((row["source"], ev))
    assert not missing, missing


def test_holdout_encodings_are_what_the_readme_says():
    gbk = HOLDOUT / "texts" / "h03_anji_2013.txt"
    with pytest.raises(UnicodeDecodeError):
        gbk.read_bytes().decode("utf-8")
    assert "安吉县" in decoded_text(gbk)
    page = decoded_text(HOLDOUT / "texts" / "h08_jinjiang_2025.html")
    assert "<p>" not in page and "阅读次数" in page


def test_holdout_texts_stay_out_of_data_raw():
    raw = ROOT / "data" / "raw"
    names = {p.name for p in raw.rglob("*") if p.is_file()} if raw.is_dir() else set()
    holdout = {p.name for p in (HOLDOUT / "texts").iterdir()}
    assert not names & holdout
