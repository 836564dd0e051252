"""A .docx body (paragraphs and table rows in document order), its archive's declared sizes
checked before any part is inflated."""

from __future__ import annotations

import io
import zipfile

from pipeline import settings
from pipeline.ingest.base import RejectedInput, megabytes, one_line


def read_docx(data: bytes) -> str:
    """Paragraphs and table rows of a .docx body, in document order."""
    import docx  # python-docx; imported here because only .docx inputs need it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_zip_bounds(data)
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.extend(_table_lines(block))
    except Exception as exc:  # noqa: BLE001 - zip, XML and package errors all mean "broken file"
        raise RejectedInput(f"docx 文件已损坏：{one_line(exc)}") from exc
    return "\n".join(lines)


def check_zip_bounds(data: bytes) -> None:
    """Refuse a zip (docx) whose parts would expand past the limits, before reading any.

    The sizes checked are the ones the archive declares; Python's zipfile never inflates
    a part past its declared size (a part that lies fails its CRC and reads as damaged).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise RejectedInput(f"docx 文件已损坏：{one_line(exc)}") from exc
    total = sum(part.file_size for part in parts)
    xml = sum(part.file_size for part in parts if part.filename.lower().endswith((".xml", ".rels")))
    if total > settings.MAX_UNPACKED_BYTES:
        raise RejectedInput(f"docx 解压后超过 {megabytes(settings.MAX_UNPACKED_BYTES)} MB"
                            f"（声明 {megabytes(total)} MB），可能是压缩炸弹，未读取")
    if xml > settings.MAX_UNPACKED_XML_BYTES:
        raise RejectedInput(f"docx 正文部分解压后超过 {megabytes(settings.MAX_UNPACKED_XML_BYTES)} MB"
                            f"（声明 {megabytes(xml)} MB），未读取")
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > 1024 * 1024 and ratio > settings.MAX_COMPRESSION_RATIO:
            raise RejectedInput(f"docx 中 {part.filename[:60]} 解压后膨胀 {ratio:.0f} 倍（上限 "
                                f"{settings.MAX_COMPRESSION_RATIO} 倍），可能是压缩炸弹，未读取")


def _table_lines(table) -> list[str]:
    """One line per row, cells separated by tabs; merged cells repeat in python-docx, so dedupe."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text for p in cell.paragraphs).strip())
            for inner in cell.tables:
                lines.extend(_table_lines(inner))
        lines.append("\t".join(cells))
    return lines
