"""The per-document cache key covers all the code a per-document run executes.

A cached result is reused while ``result_cache.code_fingerprint()`` is unchanged, so a pipeline
module that the per-document path imports but the fingerprint leaves out would let a changed
rule serve results of the old one (numerals.py once moved out of ``extract/`` unnoticed).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.pipeline.pdf_fixtures import write_text_pdf

ROOT = Path(__file__).resolve().parents[2]

_LIST_IMPORTED = """
import json, sys
from pathlib import Path
from pipeline import documents
raw, cache = Path(sys.argv[1]), Path(sys.argv[2])
results = [documents.process_file(p, raw, cache) for p in sorted(raw.iterdir())]
print(json.dumps({
    "status": [r.status for r in results],
    "modules": sorted(m.__file__ for name, m in sys.modules.items()
                      if (name == "pipeline" or name.startswith("pipeline.")) and getattr(m, "__file__", None)),
}))
"""

_REPORT = ("某某县2023年政府工作报告\n各位代表：过去一年，全县地区生产总值完成125.6亿元，增长6.5%。"
           "今年主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增长5%以上。我们要推进“乡村振兴”。")


def _raw_files(raw: Path, samples: list[Path]) -> None:
    from docx import Document

    raw.mkdir()
    for sample in samples:
        (raw / sample.name).write_bytes(sample.read_bytes())
    (raw / "page.html").write_text(f"<html><head><title>报告</title></head><body><p>{_REPORT}</p></body></html>",
                                   encoding="utf-8")
    doc = Document()
    doc.add_paragraph(_REPORT)
    doc.save(raw / "report.docx")
    write_text_pdf(raw / "report.pdf", [_REPORT[i:i + 30] for i in range(0, len(_REPORT), 30)])


def test_every_module_a_document_run_imports_is_in_the_fingerprint(sample_raw_dir, tmp_path):
    from pipeline import result_cache

    raw = tmp_path / "mixed"
    _raw_files(raw, sorted(p for p in sample_raw_dir.rglob("*.txt"))[:8])
    out = subprocess.run([sys.executable, "-c", _LIST_IMPORTED, str(raw), str(tmp_path / "cache")],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    ran = json.loads(out.stdout.strip().splitlines()[-1])
    assert ran["status"].count("ok") == len(ran["status"]), ran["status"]  # every format was read through

    package = Path(result_cache.__file__).resolve().parent
    covered = set()
    for name in result_cache.FINGERPRINT_MODULES:
        path = package / name
        covered |= set(path.rglob("*.py")) if path.is_dir() else {path}
    imported = {Path(f).resolve() for f in ran["modules"]}
    assert imported - covered == set(), "per-document code outside result_cache.FINGERPRINT_MODULES"
    assert len(imported) > 20  # the list is the per-document path, not an empty import
