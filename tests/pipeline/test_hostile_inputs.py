"""Hostile files are refused with a reason, in bounded memory (issue 7, item 4).

Peak memory is measured in a fresh subprocess (VmHWM, else ``resource.getrusage``), running the whole
per-document path on one file: what a build's worker would do with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline import settings
from pipeline.ingest import RejectedInput, check_zip_bounds, read_document

PEAK_LIMIT_MB = 1024

MEASURE = """
import json, resource, sys
from pathlib import Path
from pipeline.documents import process_file
path = Path(sys.argv[1])
result = process_file(path, path.parent, path.parent / ".cache", force=True)
# VmHWM is this process image's own peak; ru_maxrss also counts the parent's size at fork
# (Linux carries it over exec), so under a large pytest process it would measure pytest.
try:
    status = Path("/proc/self/status").read_text()
    peak_mb = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1]) / 1024
except OSError:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"status": result.status, "error": result.error, "peak_mb": peak_mb}, ensure_ascii=False))
"""

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>'
)
PARAGRAPH = '<w:p><w:r><w:t>全县地区生产总值增长百分之六点五左右。</w:t></w:r></w:p>'


def docx_with_body(path: Path, megabytes: int) -> Path:
    """A well-formed docx whose document.xml expands to ``megabytes`` MB: streamed, so the test
    never holds it in memory, and tiny on disk (it compresses ~1000x)."""
    chunk = (PARAGRAPH * (1024 * 1024 // len(PARAGRAPH.encode()))).encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as body:
            body.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            for _ in range(megabytes):
                body.write(chunk)
            body.write(b"</w:body></w:document>")
    return path


def measured(path: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(settings.PROJECT_ROOT)}
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, timeout=300,
                          cwd=settings.PROJECT_ROOT, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_docx_bomb_is_refused_unread_in_bounded_memory(tmp_path):
    bomb = docx_with_body(tmp_path / "报告.docx", 1100)  # 1.1 GB of XML, as in the hostile test
    assert bomb.stat().st_size < 10 * 1024 * 1024
    outcome = measured(bomb)
    assert outcome["status"] == "rejected" and "解压后超过" in outcome["error"], outcome
    assert outcome["peak_mb"] <= PEAK_LIMIT_MB, outcome


def test_highly_compressed_part_is_refused_by_its_ratio(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_UNPACKED_XML_BYTES", 10**12)
    monkeypatch.setattr(settings, "MAX_UNPACKED_BYTES", 10**12)
    bomb = docx_with_body(tmp_path / "ratio.docx", 8)
    with pytest.raises(RejectedInput, match="膨胀 .* 倍"):
        check_zip_bounds(bomb.read_bytes())


def test_ordinary_docx_passes_the_bounds(tmp_path):
    small = docx_with_body(tmp_path / "ok.docx", 0)
    check_zip_bounds(small.read_bytes())


def test_huge_plain_text_is_refused_before_decoding_in_bounded_memory(tmp_path):
    path = tmp_path / "huge.txt"
    line = "全县地区生产总值增长6.5%左右，一般公共预算收入增长5%。\n".encode("utf-8")
    path.write_bytes(line * (45 * 1024 * 1024 // len(line)))  # 45 MB: under the 50 MB file limit
    outcome = measured(path)
    assert outcome["status"] == "rejected" and "文本过长" in outcome["error"], outcome
    assert outcome["peak_mb"] <= PEAK_LIMIT_MB, outcome


def test_text_over_the_character_cap_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_TEXT_CHARS", 1000)
    path = tmp_path / "long.txt"
    path.write_text("全县地区生产总值增长6.5%左右。" * 200, encoding="utf-8")
    with pytest.raises(RejectedInput, match="正文过长.*上限 0 万字|正文过长"):
        read_document(path)


def test_oversize_file_message_shows_the_real_size(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", 50 * 1024 * 1024)
    path = tmp_path / "big.pdf"
    with path.open("wb") as handle:
        handle.truncate(int(61.2 * 1024 * 1024))
    with pytest.raises(RejectedInput, match=r"文件过大（61\.2 MB，上限 50 MB）"):
        read_document(path)


def test_one_bad_byte_and_one_nul_in_good_utf8_are_repaired_and_counted(tmp_path):
    from pipeline.documents import process_file

    report = (settings.PROJECT_ROOT / "tests" / "gold" / "texts" / "s02_shili_2023.txt").read_bytes()
    middle = len(report) // 2
    middle -= next(i for i in range(4) if (report[middle - i] & 0xC0) != 0x80)  # a character boundary
    damaged = report[:middle] + b"\xff" + b"\x00" + report[middle:]
    path = tmp_path / "damaged.txt"
    path.write_bytes(damaged)
    result = process_file(path, tmp_path, tmp_path / ".cache", force=True)
    assert result.status == "ok", result.error
    assert "1 处无法识别的字节" in result.warnings[0] and "1 个空字符" in result.warnings[1]
    assert result.facts, "the report's figures are still read"


def test_gbk_text_is_not_mistaken_for_damaged_utf8():
    from pipeline.ingest import decode_text_noted

    text = "全县地区生产总值增长百分之六点五，一般公共预算收入稳步增长。" * 20
    decoded, encoding, notes = decode_text_noted(text.encode("gbk"))
    assert decoded == text and encoding in ("gbk", "gb18030") and notes == ()
