"""Font chain: configuration -> system font -> pip-shipped font -> clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import fonts
from pipeline.fonts import FontNotFoundError, font_face_index, resolve_font


@pytest.fixture
def fake_font(tmp_path) -> Path:
    path = tmp_path / "MyCJK.otf"
    path.write_bytes(b"not really a font")
    return path


def test_configuration_wins(monkeypatch, fake_font):
    monkeypatch.setenv("COUNTY_PULSE_FONT", str(fake_font))
    monkeypatch.setattr(fonts, "find_system_font", lambda *a, **k: Path("/usr/share/fonts/x/NotoSansCJK-Regular.ttc"))
    assert resolve_font() == fake_font


def test_configured_font_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("COUNTY_PULSE_FONT", str(tmp_path / "missing.ttf"))
    with pytest.raises(FontNotFoundError, match="COUNTY_PULSE_FONT"):
        resolve_font()


def test_system_font_before_packaged(monkeypatch, fake_font):
    monkeypatch.delenv("COUNTY_PULSE_FONT", raising=False)
    monkeypatch.setattr(fonts, "find_system_font", lambda *a, **k: fake_font)
    monkeypatch.setattr(fonts, "packaged_font", lambda: Path("/pkg/NotoSansCJK-Regular.ttc"))
    assert resolve_font() == fake_font


def test_packaged_font_when_no_system_font(monkeypatch):
    monkeypatch.delenv("COUNTY_PULSE_FONT", raising=False)
    monkeypatch.setattr(fonts, "find_system_font", lambda *a, **k: None)
    packaged = fonts.packaged_font()
    assert packaged is not None and packaged.is_file()  # noto-cjk-sans-otc is a dependency
    assert resolve_font() == packaged


def test_clear_error_when_nothing(monkeypatch):
    monkeypatch.delenv("COUNTY_PULSE_FONT", raising=False)
    monkeypatch.setattr(fonts, "find_system_font", lambda *a, **k: None)
    monkeypatch.setattr(fonts, "packaged_font", lambda: None)
    with pytest.raises(FontNotFoundError) as err:
        resolve_font()
    assert "apt-get install fonts-noto-cjk" in str(err.value)
    assert "pip install noto-cjk-sans-otc" in str(err.value)


def test_system_search_prefers_cjk_families(tmp_path):
    (tmp_path / "dejavu").mkdir()
    (tmp_path / "dejavu" / "DejaVuSans.ttf").write_bytes(b"x")
    (tmp_path / "wqy").mkdir()
    (tmp_path / "wqy" / "wqy-zenhei.ttc").write_bytes(b"x")
    (tmp_path / "noto").mkdir()
    (tmp_path / "noto" / "NotoSansCJK-Regular.ttc").write_bytes(b"x")
    found = fonts.find_system_font((tmp_path,), use_fontconfig=False)
    assert found == tmp_path / "noto" / "NotoSansCJK-Regular.ttc"
    (tmp_path / "noto" / "NotoSansCJK-Regular.ttc").unlink()
    assert fonts.find_system_font((tmp_path,), use_fontconfig=False) == tmp_path / "wqy" / "wqy-zenhei.ttc"
    (tmp_path / "wqy" / "wqy-zenhei.ttc").unlink()
    assert fonts.find_system_font((tmp_path,), use_fontconfig=False) is None


def test_no_windows_paths():
    source = Path(fonts.__file__).read_text(encoding="utf-8")
    assert "C:" not in source and "Windows" not in source


def test_simplified_chinese_face_of_collection():
    packaged = fonts.packaged_font()
    from PIL import ImageFont

    index = font_face_index(packaged)
    family, _ = ImageFont.truetype(str(packaged), 12, index=index).getname()
    assert "SC" in family


def test_load_face_opens_each_size_once():
    font = resolve_font()
    index = font_face_index(font)
    first = fonts.load_face(font, 37, index)
    loads = fonts.font_loads()
    assert fonts.load_face(font, 37, index) is first
    assert fonts.font_loads() == loads
    assert fonts.load_face(font, 38, index) is not first
    assert first.getname()[0]  # a real face, with a family name
