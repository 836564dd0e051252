"""Clouds: deterministic bytes, right sizes, themes differ, cached on demand, precomputed set."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from pipeline.clouds import SIZES, cloud_file_name, cloud_frequencies, draw_cloud, layout_words, render_cloud, render_clouds
from pipeline.fonts import font_face_index, resolve_font

FREQS = {"乡村振兴": 30, "三创四建": 22, "四好农村路": 15, "放管服": 12, "双招双引": 9, "专精特新": 7, "六稳六保": 5, "枫桥经验": 4}


def test_render_cloud_is_deterministic_and_cached(tmp_path):
    first = render_cloud(FREQS, "page", "light", tmp_path / "a")
    second = render_cloud(dict(reversed(list(FREQS.items()))), "page", "light", tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    assert first.name == second.name  # key depends on the frequencies, not their order
    mtime = first.stat().st_mtime_ns
    assert render_cloud(FREQS, "page", "light", tmp_path / "a") == first
    assert first.stat().st_mtime_ns == mtime  # served from the cache, not redrawn
    other = render_cloud(FREQS | {"乡村振兴": 31}, "page", "light", tmp_path / "a")
    assert other != first


@pytest.mark.parametrize("size", list(SIZES))
def test_sizes(size):
    image = draw_cloud(FREQS, size, "dark")
    assert image.size == (SIZES[size].width, SIZES[size].height)


def test_projector_size_is_1920x1080():
    assert (SIZES["projector"].width, SIZES["projector"].height) == (1920, 1080)


def test_themes_differ_and_have_high_contrast_backgrounds():
    light = np.asarray(draw_cloud(FREQS, "page", "light"))
    dark = np.asarray(draw_cloud(FREQS, "page", "dark"))
    assert light.mean() > 200 and dark.mean() < 60
    assert not np.array_equal(light, dark)


def test_words_do_not_overlap():
    spec = SIZES["projector"]
    font = resolve_font()
    placed = layout_words(sorted(FREQS.items(), key=lambda kv: -kv[1]), spec, font, font_face_index(font))
    assert len(placed) == len(FREQS)
    from PIL import ImageDraw, ImageFont

    draw = ImageDraw.Draw(Image.new("L", (8, 8)))
    boxes = []
    for word, size, row, col in placed:
        face = ImageFont.truetype(str(font), size, index=font_face_index(font))
        left, top, right, bottom = draw.textbbox((col, row), word, font=face, anchor="lt")
        boxes.append((left, top, right, bottom))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_cjk_glyphs_render():
    # A CJK word draws ink; a font without CJK would draw nothing or boxes of equal size.
    image = np.asarray(draw_cloud({"乡村振兴": 1.0}, "page", "light").convert("L"))
    assert (image < 128).mean() > 0.01


def test_unknown_size_or_theme_is_a_clear_error():
    with pytest.raises(ValueError, match="size"):
        draw_cloud(FREQS, "poster", "light")
    with pytest.raises(ValueError, match="theme"):
        draw_cloud(FREQS, "page", "sepia")


def test_render_clouds_writes_the_precomputed_set(built_tables, tmp_path):
    keywords = built_tables["keywords"]
    slogans = built_tables["slogans"]
    paths = render_clouds(keywords, slogans, tmp_path)
    names = {p.name for p in paths}
    for county in ("浚县", "利津县"):
        for what in ("keywords", "slogans"):
            for size in ("projector", "page"):
                for theme in ("light", "dark"):
                    assert cloud_file_name("county", county, what, size, theme) in names
    assert "corpus=all__what=slogans__size=projector__theme=dark.png" in names
    assert len(paths) == 3 * 2 * 2 * 2
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert {e["file"] for e in index} == names
    with Image.open(tmp_path / "corpus=all__what=keywords__size=projector__theme=light.png") as im:
        assert im.size == (1920, 1080)
    # Same input, same bytes.
    again = render_clouds(keywords, slogans, tmp_path / "again")
    for a, b in zip(sorted(paths), sorted(again)):
        assert a.read_bytes() == b.read_bytes()


def test_slogan_cloud_has_only_slogans(built_tables):
    freqs = cloud_frequencies(slogans=built_tables["slogans"], what="slogans")
    assert "十四五" not in freqs and "善堂花生" not in freqs
    assert "三创四建" in freqs


def test_font_faces_are_opened_once_per_process():
    from pipeline import fonts

    draw_cloud(FREQS, "projector", "light")
    opened = fonts.font_loads()
    draw_cloud({w: v * 3 for w, v in FREQS.items()}, "projector", "dark")
    draw_cloud(FREQS, "page", "light")
    draw_cloud(FREQS, "projector", "light")
    # The same words at the same sizes ask for no new face; page size may add a few sizes.
    assert fonts.font_loads() - opened <= 2 * len(FREQS)
    before = fonts.font_loads()
    draw_cloud(FREQS, "projector", "light")
    assert fonts.font_loads() == before


def test_on_demand_cache_keeps_the_newest_files(tmp_path, monkeypatch):
    from pipeline import clouds

    monkeypatch.setattr(clouds, "MAX_CACHED_CLOUDS", 2)
    paths = [render_cloud({"乡村振兴": 1.0, "共同富裕": float(n)}, "page", "light", tmp_path) for n in (1, 2, 3)]
    left = sorted(p.name for p in tmp_path.glob("cloud-*.png"))
    assert len(left) == 2
    assert paths[-1].name in left  # the cloud just drawn is never the one dropped
