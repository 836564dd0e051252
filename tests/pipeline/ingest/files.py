"""Writing test inputs and reading their rejections, for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import RejectedInput, read_document


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def expected_text(text: str, encoding: str) -> str:
    """What survives a round trip: GBK cannot hold every character of a web page."""
    return text.encode(encoding, errors="ignore").decode(encoding).lstrip("\ufeff")


def rejection(path: Path) -> str:
    with pytest.raises(RejectedInput) as caught:
        read_document(path)
    return str(caught.value)
