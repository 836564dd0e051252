"""A PDF's text layer, refused when there is none (a scan) or its fonts map to nothing readable."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import TYPE_CHECKING

from pipeline import settings
from pipeline.ingest.base import RejectedInput, check_text_length, one_line
from pipeline.ingest.text import is_han, is_ordinary

if TYPE_CHECKING:
    import pypdf

# Above this share of unreadable characters the text layer is garbage.
MAX_GARBLED_SHARE = 0.1
_CID_GARBAGE = re.compile(r"\(cid:\d+\)|/(?:g|uni|cid)[0-9A-Fa-f]{2,}")


def read_pdf(data: bytes) -> str:
    reader = _open_pdf(data)
    pages = []
    chars = 0
    try:
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            chars += len(pages[-1])
            check_text_length(chars)  # page by page: a huge PDF stops at the limit, not at the end
    except RejectedInput:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise RejectedInput(f"PDF 文件已损坏：{one_line(exc)}") from exc
    text = "\n".join(pages)
    _check_pdf_text(text)
    return text


def _open_pdf(data: bytes) -> "pypdf.PdfReader":
    # Imported when a PDF comes (≈ 0.12 s with fontTools): the build's processes and the report
    # read alone need it only then.
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise RejectedInput("PDF 已加密，无法读取")
        return reader
    except RejectedInput:
        raise
    except Exception as exc:  # noqa: BLE001
        raise RejectedInput(f"PDF 文件已损坏：{one_line(exc)}") from exc


def _check_pdf_text(text: str) -> None:
    visible = [ch for ch in text if not ch.isspace()]
    if len(visible) < settings.MIN_TEXT_CHARS:
        raise RejectedInput("PDF 无文字层（可能是扫描件），请提供文字版")
    if is_garbled(text):
        raise RejectedInput("PDF 文字乱码（字体编码无法解析）")


def is_garbled(text: str) -> bool:
    """A text layer whose fonts map to nothing readable: private-use, replacement, CID codes."""
    stripped = _CID_GARBAGE.sub("\ufffd", text)
    visible = [ch for ch in stripped if not ch.isspace()]
    if not visible:
        return True
    unreadable = sum(1 for ch in visible if _is_unreadable(ch))
    if unreadable / len(visible) > MAX_GARBLED_SHARE:
        return True
    # Wrongly mapped CJK fonts come out as Latin-1 accents and symbols, with hardly any Han.
    han = sum(1 for ch in visible if is_han(ch))
    odd = sum(1 for ch in visible if not is_han(ch) and not is_ordinary(ch))
    return han / len(visible) < 0.1 and odd / len(visible) > 0.3


def _is_unreadable(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch == "\ufffd" or category in ("Co", "Cn", "Cs") or (category == "Cc" and ch not in "\t\n\r\f")
