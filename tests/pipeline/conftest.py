"""Fixtures shared by the pipeline stage tests: the committed sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import settings

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
