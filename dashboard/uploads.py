"""Storing uploaded report files safely in the raw directory.

Pure file handling, no Streamlit: names are sanitised (no directories, no traversal,
Chinese kept), sizes and suffixes are checked against ``pipeline.settings``, and a
different file never silently replaces an existing one (a ``-2``, ``-3`` … suffix is
added; an identical file is recognised and left alone).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from pipeline import settings
from pipeline.result_cache import file_sha256

UPLOAD_SUBDIR = "uploads"
UPLOAD_MODE = 0o644
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*]+")


@dataclass(frozen=True)
class Stored:
    name: str  # the name as uploaded
    status: str  # saved | renamed | identical | rejected
    path: Path | None
    reason: str = ""


STATUS_LABELS = {"saved": "已保存", "renamed": "已保存（同名文件已存在，已改名）", "identical": "相同文件已存在，未重复保存", "rejected": "已拒收"}


def sanitize_filename(name: str) -> str:
    """The last path component of ``name``, made safe; Chinese characters are kept.

    Folder uploads send relative names such as ``报告/2021/浚县.txt``: only the file name
    is kept. Returns "" when nothing usable is left.
    """
    name = unicodedata.normalize("NFC", name or "")
    base = PureWindowsPath(PurePosixPath(name.replace("\\", "/")).name).name
    base = _UNSAFE.sub("_", base).strip().strip(".")
    base = re.sub(r"\s+", " ", base)
    if base in {"", ".", ".."}:
        return ""
    stem, suffix = os.path.splitext(base)
    # Keep names short enough for every filesystem (255 bytes).
    while len((stem + suffix).encode("utf-8")) > 200 and stem:
        stem = stem[:-1]
    return stem + suffix.lower()


def upload_dir() -> Path:
    return settings.raw_dir() / UPLOAD_SUBDIR


def store_upload(name: str, content: bytes, target: Path | None = None) -> Stored:
    """Write one uploaded file under ``raw_dir()/uploads`` (or ``target``)."""
    target = target or upload_dir()
    clean = sanitize_filename(name)
    if not clean:
        return Stored(name, "rejected", None, "文件名无效")
    suffix = os.path.splitext(clean)[1].lower()
    if suffix not in settings.ACCEPTED_SUFFIXES:
        allowed = "、".join(settings.ACCEPTED_SUFFIXES)
        return Stored(name, "rejected", None, f"不支持的文件类型“{suffix or '无后缀'}”，可上传：{allowed}")
    if len(content) > settings.MAX_INPUT_BYTES:
        from pipeline.ingest import megabytes  # the pipeline's wording; imported only when needed

        size, limit = megabytes(len(content)), megabytes(settings.MAX_INPUT_BYTES)
        return Stored(name, "rejected", None, f"文件过大（{size} MB，上限 {limit} MB）")
    if not content:
        return Stored(name, "rejected", None, "文件是空的")
    target.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(content).hexdigest()
    stem, suffix = os.path.splitext(clean)
    candidate, n = target / clean, 1
    while candidate.exists():
        if candidate.is_file() and file_sha256(candidate) == digest:
            return Stored(name, "identical", candidate)
        n += 1
        candidate = target / f"{stem}-{n}{suffix}"
    resolved = candidate.resolve()
    if resolved.parent != target.resolve():  # belt and braces against traversal
        return Stored(name, "rejected", None, "文件名无效")
    fd, tmp = tempfile.mkstemp(prefix=".upload-", dir=target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(tmp, UPLOAD_MODE)  # mkstemp makes 0600; a report is for everyone who builds to read
        # Atomic and exclusive: link fails if another upload took the name meanwhile.
        try:
            os.link(tmp, candidate)
        except FileExistsError:
            raise
        except OSError:  # filesystems without hard links: exclusive create instead
            with open(candidate, "xb") as handle:
                handle.write(content)
            os.chmod(candidate, UPLOAD_MODE)
    except FileExistsError:
        Path(tmp).unlink(missing_ok=True)
        return store_upload(name, content, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return Stored(name, "saved" if n == 1 else "renamed", candidate)
