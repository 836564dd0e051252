"""Hand-written PDFs for the ingest tests.

pypdf cannot lay out text and the project takes no PDF-writing dependency, so this
writes the smallest PDF with a text layer a CJK report could have: one Type0 font
with Identity-H encoding (two-byte glyph ids) and a ToUnicode CMap that maps each
glyph id back to its character. No font program is embedded: text extraction needs
only the CMap. Mapping the glyphs to private-use code points instead gives the
"garbled font" PDFs seen in the wild.
"""

from __future__ import annotations

from pathlib import Path


def write_text_pdf(path: Path, lines: list[str], garbled: bool = False) -> Path:
    chars = sorted({ch for line in lines for ch in line})
    glyph_ids = {ch: index + 1 for index, ch in enumerate(chars)}
    content = _content_stream(lines, glyph_ids)
    cmap = _to_unicode_cmap(glyph_ids, garbled)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 8 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        _stream(cmap),
    ]
    path.write_bytes(_assemble(objects))
    return path


def _content_stream(lines: list[str], glyph_ids: dict[str, int]) -> bytes:
    parts = [b"BT /F1 12 Tf 14 TL 40 800 Td"]
    for line in lines:
        hex_glyphs = "".join(f"{glyph_ids[ch]:04X}" for ch in line)
        parts.append(f"<{hex_glyphs}> Tj T*".encode("ascii"))
    parts.append(b"ET")
    return b"\n".join(parts)


def _to_unicode_cmap(glyph_ids: dict[str, int], garbled: bool) -> bytes:
    entries = []
    for ch, gid in glyph_ids.items():
        target = chr(0xE000 + gid) if garbled else ch
        entries.append(f"<{gid:04X}> <{target.encode('utf-16-be').hex().upper()}>")
    blocks = []
    for start in range(0, len(entries), 100):  # a bfchar block holds at most 100 entries
        chunk = entries[start:start + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    )
    return cmap.encode("ascii")


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)
