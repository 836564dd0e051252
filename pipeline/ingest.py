"""Bytes on disk → raw text: the first stage, and the only one that touches file formats.

``read_document`` accepts the formats in ``settings.ACCEPTED_SUFFIXES`` and either returns
the document's raw text or raises ``RejectedInput`` with a one-line reason in Chinese, fit
to show an official in the documents table. Nothing here cleans the text: that is
``pipeline.normalise``.
"""

from __future__ import annotations

import html
import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import charset_normalizer
import lxml.etree
import lxml.html
import pypdf
import trafilatura

from pipeline import codepoints, settings

log = logging.getLogger(__name__)


class RejectedInput(Exception):
    """A file the pipeline will not read; ``str(exc)`` is the reason, in Chinese."""


@dataclass(frozen=True)
class Ingested:
    text: str
    format: str  # txt | html | docx | pdf
    encoding: str | None
    html_title: str | None
    notes: tuple[str, ...] = ()  # what reading had to repair (replaced bytes, removed NULs), for the row's warning


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
    _check_text_length(len(ingested.text))
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


def megabytes(n_bytes: int) -> str:
    """Sizes as officials read them: one decimal, so 50.4 MB never shows as "50 MB"."""
    size = n_bytes / (1024 * 1024)
    return f"{size:.1f}".removesuffix(".0") if size >= 1 else f"{size:.2f}"


def _check_text_length(n_chars: int) -> None:
    if n_chars > settings.MAX_TEXT_CHARS:
        raise RejectedInput(f"正文过长（超过 {n_chars / 10000:.0f} 万字，上限 {settings.MAX_TEXT_CHARS // 10000} 万字），"
                            "不像一份报告；请拆分后再放入")


def _require_text(ingested: Ingested) -> Ingested:
    visible = sum(map(len, ingested.text.split()))  # str.split() splits on exactly str.isspace()
    if visible == 0:
        raise RejectedInput("未提取到正文")
    if visible < settings.MIN_TEXT_CHARS:
        raise RejectedInput(f"未提取到正文（仅 {visible} 个字符）")
    return ingested


# ---------------------------------------------------------------- plain text

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Above this share of control characters a "text" file is binary data.
MAX_CONTROL_SHARE = 0.01
# A GB18030 decode is trusted when this share of its Han characters are common ones.
MIN_COMMON_HAN_SHARE = 0.8
# A BOM-less UTF-16 decode is trusted when this share of characters look like text.
MIN_PLAUSIBLE_SHARE = 0.9


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
    _reject_binary_text(decoded)
    _check_text_length(len(decoded))
    return Ingested(decoded, "txt", encoding, None, notes)


def decode_text(data: bytes) -> tuple[str, str]:
    text, encoding, _ = decode_text_noted(data)
    return text, encoding


