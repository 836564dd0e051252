"""pipeline.ingest.office: a .docx body in document order; broken archives refused."""

from __future__ import annotations

import docx
import pytest

from pipeline.ingest import Ingested, read_document
from tests.pipeline.ingest.files import rejection, write_bytes


def test_docx_paragraphs_and_table_cells_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("浚县2021年政府工作报告")
    document.add_paragraph("各位代表：现在，我代表县人民政府向大会报告工作，请予审议。")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, [("指标", "数值", "增长"), ("地区生产总值", "221.46亿元", "7.9%")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("以上目标任务，务必完成。")
    path = tmp_path / "report.docx"
    document.save(path)

    ingested = read_document(path)
    assert ingested == Ingested(
        "浚县2021年政府工作报告\n各位代表：现在，我代表县人民政府向大会报告工作，请予审议。\n"
        "指标\t数值\t增长\n地区生产总值\t221.46亿元\t7.9%\n以上目标任务，务必完成。",
        "docx",
        None,
        None,
    )


def test_merged_docx_cells_are_read_once(tmp_path):
    document = docx.Document()
    document.add_paragraph("浚县2021年政府工作报告，主要经济指标如下表所示，请各位代表审议。")
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "地区生产总值"
    table.cell(0, 2).text = "7.9%"
    path = tmp_path / "merged.docx"
    document.save(path)
    assert read_document(path).text.endswith("地区生产总值\t7.9%")


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b"plain text pretending", b"\x00" * 64])
def test_broken_docx_is_rejected(tmp_path, data):
    assert rejection(write_bytes(tmp_path, "broken.docx", data)).startswith("docx 文件已损坏：")
