"""HTML to its main text: the declared charset trusted when it decodes, trafilatura for the
main text, the page's visible text (or its tags stripped by pattern) when trafilatura finds
much less, and the page title."""

from __future__ import annotations

import html
import logging
import re

import lxml.etree
import lxml.html
import trafilatura

from pipeline import codepoints, settings
from pipeline.ingest.base import Ingested
from pipeline.ingest.text import BOMS, decode_text_noted

log = logging.getLogger(__name__)

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
    if not any(data.startswith(bom) for bom, _ in BOMS):
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
