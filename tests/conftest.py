"""Fixtures shared across the suite, named for what they give."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import settings

# The repository's own data folders. Never ``settings.raw_dir()`` and the like for these: the
# fixtures point COUNTY_PULSE_DATA at a data dir under tmp while a test runs.
SAMPLE_RAW_DIR = settings.PROJECT_ROOT / "data" / "raw"
REFERENCE_DIR = settings.PROJECT_ROOT / "data" / "reference"
# shared/ beside the checkout (as on the developers' machines and CI): what may not be copied
# into the repository (news items, the labelled real corpus). Tests skip when it is absent.
SHARED_DIR = settings.PROJECT_ROOT.parent / "shared"
# The real official documents bundled under data/raw/corpus are built by their own test
# (tests/pipeline/test_bundled_corpus.py); the fixtures below keep to the six samples the
# stage and app tests were written against, so that the suite stays fast.
REAL_CORPUS_DIR = "corpus"
SAMPLES = 6  # the committed samples outside corpus/: seeds/ (five) and samples/ (one)


def copy_samples(target: Path) -> Path:
    """The committed samples (data/raw less the real corpus) copied to ``target``."""
    shutil.copytree(SAMPLE_RAW_DIR, target, ignore=lambda d, names: [REAL_CORPUS_DIR] if Path(d) == SAMPLE_RAW_DIR else [])
    return target


@pytest.fixture
def sample_raw_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled sample corpus (the six samples)."""
    return copy_samples(tmp_path / "raw")


def point_env_at(mp: pytest.MonkeyPatch, root: Path) -> None:
    """Point the settings at the data dir ``root`` (raw, reference, processed below it)."""
    mp.setenv("COUNTY_PULSE_DATA", str(root))
    mp.setenv("COUNTY_PULSE_PROCESSED", str(root / "processed"))
    for name in ("COUNTY_PULSE_RAW", "COUNTY_PULSE_REFERENCE"):
        mp.delenv(name, raising=False)


def sample_data_root(tmp_path_factory, name: str) -> Path:
    """A fresh data dir: the committed samples and the reviewed vocabularies, nothing built."""
    root = tmp_path_factory.mktemp(name) / "data"
    copy_samples(root / "raw")
    shutil.copytree(REFERENCE_DIR, root / "reference")
    return root


@pytest.fixture(scope="session")
def built_sample_root(tmp_path_factory) -> Path:
    """A data dir whose samples are built once per session (read-only for tests: copy what
    you change). The environment is left as it was."""
    from pipeline.build import run_build

    root = sample_data_root(tmp_path_factory, "samples")
    with pytest.MonkeyPatch.context() as mp:
        point_env_at(mp, root)
        run_build(root / "raw", root / "processed", workers=1)
    return root


@pytest.fixture(scope="session")
def built_sample_dir(built_sample_root) -> Path:
    """Tables built once from the bundled sample corpus (read-only for tests)."""
    return built_sample_root / "processed"


def pytest_collection_modifyitems(config, items):
    """Every browser test in one pytest-xdist worker (``--dist loadgroup``, pyproject.toml): one
    Chromium and one app server per data dir, while the other workers take the rest."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
