"""Shared fixtures: the sample corpus as a ``texts`` frame, one tokenizer, built tables."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline import settings

REPO = Path(__file__).resolve().parents[2]
GOLD_SLOGANS = REPO / "tests" / "gold" / "slogans.tsv"

# What the (parallel) normaliser will tell us; anonymised templates have no county.
SAMPLE_META = {
    "xunxian_2023": ("浚县", 2023),
    "xunxian_2024_news": ("浚县", 2024),
    "000_c9aa3e43874953b5": (None, None),
    "001_fd803d36d9783eb8": (None, 2021),
    "002_f5870f383b9e3c0b": (None, 2023),
    "003_ad147ba315cb1764": ("利津县", 2020),
    "004_75247fd8577e948a": ("浚县", 2021),
}


def _light_cleanup(text: str) -> str:
    text = text.replace("\u3000", " ").replace("\r\n", "\n")
    return re.sub(r"[ \t]+", " ", text)


@pytest.fixture(scope="session")
def sample_texts() -> pd.DataFrame:
    rows = []
    for path in sorted((REPO / "data" / "raw").glob("*/*.txt")):
        county, year = SAMPLE_META[path.stem]
        rows.append(
            {
                "doc_id": path.stem,
                "county": county,
                "report_year": year,
                "text": _light_cleanup(path.read_text(encoding="utf-8")),
            }
        )
    frame = pd.DataFrame(rows)
    frame["report_year"] = frame["report_year"].astype("Int64")
    frame["county"] = frame["county"].astype("string")
    return frame


@pytest.fixture(scope="session")
def tokenizer():
    from pipeline.segment import get_tokenizer

    return get_tokenizer()


@pytest.fixture(scope="session")
def built_tables(sample_texts, tokenizer) -> dict[str, pd.DataFrame]:
    from pipeline.vocabulary import build_vocabulary_tables

    return build_vocabulary_tables(sample_texts)


@pytest.fixture(scope="session")
def gold_slogans() -> pd.DataFrame:
    with GOLD_SLOGANS.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t")]
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    return settings.reference_dir()
