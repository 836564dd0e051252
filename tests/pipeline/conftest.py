"""Fixtures shared by the pipeline stage tests: the committed sample corpus, as files
and as a ``texts`` frame, one tokenizer, and the vocabulary tables built from it."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from pipeline import settings

REPO = Path(__file__).resolve().parents[2]
GOLD_SLOGANS = REPO / "tests" / "gold" / "slogans.tsv"

SAMPLE_NAMES = (
    "seeds/000_c9aa3e43874953b5.txt",
    "seeds/001_fd803d36d9783eb8.txt",
    "seeds/002_f5870f383b9e3c0b.txt",
    "seeds/003_ad147ba315cb1764.txt",
    "seeds/004_75247fd8577e948a.txt",
    "samples/xunxian_2023.txt",
    "samples/xunxian_2024_news.txt",
)


def sample_path(name: str) -> Path:
    return settings.raw_dir() / name


def sample_text(name: str) -> str:
    return sample_path(name).read_text(encoding="utf-8")


@pytest.fixture(params=SAMPLE_NAMES)
def sample_name(request) -> str:
    """Each committed sample file in turn."""
    return request.param


@pytest.fixture(scope="session")
def sample_texts() -> pd.DataFrame:
    """The samples as the build hands them to the vocabulary stage: normalised and identified."""
    from pipeline.identify import identify_document
    from pipeline.ingest import read_document
    from pipeline.normalise import normalise_text

    rows = []
    for name in SAMPLE_NAMES:
        path = REPO / "data" / "raw" / name
        ingested = read_document(path)
        text = normalise_text(ingested.text)
        identity = identify_document(text, name, ingested.html_title)
        rows.append({"doc_id": path.stem, "county": identity.county, "report_year": identity.report_year,
                     "text": text})
    frame = pd.DataFrame(rows).sort_values("doc_id").reset_index(drop=True)
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
        rows = [r for r in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")]
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    return settings.reference_dir()
