"""pipeline.ingest.pdf: a text layer read; scans, garbled fonts and broken files refused."""

from __future__ import annotations

import pypdf
import pytest

from pipeline import ingest
from pipeline.ingest import read_document
from tests.pipeline.ingest.files import rejection, write_bytes
from tests.pipeline.pdf_fixtures import write_text_pdf


# pypdf cannot write text, so the text PDFs are hand-written (see pdf_fixtures):
# a Type0 / Identity-H font with a ToUnicode CMap, the way CJK PDFs carry text.


PDF_LINES = [
    "浚县2021年政府工作报告",
    "全年实现地区生产总值221.46亿元，同比增长7.9%；",
    "一般公共预算收入增长5.8%。各位代表，让我们团结奋斗！",
]


def test_pdf_text_layer_is_read(tmp_path):
    ingested = read_document(write_text_pdf(tmp_path / "report.pdf", PDF_LINES))
    assert ingested.format == "pdf"
    for line in PDF_LINES:
        assert line in ingested.text


def test_pdf_without_text_layer_is_rejected_as_scanned(tmp_path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    writer.write(path)
    assert rejection(path) == "PDF 无文字层（可能是扫描件），请提供文字版"


def test_pdf_with_unmapped_glyphs_is_rejected_as_garbled(tmp_path):
    path = write_text_pdf(tmp_path / "garbled.pdf", PDF_LINES, garbled=True)
    assert rejection(path) == "PDF 文字乱码（字体编码无法解析）"


def test_broken_pdf_is_rejected(tmp_path):
    path = write_bytes(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    assert rejection(path).startswith("PDF")


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        ("各位代表：现在我代表县人民政府向大会报告工作。" * 3, False),
        ("Plain English text layer with numbers 7.9% and 221.46.", False),
        ("\ue001\ue002\ue003各位代表\ue004\ue005\ue006\ue007\ue008", True),
        ("(cid:12)(cid:55)(cid:90)(cid:4) 各位代表", True),
        ("ÕþžªÊ×¹¤×÷±¨¸æ£¬µØÇøÉú²ú×ÜÖµÔö³¤", True),
    ],
)
def test_garbled_text_layers_are_recognised(text, garbled):
    assert ingest.is_garbled(text) is garbled
