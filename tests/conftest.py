"""Fixtures shared across the suite, named for what they give."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import settings

SAMPLE_RAW_DIR = settings.PROJECT_ROOT / "data" / "raw"
# shared/ beside the checkout (as on the developers' machines and CI): what may not be copied
# into the repository (news items, the labelled real corpus). Tests skip when it is absent.
SHARED_DIR = settings.PROJECT_ROOT.parent / "shared"
# The real official documents bundled under data/raw/corpus are built by their own test
# (tests/pipeline/test_bundled_corpus.py); the fixtures below keep to the six samples the
# stage and app tests were written against, so that the suite stays fast.
REAL_CORPUS_DIR = "corpus"
SAMPLES = 6  # the committed samples outside corpus/: seeds/ (five) and samples/ (one)


def _copy_samples(target: Path) -> Path:
    shutil.copytree(SAMPLE_RAW_DIR, target, ignore=lambda d, names: [REAL_CORPUS_DIR] if Path(d) == SAMPLE_RAW_DIR else [])
    return target


@pytest.fixture
def sample_raw_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled sample corpus (the six samples)."""
    return _copy_samples(tmp_path / "raw")


@pytest.fixture(scope="session")
def built_sample_dir(tmp_path_factory) -> Path:
    """Tables built once from the bundled sample corpus (read-only for tests)."""
    from pipeline.build import run_build

    raw = _copy_samples(tmp_path_factory.mktemp("samples") / "raw")
    out = tmp_path_factory.mktemp("processed")
    run_build(raw, out, workers=1)
    return out
