"""The sha256 of each raw file, remembered between builds by what the file system says of it.

A rebuild looks every raw file up in the per-document cache by its content hash; hashing
1,000 reports (31 MB) is ≈ 0.2 CPU s of a data drop's ≈ 6. A file whose inode, size, mtime and
ctime are those recorded with its hash is not read again. ctime is the guard that mtime alone
is not: any write, and any tool that sets the mtime back afterwards (``touch -d``, ``cp -p``
onto an existing file, ``rsync -t``), moves the ctime, which no user-level call can set.

Racy files (git's "racy clean" problem): timestamps are coarse (a kernel tick, or a second or
two on some file systems), so a file written again within the tick it was hashed in would keep
all four values. A hash is therefore remembered only for a file whose mtime and ctime are at
least ``RACY_SECONDS`` older than the moment it was hashed; a younger file is hashed again
next build.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

RACY_SECONDS = 3.0
_VERSION = 1


class FileHashes:
    """``sha256(path)`` for raw files, from the record of the last build when it still holds.

    ``save`` writes only the files looked up in this build, so removed files leave the record."""

    def __init__(self, record: Path, hash_file) -> None:
        self._record = record
        self._hash_file = hash_file  # path -> hex sha256 (result_cache.file_sha256)
        self._known = _load(record)
        self._seen: dict[str, list] = {}

    def sha256(self, path: Path) -> str:
        """Raises OSError as reading the file would."""
        stat = os.stat(path)
        signature = [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
        key = str(path)
        known = self._known.get(key)
        if known is not None and known[:4] == signature:
            self._seen[key] = known
            return known[4]
        hashed_at = time.time_ns()
        sha = self._hash_file(path)
        if _settled(stat, hashed_at):
            self._seen[key] = signature + [sha]
        return sha

    def save(self) -> None:
        """Atomically (a reader never sees half a record); a failure only costs hashing again."""
        temporary = self._record.with_name(self._record.name + ".tmp")
        try:
            temporary.write_text(json.dumps({"version": _VERSION, "files": self._seen}), encoding="utf-8")
            os.replace(temporary, self._record)
        except OSError:
            temporary.unlink(missing_ok=True)


def _settled(stat: os.stat_result, hashed_at_ns: int) -> bool:
    newest = max(stat.st_mtime_ns, stat.st_ctime_ns)
    return hashed_at_ns - newest >= RACY_SECONDS * 1e9


def _load(record: Path) -> dict[str, list]:
    """The record, or nothing when it is missing, damaged or of another version."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        files = data["files"] if data.get("version") == _VERSION else {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {key: entry for key, entry in files.items() if _well_formed(entry)}


def _well_formed(entry: object) -> bool:
    return (isinstance(entry, list) and len(entry) == 5 and all(isinstance(v, int) for v in entry[:4])
            and isinstance(entry[4], str) and len(entry[4]) == 64)
