"""Every path and tunable setting of County Pulse, in one leaf module.

Nothing else in the code spells a path: the pipeline, the app, the benchmarks and
the tests all derive theirs from here. ``COUNTY_PULSE_DATA`` moves the whole data
tree (tests point it at ``tmp_path``); the finer overrides exist for deployments
that keep raw drops or generated tables elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


def data_dir() -> Path:
    return _env_path("COUNTY_PULSE_DATA", PROJECT_ROOT / "data")


def raw_dir() -> Path:
    """What users drop: report files, kept verbatim."""
    return _env_path("COUNTY_PULSE_RAW", data_dir() / "raw")


def reference_dir() -> Path:
    """Reviewed vocabularies and corrections: hand-edited, under version control."""
    return _env_path("COUNTY_PULSE_REFERENCE", data_dir() / "reference")


def processed_dir() -> Path:
    """Generated tables and images: can be deleted and rebuilt at any time."""
    return _env_path("COUNTY_PULSE_PROCESSED", data_dir() / "processed")


def cache_dir(out_dir: Path) -> Path:
    """Per-document extraction cache, keyed on content; shared by the builds it feeds."""
    return out_dir / ".cache"


def file_hashes_path(out_dir: Path) -> Path:
    """The raw files' hashes by inode, size and times (pipeline/file_hashes.py); not a cache
    entry, so pruning the cache leaves it."""
    return cache_dir(out_dir) / "raw-files.hashes"


# --- a build's files ------------------------------------------------------------------------
# ``out_dir`` below is either a processed root (whose ``CURRENT`` pointer names its current
# build, see pipeline/publish.py) or one build directory itself. A reader that must see one
# consistent build resolves ``current_build_dir`` once and passes the result on.


def builds_dir(out_dir: Path) -> Path:
    """One sub-directory per complete build; the newest few are kept."""
    return out_dir / "builds"


def current_pointer_path(out_dir: Path) -> Path:
    """Holds the current build directory's name; replaced atomically, last, by a build."""
    return out_dir / "CURRENT"


def current_build_dir(out_dir: Path) -> Path:
    """The directory holding the current build's tables: the pointer's target, or
    ``out_dir`` itself when it has no pointer (a build directory, or hand-written tables)."""
    out_dir = Path(out_dir)
    try:
        name = current_pointer_path(out_dir).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return out_dir
    target = builds_dir(out_dir) / name
    if name and "/" not in name and "\\" not in name and not name.startswith(".") and target.is_dir():
        return target
    return out_dir


def clouds_dir(out_dir: Path) -> Path:
    return current_build_dir(out_dir) / "clouds"


def table_path(out_dir: Path, table: str) -> Path:
    return current_build_dir(out_dir) / f"{table}.parquet"


def manifest_path(out_dir: Path) -> Path:
    """Written last into a build directory: its presence and id tell readers the build is complete."""
    return current_build_dir(out_dir) / "build.json"


def manifest_path_flat(out_dir: Path) -> Path:
    """Where the manifest lived before builds were versioned (removed by the next build)."""
    return out_dir / "build.json"


def build_lock_path(out_dir: Path) -> Path:
    return out_dir / ".build.lock"


def build_status_path(out_dir: Path) -> Path:
    """State and progress of the build the app started in a separate process."""
    return out_dir / ".build-status.json"


def reference_file(name: str) -> Path:
    return reference_dir() / name


def jieba_cache_dir() -> Path:
    """jieba writes a dictionary cache; keep it out of the repository."""
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "county-pulse"
    return _env_path("COUNTY_PULSE_JIEBA_CACHE", default)


def term_candidates_path(out_dir: Path) -> Path:
    """New-term candidates for review (the reviewed userdict.txt stays the source of truth)."""
    return out_dir / "term_candidates.csv"


def system_font_dirs() -> tuple[Path, ...]:
    """Where installed fonts live (searched after fontconfig's ``fc-list :lang=zh``)."""
    return (
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".local" / "share" / "fonts",
        Path.home() / ".fonts",
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
    )


def font_override() -> Path | None:
    """A CJK font chosen by configuration wins over any discovered one."""
    value = os.environ.get("COUNTY_PULSE_FONT")
    return Path(value).expanduser() if value else None


# Inputs larger than this are rejected unread: no county report comes close, and a
# multi-gigabyte drop must not stall the build.
MAX_INPUT_BYTES = 50 * 1024 * 1024

# A build waits this long for another build on the same output to finish, then gives up.
BUILD_LOCK_TIMEOUT_SECONDS = 30 * 60

# Bounded memory for hostile files (a zip bomb posing as .docx, a 50 MB "text"): every
# limit is checked before the expensive step it guards. The longest county report is
# ~60,000 characters. Measured: 1 million characters through every per-document stage
# peak at ~660 MB and 33 s, so that is the cap (peak memory per file stays under 1 GB).
MAX_TEXT_CHARS = 1_000_000  # characters a document may yield, in any format
# UTF-8 needs at most 4 bytes a character: a larger text file must exceed MAX_TEXT_CHARS.
MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS
MAX_MARKUP_BYTES = 16 * 1024 * 1024  # HTML larger than this is not parsed
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # declared uncompressed size of all parts of a .docx
MAX_UNPACKED_XML_BYTES = 60 * 1024 * 1024  # of its XML parts, which are parsed into memory
MAX_COMPRESSION_RATIO = 100  # a part expanding more than this (and over 1 MB) is a bomb

# Documents with less text than this after cleaning are rejected as empty.
MIN_TEXT_CHARS = 40

# "About" targets (左右) count as met when the outcome is at most this many
# percentage points (for rates) or this fraction (for levels) below the target.
# Bars a 县域对比 ranking draws: the best counties (and the selected one); the table lists them all.
# On the projector fewer, so that every county's name and value stays readable from the back.
RANKING_BARS = 20
RANKING_BARS_PRESENT = 10

ABOUT_TOLERANCE_POINTS = 0.5
ABOUT_TOLERANCE_RELATIVE = 0.05

ACCEPTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
