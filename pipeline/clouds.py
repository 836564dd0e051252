"""Word clouds from frequencies: precomputed per county and corpus, or on demand, cached.

Stages usable alone: frequencies (``cloud_frequencies``: counted by us with jieba, never by
wordcloud's English text processing) -> layout (``layout_words``: wordcloud's greedy
algorithm and its integral occupancy map, seeded, horizontal words only) -> image (drawn with
the Simplified Chinese face of the font, which wordcloud cannot select in a .ttc) -> PNG.
Same input, same bytes.

Projector readability: few words (<= 40), big minimum type, a high-contrast palette on a
plain background, in a light and a dark variant.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from random import Random

import numpy as np
import pandas as pd
from PIL import Image, ImageDraw
from wordcloud.wordcloud import IntegralOccupancyMap

from pipeline.fonts import font_face_index, load_face, resolve_font

# Bump when the look changes, so cached on-demand clouds are redrawn.
CLOUD_STYLE_VERSION = 1
SEED = 20240229
RELATIVE_SCALING = 0.5  # 0: size by rank only, 1: size proportional to frequency
MARGIN = 8  # layout pixels between words
FONT_STEP = 2


@dataclass(frozen=True)
class CloudSize:
    width: int
    height: int
    scale: float  # layout is computed at width/scale x height/scale, drawn at full size
    max_words: int
    min_font_size: int  # in layout pixels
    max_font_size: int


SIZES: dict[str, CloudSize] = {
    # 1920x1080: at most 40 words, smallest word ~40 px high (readable from the back row).
    "projector": CloudSize(1920, 1080, 2.0, 40, 20, 120),
    # 1200x675: a page or a dashboard column.
    "page": CloudSize(1200, 675, 1.5, 60, 12, 100),
}


@dataclass(frozen=True)
class Theme:
    background: str
    palette: tuple[str, ...]  # first colours go to the biggest words


THEMES: dict[str, Theme] = {
    # Dark saturated inks on white: contrast ratio >= 7:1 for each colour.
    "light": Theme("#FFFFFF", ("#B30000", "#0B3C8C", "#005A32", "#6A1B9A", "#8C4500", "#00535C", "#222222")),
    # Bright colours on near-black, for dim rooms.
    "dark": Theme("#101418", ("#FFD23F", "#4CC9F0", "#FFFFFF", "#9EF01A", "#FF8FA3", "#FFB347", "#C3B1E1")),
}
WHATS = ("keywords", "slogans")
INDEX_FILE = "index.json"
# On-demand clouds kept on disk (oldest dropped first): ~250 KB each at projector size.
MAX_CACHED_CLOUDS = 400
# PIL font objects are not thread-safe while drawing; the Streamlit server draws from
# several session threads.
_DRAW_LOCK = threading.RLock()


def render_cloud(frequencies: dict[str, float], size: str, theme: str, cache_dir: Path) -> Path:
    """A cloud for any selection, cached on disk under a hash of (frequencies, size, theme, font)."""
    font = resolve_font()
    freqs = _clean_frequencies(frequencies)
    key = _cache_key(freqs, size, theme, font)
    path = Path(cache_dir) / f"cloud-{key[:24]}.png"
    if path.is_file():
        return path
    image = draw_cloud(freqs, size, theme, font)
    _save_png(image, path)
    _prune_cache(Path(cache_dir), keep=path)
    return path


def draw_cloud(frequencies: dict[str, float], size: str, theme: str, font: Path | None = None) -> Image.Image:
    """The cloud as a PIL image (no I/O)."""
    if size not in SIZES:
        raise ValueError(f"unknown cloud size {size!r}: expected one of {sorted(SIZES)}")
    if theme not in THEMES:
        raise ValueError(f"unknown cloud theme {theme!r}: expected one of {sorted(THEMES)}")
    spec, colours = SIZES[size], THEMES[theme]
    font = Path(font or resolve_font())
    freqs = _clean_frequencies(frequencies)
    image = Image.new("RGB", (spec.width, spec.height), colours.background)
    if not freqs:
        return image
    ranked = sorted(freqs.items(), key=lambda kv: (-kv[1], kv[0]))[: spec.max_words]
    draw = ImageDraw.Draw(image)
    index = font_face_index(font)
    with _DRAW_LOCK:
        for rank, (word, font_size, row, col) in enumerate(layout_words(ranked, spec, font, index)):
            face = load_face(font, int(font_size * spec.scale), index)
            colour = colours.palette[rank % len(colours.palette)]
            draw.text((int(col * spec.scale), int(row * spec.scale)), word, fill=colour, font=face, anchor="lt")
    return image


def layout_words(ranked: list[tuple[str, float]], spec: CloudSize, font: Path, index: int = 0) -> list[tuple[str, int, int, int]]:
    """Place words biggest first: (word, font size, row, column) in layout pixels.

    wordcloud's own layout measures a word's box from the glyph top (anchor 'lt') but draws
    it from the ascender line, so CJK words land lower than their reserved box and overlap
    their neighbours. This is the same greedy algorithm (font size from relative frequency,
    random free position from wordcloud's integral occupancy map, seeded) with the box
    measured and drawn the same way.
    """
    with _DRAW_LOCK:
        return _layout(ranked, spec, font, index)


def _layout(ranked: list[tuple[str, float]], spec: CloudSize, font: Path, index: int) -> list[tuple[str, int, int, int]]:
    width, height = round(spec.width / spec.scale), round(spec.height / spec.scale)
    occupancy = IntegralOccupancyMap(height, width, None)
    grey = Image.new("L", (width, height))
    draw = ImageDraw.Draw(grey)
    rng = Random(SEED)
    top = ranked[0][1] if ranked else 1.0
    font_size, last_freq = spec.max_font_size, 1.0
    placed = []
    for word, value in ranked:
        freq = value / top
        font_size = int(round((RELATIVE_SCALING * (freq / last_freq) + (1 - RELATIVE_SCALING)) * font_size))
        position = None
        while font_size >= spec.min_font_size:
            face = load_face(font, font_size, index)
            box = draw.textbbox((0, 0), word, font=face, anchor="lt")
            position = occupancy.sample_position(box[3] + MARGIN, box[2] + MARGIN, rng)
            if position is not None:
                break
            font_size -= FONT_STEP
        if position is None or font_size < spec.min_font_size:
            break
        row, col = int(position[0]) + MARGIN // 2, int(position[1]) + MARGIN // 2
        draw.text((col, row), word, fill="white", font=face, anchor="lt")
        occupancy.update(np.asarray(grey), row, col)
        placed.append((word, font_size, row, col))
        last_freq = freq
    return placed


def cloud_frequencies(keywords: pd.DataFrame | None = None, slogans: pd.DataFrame | None = None, what: str = "keywords", weight: str = "count") -> dict[str, float]:
    """Frequencies for a selection: keywords summed by term (``weight`` = count or tfidf), or
    slogans of kind 'slogan' summed by slogan (plan periods, honours, projects left out)."""
    if what == "keywords":
        if keywords is None or keywords.empty:
            return {}
        series = keywords.groupby("term")[weight].sum()
    elif what == "slogans":
        if slogans is None or slogans.empty:
            return {}
        series = slogans[slogans["kind"] == "slogan"].groupby("slogan")["count"].sum()
    else:
        raise ValueError(f"what must be one of {WHATS}, not {what!r}")
    return {str(k): float(v) for k, v in series.items() if pd.notna(v) and float(v) > 0}


def corpus_idf(keywords: pd.DataFrame) -> dict[str, float]:
    """ln((1 + N) / (1 + df)) + 1 over the documents of the keywords table."""
    if keywords.empty:
        return {}
    n_docs = keywords["doc_id"].nunique()
    df = keywords.groupby("term")["doc_id"].nunique()
    return {str(t): float(np.log((1 + n_docs) / (1 + d)) + 1.0) for t, d in df.items()}


def distinctive_frequencies(keywords: pd.DataFrame, idf: dict[str, float]) -> dict[str, float]:
    """Summed count x IDF for a selection: every report weighs by its length (unlike summed
    per-document TF-IDF, where a two-paragraph news summary weighs as much as a full report)."""
    if keywords.empty:
        return {}
    counts = keywords.groupby("term")["count"].sum()
    return {str(t): float(c) * idf.get(str(t), 1.0) for t, c in counts.items() if c > 0}


def render_clouds(
    keywords: pd.DataFrame,
    slogans: pd.DataFrame,
    clouds_dir: Path,
    documents: pd.DataFrame | None = None,
    cache_dir: Path | None = None,
) -> list[Path]:
    """Precompute clouds for the whole corpus and for each county (all years), for keywords
    and slogans, at projector and page size, light and dark; write ``index.json``.

    Keyword clouds weigh terms by count x corpus IDF for a county (what sets it apart: see
    ``distinctive_frequencies``) and by count for the corpus (what all counties talk about). ``documents`` (optional)
    restricts to documents with status 'ok'. Selections with nothing to show get no file.
    With ``cache_dir``, images are drawn through ``render_cloud``'s cache, so a rebuild
    redraws only the clouds whose frequencies changed.
    """
    clouds_dir = Path(clouds_dir)
    font = resolve_font()
    keywords, slogans = _only_ok(keywords, documents), _only_ok(slogans, documents)
    idf = corpus_idf(keywords)
    selections: list[tuple[str, str | None, pd.DataFrame, pd.DataFrame, dict | None]] = [
        ("corpus", None, keywords, slogans, None)
    ]
    counties = sorted(set(keywords["county"].dropna()) | set(slogans["county"].dropna()))
    for county in counties:
        selections.append(
            ("county", county, keywords[keywords["county"] == county], slogans[slogans["county"] == county], idf)
        )
    written, index = [], []
    for scope, county, kw, sl, weights in selections:
        for what in WHATS:
            if what == "keywords" and weights is not None:
                freqs = distinctive_frequencies(kw, weights)
            else:
                freqs = cloud_frequencies(kw, sl, what)
            if not freqs:
                continue
            for size in SIZES:
                for theme in THEMES:
                    name = cloud_file_name(scope, county, what, size, theme)
                    path = clouds_dir / name
                    if cache_dir is not None:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        _link_or_copy(render_cloud(freqs, size, theme, cache_dir), path)
                    else:
                        _save_png(draw_cloud(freqs, size, theme, font), path)
                    written.append(path)
                    index.append(
                        {
                            "file": name,
                            "scope": scope,
                            "county": county,
                            "what": what,
                            "size": size,
                            "theme": theme,
                            "width": SIZES[size].width,
                            "height": SIZES[size].height,
                            "n_terms": len(freqs),
                        }
                    )
    index_path = clouds_dir / INDEX_FILE
    clouds_dir.mkdir(parents=True, exist_ok=True)
    index_path.write_text(json.dumps(index, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return written


def cloud_file_name(scope: str, county: str | None, what: str, size: str, theme: str) -> str:
    who = "corpus=all" if scope == "corpus" else f"county={_slug(county or '')}"
    return f"{who}__what={what}__size={size}__theme={theme}.png"


def _slug(name: str) -> str:
    # County names are Chinese; keep them readable, drop anything a file system dislikes.
    return re.sub(r"[^\w\u3400-\u9fff-]+", "_", name).strip("_") or "unknown"


def _only_ok(frame: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    if documents is None or "status" not in documents.columns or "doc_id" not in documents.columns:
        return frame
    ok = set(documents.loc[documents["status"] == "ok", "doc_id"])
    return frame[frame["doc_id"].isin(ok)]


def _clean_frequencies(frequencies: dict[str, float]) -> dict[str, float]:
    out = {}
    for word, value in frequencies.items():
        word = str(word).strip()
        try:
            value = float(value)
        except (TypeError, ValueError):
            continue
        if word and value > 0 and value == value:
            out[word] = out.get(word, 0.0) + value
    return out


def _cache_key(freqs: dict[str, float], size: str, theme: str, font: Path) -> str:
    font = Path(font)
    payload = {
        "frequencies": sorted((w, round(v, 9)) for w, v in freqs.items()),
        "size": size,
        "theme": theme,
        "font": [str(font), font.stat().st_size if font.exists() else 0],
        "style": CLOUD_STYLE_VERSION,
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link to the cached image (no second copy on disk), a copy where links fail."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _prune_cache(cache_dir: Path, keep: Path, limit: int | None = None) -> None:
    """Drop the oldest on-demand clouds past ``limit`` (a redraw costs well under a second)."""
    limit = MAX_CACHED_CLOUDS if limit is None else limit
    others = []
    for path in cache_dir.glob("cloud-*.png"):
        if path.name == keep.name:
            continue
        try:
            others.append((path.stat().st_mtime_ns, path.name, path))
        except OSError:
            continue  # removed meanwhile by another process
    for _mtime, _name, path in sorted(others)[: max(0, len(others) + 1 - limit)]:
        path.unlink(missing_ok=True)


def _save_png(image: Image.Image, path: Path) -> None:
    """Atomic write (the app may read while the build writes); PNG bytes carry no timestamp."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".png")
    try:
        with os.fdopen(fd, "wb") as fh:
            image.save(fh, format="PNG")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
