"""Fixtures shared across the suite, named for what they give."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import settings

SAMPLE_RAW_DIR = settings.PROJECT_ROOT / "data" / "raw"


@pytest.fixture
def sample_raw_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled sample corpus."""
    target = tmp_path / "raw"
    shutil.copytree(SAMPLE_RAW_DIR, target)
    return target


@pytest.fixture(scope="session")
def built_sample_dir(tmp_path_factory) -> Path:
    """Tables built once from the bundled sample corpus (read-only for tests)."""
    from pipeline.build import run_build

    out = tmp_path_factory.mktemp("processed")
    run_build(SAMPLE_RAW_DIR, out, workers=1)
    return out