def decode_text_noted(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode text bytes, trying the likely Chinese encodings before guessing.

    charset-normalizer alone misreads short Chinese texts (GBK taken for Big5 or
    cp1252), so a strict UTF-8 decode and a plausibility-checked GB18030 decode go first.
    A UTF-8 text with a stray invalid byte or NUL is kept, repaired, with a note saying
    how many characters were replaced (the third element).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_or_reject(data, encoding), encoding, ()
    attempts = (_try_utf8, _try_utf16_without_bom, _try_utf8_tolerant, _reject_nul_bytes, _try_gb18030,
                _try_detected)
    for attempt in attempts:
        decoded = attempt(data)
        if decoded is not None:
            return decoded if len(decoded) == 3 else (*decoded, ())
    raise RejectedInput("无法识别文本编码")


# A UTF-8 text is repaired rather than re-guessed when at most this share of its characters
# (or this many) are invalid bytes or NULs: a damaged download, not another encoding (a GBK
# text read as UTF-8 has an invalid sequence in nearly every character).
MAX_REPAIRED_SHARE = 0.001
MAX_REPAIRED_ANYWAY = 4


def _try_utf8_tolerant(data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    text = data.decode("utf-8", "replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    nuls = text.count("\x00")
    if replaced + nuls > max(MAX_REPAIRED_ANYWAY, MAX_REPAIRED_SHARE * len(text)):
        return None
    notes = []
    if replaced:
        notes.append(f"UTF-8 解码时有 {replaced} 处无法识别的字节，已替换为 �")
    if nuls:
        text = text.replace("\x00", "")
        notes.append(f"删除了 {nuls} 个空字符（NUL）")
    return text, "utf-8", tuple(notes)


def _decode_or_reject(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise RejectedInput("无法识别文本编码") from exc
    return text.lstrip("\ufeff")


def _try_utf8(data: bytes) -> tuple[str, str] | None:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def _try_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL bytes in one byte lane, and a decode that reads as text."""
    if b"\x00" not in data or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausible_share(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] < MIN_PLAUSIBLE_SHARE:
        return None
    return best[1], best[2]


def _reject_nul_bytes(data: bytes) -> None:
    if b"\x00" in data:
        raise RejectedInput("二进制文件，不是文本")


def _try_gb18030(data: bytes) -> tuple[str, str] | None:
    for encoding in ("gbk", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Big5 and other double-byte encodings also decode as GBK, into rare characters.
        if common_han_share(text) >= MIN_COMMON_HAN_SHARE:
            return text, encoding
        return None
    return None


def _try_detected(data: bytes) -> tuple[str, str] | None:
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        return None
    return str(match), match.encoding


def common_han_share(text: str) -> float:
    """Share of Han characters that are GB2312 level-1 (the 3755 everyday characters)."""
    return codepoints.common_han_share(text)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _plausible_share(text: str) -> float:
    """Share of characters that ordinary Chinese or English text is made of."""
    if not text:
        return 0.0
    good = sum(1 for ch in text if _is_han(ch) or _is_ordinary(ch))
    return good / len(text)


def _is_ordinary(ch: str) -> bool:
    if ch in "\n\r\t" or " " <= ch <= "~":
        return True
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u206f"


def _reject_binary_text(text: str) -> None:
    if not text:
        return
    if "\x00" in text or codepoints.count_controls(text) / len(text) > MAX_CONTROL_SHARE:
        raise RejectedInput("二进制文件，不是文本")


# ---------------------------------------------------------------- HTML

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|table|span|td|h[1-6]|body|a)\b[^<>]{0,500}>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)

# Elements whose text is never report text.
_NON_CONTENT_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "template", "svg", "canvas", "form", "button", "select", "textarea", "input",
    "nav", "header", "footer", "aside", "head",
)
_BLOCK_TAGS = frozenset(
    "p div br li tr h1 h2 h3 h4 h5 h6 table section article blockquote pre dd dt ul ol".split()
)
# trafilatura's output is kept unless the fallback finds this many times more text.
FALLBACK_RATIO = 2.0
# Western single-byte charsets decode any bytes; Chinese pages that declare them are usually lying.
_UNTRUSTED_CHARSETS = frozenset({"iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"})
_ENCODING_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def looks_like_html(text: str) -> bool:
    if _HTML_START.search(text[:4096]):
        return True
    return len(_HTML_TAGS.findall(text[:65536])) >= 5


def read_html(markup: str, encoding: str | None) -> Ingested:
    tree = _parse_html(markup)
    title = extract_html_title(tree)
    text = extract_main_text(markup, tree)
    return Ingested(text, "html", encoding, title)


def decode_html(data: bytes) -> tuple[str, str]:
    text, encoding, _ = decode_html_noted(data)
    return text, encoding


def decode_html_noted(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode HTML bytes: the BOM, then the declared charset, then detection."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = _declared_charset(data)
        if declared and declared not in _UNTRUSTED_CHARSETS:
            try:
                return data.decode(declared), declared, ()
            except (UnicodeDecodeError, LookupError):
                log.info("declared charset %s does not decode; detecting", declared)
    return decode_text_noted(data)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    return _ENCODING_ALIASES.get(name, name)


def _parse_html(markup: str) -> lxml.html.HtmlElement | None:
    # Hostile pages: absurd nesting or junk can defeat the parser; the caller copes with None.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        return lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError, RecursionError) as exc:
        log.info("HTML does not parse: %s", exc)
        return None


def extract_html_title(tree: lxml.html.HtmlElement | None) -> str | None:
    if tree is None:
        return None
    for xpath in ("//title", "//h1"):
        for element in tree.xpath(xpath):
            text = _collapse_spaces(element.text_content())
            if text:
                return text
    return None


def extract_main_text(markup: str, tree: lxml.html.HtmlElement | None) -> str:
    """The page's main text: trafilatura, unless it found much less than the plain page text."""
    main = _trafilatura_text(markup)
    fallback = visible_text(tree) if tree is not None else ""
    fallback_han = _han_count(fallback)
    if fallback_han < settings.MIN_TEXT_CHARS:
        # The parser gave up (absurd nesting, broken markup): strip tags by pattern instead.
        stripped = stripped_markup_text(markup)
        stripped_han = _han_count(stripped)
        if stripped_han > fallback_han:  # max() keeps the first of equals
            fallback, fallback_han = stripped, stripped_han
    if fallback_han > FALLBACK_RATIO * _han_count(main) or not main.strip():
        return fallback
    return main


def _trafilatura_text(markup: str) -> str:
    try:
        text = trafilatura.extract(
            markup,
            favor_recall=True,
            include_tables=True,
            include_comments=False,
            include_links=False,
            include_images=False,
            deduplicate=False,
            output_format="txt",
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser on hostile input
        log.info("trafilatura failed: %s", exc)
        return ""
    return text or ""


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """All text a reader would see, one block element per line, scripts and chrome tags dropped."""
    for element in list(tree.iter(*_NON_CONTENT_TAGS)):
        _drop_element(element)
    lines: list[str] = []
    current: list[str] = []
    # Iterative walk: recursion would overflow on pathological nesting.
    for event, element in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                _flush_line(current, lines)
            if element.text:
                current.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                _flush_line(current, lines)
            if element.tail:
                current.append(element.tail)
    _flush_line(current, lines)
    return "\n".join(lines)


_INVISIBLE_BLOCKS = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|noscript|iframe|template|svg|textarea|title)\b.*?(?:</\1\s*>|$)",
    re.I | re.S,
)
_ANY_TAG = re.compile(r"<[^>]*>?")


def stripped_markup_text(markup: str) -> str:
    """Last resort for markup no parser can build a tree from: drop invisible blocks, then tags."""
    text = _INVISIBLE_BLOCKS.sub(" ", markup)
    text = _ANY_TAG.sub("\n", text)
    text = html.unescape(text)
    lines = (_collapse_spaces(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _drop_element(element: lxml.html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    parent.remove(element)
    if tail:  # the text after a <script> belongs to the page
        previous = parent[-1] if len(parent) else None
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _flush_line(current: list[str], lines: list[str]) -> None:
    line = _collapse_spaces("".join(current))
    current.clear()
    if line:
        lines.append(line)


def _collapse_spaces(text: str) -> str:
    return re.sub(r"[ \t\r\n\f\v]+", " ", text).strip()


def _han_count(text: str) -> int:
    return codepoints.count_han(text)


# ---------------------------------------------------------------- docx


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
        raise RejectedInput(f"docx 文件已损坏：{_one_line(exc)}") from exc
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
        raise RejectedInput(f"docx 文件已损坏：{_one_line(exc)}") from exc
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


def _one_line(exc: Exception) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:120]


# ---------------------------------------------------------------- PDF

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
            _check_text_length(chars)  # page by page: a huge PDF stops at the limit, not at the end
    except RejectedInput:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise RejectedInput(f"PDF 文件已损坏：{_one_line(exc)}") from exc
    text = "\n".join(pages)
    _check_pdf_text(text)
    return text


def _open_pdf(data: bytes) -> pypdf.PdfReader:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise RejectedInput("PDF 已加密，无法读取")
        return reader
    except RejectedInput:
        raise
    except Exception as exc:  # noqa: BLE001
        raise RejectedInput(f"PDF 文件已损坏：{_one_line(exc)}") from exc


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
    han = sum(1 for ch in visible if _is_han(ch))
    odd = sum(1 for ch in visible if not _is_han(ch) and not _is_ordinary(ch))
    return han / len(visible) < 0.1 and odd / len(visible) > 0.3


def _is_unreadable(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch == "\ufffd" or category in ("Co", "Cn", "Cs") or (category == "Cc" and ch not in "\t\n\r\f")
