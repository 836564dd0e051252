"""A CJK font for the word clouds: configuration, then the system, then a pip package.

``resolve_font()`` returns the first of
1. ``settings.font_override()`` (env ``COUNTY_PULSE_FONT``): must exist, else an error;
2. an installed system CJK font: ``fc-list :lang=zh`` when fontconfig is there, then the
   usual directories (Noto Sans CJK, Source Han, WenQuanYi, Droid Sans Fallback ...);
3. the font shipped by the pip package ``noto-cjk-sans-otc``;
and raises ``FontNotFoundError`` naming what to install when there is none.
``font_face_index()`` picks the Simplified Chinese face of a .ttc collection; ``load_face()``
opens a face at one size once per process (a cloud asks for dozens of sizes, a build or a
dashboard session for hundreds of clouds: re-opening the 20 MB collection each time was most
of a cloud's drawing time).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from pipeline import settings

# Preferred families, best first; matched case-insensitively against file names.
PREFERRED_FONT_NAMES = (
    "NotoSansCJK",
    "NotoSansSC",
    "NotoSerifCJK",
    "SourceHanSans",
    "SourceHanSerif",
    "wqy-zenhei",
    "wqy-microhei",
    "DroidSansFallback",
    "AR PL",
    "uming",
    "ukai",
)
FONT_SUFFIXES = (".ttc", ".otc", ".otf", ".ttf")
INSTALL_HINT = (
    "no CJK font found for the word clouds: install one with "
    "`apt-get install fonts-noto-cjk` (or `pip install noto-cjk-sans-otc`), "
    "or point COUNTY_PULSE_FONT at a .ttf/.otf/.ttc file that has Chinese glyphs"
)


class FontNotFoundError(RuntimeError):
    """No usable CJK font: the message names what to install."""


def resolve_font() -> Path:
    """The CJK font to draw clouds with (see the module docstring for the order)."""
    override = settings.font_override()
    if override is not None:
        if not override.is_file():
            raise FontNotFoundError(f"COUNTY_PULSE_FONT points at {override}, which is not a file; {INSTALL_HINT}")
        return override
    system = find_system_font()
    if system is not None:
        return system
    packaged = packaged_font()
    if packaged is not None:
        return packaged
    raise FontNotFoundError(INSTALL_HINT)


def find_system_font(font_dirs: tuple[Path, ...] | None = None, use_fontconfig: bool = True) -> Path | None:
    candidates: list[Path] = []
    if use_fontconfig:
        candidates += _fontconfig_fonts()
    for directory in font_dirs if font_dirs is not None else settings.system_font_dirs():
        if directory.is_dir():
            candidates += [p for p in sorted(directory.rglob("*")) if p.suffix.lower() in FONT_SUFFIXES]
    ranked = [(rank, str(p), p) for p in candidates if (rank := _preference(p)) is not None and p.is_file()]
    return min(ranked)[2] if ranked else None


def _preference(path: Path) -> int | None:
    name = path.name.lower().replace(" ", "").replace("_", "")
    for rank, preferred in enumerate(PREFERRED_FONT_NAMES):
        if preferred.lower().replace(" ", "") in name:
            # Regular weight first: bold clouds smear on a projector.
            return rank * 10 + (0 if "regular" in name or "-" not in name else 1)
    return None


@functools.lru_cache(maxsize=1)
def _fontconfig_fonts() -> list[Path]:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = []
    for line in out.splitlines():
        path = line.split(":", 1)[0].strip()
        if path:
            paths.append(Path(path))
    return sorted(set(paths))


def packaged_font() -> Path | None:
    try:
        from noto_cjk_sans_otc import FONT_PATH
    except ImportError:
        return None
    path = Path(FONT_PATH)
    return path if path.is_file() else None


@functools.lru_cache(maxsize=16)
def font_face_index(path: Path) -> int:
    """Index of the Simplified Chinese face in a collection (.ttc/.otc), else 0.

    Noto Sans CJK collections start with the Japanese face; its glyphs for 骨, 直, 角 ...
    differ from the mainland standard, so the SC face is chosen by name.
    """
    from PIL import ImageFont

    if path.suffix.lower() not in (".ttc", ".otc"):
        return 0
    names = []
    for index in range(32):
        try:
            family, _style = ImageFont.truetype(str(path), 12, index=index).getname()
        except OSError:
            break
        names.append((index, family or ""))
    for marker in (" SC", "SC ", "CN", "GB", "Hans"):
        for index, family in names:
            if marker in family and "Mono" not in family:
                return index
    return 0


@functools.lru_cache(maxsize=512)
def _cached_face(path: str, size: int, index: int, mtime_ns: int):
    from PIL import ImageFont

    return ImageFont.truetype(path, size, index=index)


def load_face(path: Path, size: int, index: int = 0):
    """The PIL font for (file, size, face index), opened once per process.

    Keyed on the file's modification time too, so a font replaced on disk is re-read.
    PIL font objects are not safe to share between threads while drawing: callers that
    draw from several threads (the Streamlit server) hold one lock around drawing.
    """
    path = Path(path)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return _cached_face(str(path), int(size), int(index), mtime)


def font_loads() -> int:
    """How many faces were actually opened in this process (for benchmarks and tests)."""
    return _cached_face.cache_info().misses
