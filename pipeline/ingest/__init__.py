"""Bytes on disk → raw text: the first stage, and the only one that touches file formats.

``read_document`` accepts the formats in ``settings.ACCEPTED_SUFFIXES`` and either returns
the document's raw text or raises ``RejectedInput`` with a one-line reason in Chinese, fit
to show an official in the documents table. Nothing here cleans the text: that is
``pipeline.normalise``. One module per format: ``text`` (encodings), ``markup`` (HTML),
``office`` (.docx), ``pdf``; ``base`` holds what they share.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pipeline import settings
from pipeline.ingest.base import Ingested, RejectedInput, check_text_length, megabytes
from pipeline.ingest.markup import (decode_html, decode_html_noted, extract_html_title, extract_main_text,
                                    looks_like_html, read_html, stripped_markup_text, visible_text)
from pipeline.ingest.office import check_zip_bounds, read_docx
from pipeline.ingest.pdf import is_garbled, read_pdf
from pipeline.ingest.text import common_han_share, decode_text, decode_text_noted, reject_binary_text

__all__ = [
    "Ingested", "RejectedInput", "check_zip_bounds", "common_han_share", "decode_html", "decode_html_noted",
    "decode_text", "decode_text_noted", "extract_html_title", "extract_main_text", "is_garbled", "looks_like_html",
    "megabytes", "read_document", "read_docx", "read_html", "read_markup_or_text", "read_pdf",
    "stripped_markup_text", "visible_text",
]


def read_document(path: Path) -> Ingested:
    """Read one input file into raw text, or raise ``RejectedInput`` saying why not."""
    suffix = path.suffix.lower()
    _check_suffix(suffix)
    data = _read_bounded(path)
    if suffix == ".docx":
        ingested = Ingested(read_docx(data), "docx", None, None)
    elif suffix == ".pdf":
        ingested = Ingested(read_pdf(data), "pdf", None, None)
    else:
        ingested = read_markup_or_text(data, is_html_suffix=suffix in (".html", ".htm"))
    check_text_length(len(ingested.text))
    return _require_text(ingested)


# ---------------------------------------------------------------- file-level checks

_SUPPORTED_LIST = "、".join(s.lstrip(".") for s in settings.ACCEPTED_SUFFIXES)


def _check_suffix(suffix: str) -> None:
    if suffix not in settings.ACCEPTED_SUFFIXES:
        shown = suffix or "（无扩展名）"
        raise RejectedInput(f"不支持的文件格式 {shown}（支持 {_SUPPORTED_LIST}）")


def _read_bounded(path: Path) -> bytes:
    """Read the file, refusing oversized ones before reading them."""
    size = path.stat().st_size
    limit = settings.MAX_INPUT_BYTES
    if size > limit:
        raise RejectedInput(f"文件过大（{megabytes(size)} MB，上限 {megabytes(limit)} MB）")
    if size == 0:
        raise RejectedInput("文件为空")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)  # the file may have grown since stat()
    if len(data) > limit:
        raise RejectedInput(f"文件过大（超过 {megabytes(limit)} MB 上限）")
    return data


def _require_text(ingested: Ingested) -> Ingested:
    visible = sum(map(len, ingested.text.split()))  # str.split() splits on exactly str.isspace()
    if visible == 0:
        raise RejectedInput("未提取到正文")
    if visible < settings.MIN_TEXT_CHARS:
        raise RejectedInput(f"未提取到正文（仅 {visible} 个字符）")
    return ingested


def read_markup_or_text(data: bytes, is_html_suffix: bool) -> Ingested:
    """Text or HTML, whatever the suffix says: saved web pages are often renamed .txt,
    and some ".html" downloads are plain text."""
    # Decoding, parsing and segmenting grow many times the size: refuse before any of it.
    markup = is_html_suffix or b"<" in data[:8192]
    if not markup and len(data) > settings.MAX_TEXT_BYTES:
        raise RejectedInput(f"文本过长（{megabytes(len(data))} MB，超过 {settings.MAX_TEXT_CHARS // 10000} 万字上限），"
                            "不像一份报告；请拆分后再放入")
    if len(data) > settings.MAX_MARKUP_BYTES:
        raise RejectedInput(f"网页文件过大（{megabytes(len(data))} MB，上限 {megabytes(settings.MAX_MARKUP_BYTES)} MB）")
    decoded, encoding, notes = decode_html_noted(data) if is_html_suffix else decode_text_noted(data)
    if looks_like_html(decoded):
        return replace(read_html(decoded, encoding), notes=notes)
    reject_binary_text(decoded)
    check_text_length(len(decoded))
    return Ingested(decoded, "txt", encoding, None, notes)
