"""Fixtures shared by the pipeline stage tests: the committed sample corpus, as files
and as a ``texts`` frame, one tokenizer, and the vocabulary tables built from it."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from pipeline import settings
from tests.conftest import REFERENCE_DIR, SAMPLE_RAW_DIR, SHARED_DIR

REPO = settings.PROJECT_ROOT
GOLD_SLOGANS = REPO / "tests" / "gold" / "slogans.tsv"

# The samples the stage tests were written against, by their name under data/raw. The news
# summary is not the repository's to copy: it is read from shared/ beside the checkout
# (the same relative name there), and the tests that need it skip when shared/ is absent.
REPO_SAMPLE_NAMES = (
    "seeds/000_c9aa3e43874953b5.txt",
    "seeds/001_fd803d36d9783eb8.txt",
    "seeds/002_f5870f383b9e3c0b.txt",
    "seeds/003_ad147ba315cb1764.txt",
    "seeds/004_75247fd8577e948a.txt",
    "samples/xunxian_2023.txt",
)
SHARED_SAMPLE_NAMES = ("samples/xunxian_2024_news.txt",)
SAMPLE_NAMES = REPO_SAMPLE_NAMES + SHARED_SAMPLE_NAMES


def sample_path(name: str) -> Path:
    """Where a sample lives: the repository's own raw folder (never ``settings.raw_dir()``,
    which tests point elsewhere), or shared/ for the news summary."""
    return (SHARED_DIR if name in SHARED_SAMPLE_NAMES else SAMPLE_RAW_DIR) / name


def available_sample_names() -> tuple[str, ...]:
    return tuple(name for name in SAMPLE_NAMES if sample_path(name).is_file())


def sample_text(name: str) -> str:
    path = sample_path(name)
    if name in SHARED_SAMPLE_NAMES and not path.is_file():
        pytest.skip(f"{path} is not beside the checkout (news may not be copied into the repository)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(params=SAMPLE_NAMES)
def sample_name(request) -> str:
    """Each sample file in turn (the news summary only where shared/ is beside the checkout)."""
    sample_text(request.param)  # skips an absent shared sample
    return request.param


@pytest.fixture(scope="session")
def sample_texts() -> pd.DataFrame:
    """The samples as the build hands them to the vocabulary stage: normalised and identified
    (the news summary too when shared/ is beside the checkout)."""
    from pipeline.identify import identify_document
    from pipeline.ingest import read_document
    from pipeline.normalise import normalise_text

    rows = []
    for name in available_sample_names():
        path = sample_path(name)
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
def gold_slogans(sample_texts) -> pd.DataFrame:
    """The hand-labelled slogans of the samples at hand (an absent shared sample has none)."""
    with GOLD_SLOGANS.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")]
    gold = pd.DataFrame(rows)
    return gold[gold["doc_id"].isin(set(sample_texts["doc_id"]))].reset_index(drop=True)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """The repository's reviewed vocabularies (read-only: copy them to change them)."""
    return REFERENCE_DIR
