"""Plain-text bytes to text: BOMs, strict UTF-8, BOM-less UTF-16, a repaired UTF-8, GB18030
checked for plausibility, then detection (charset-normalizer); binary data refused."""

from __future__ import annotations

import charset_normalizer

from pipeline import codepoints
from pipeline.ingest.base import RejectedInput


BOMS = (
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
    for bom, encoding in BOMS:
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


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _plausible_share(text: str) -> float:
    """Share of characters that ordinary Chinese or English text is made of."""
    if not text:
        return 0.0
    good = sum(1 for ch in text if is_han(ch) or is_ordinary(ch))
    return good / len(text)


def is_ordinary(ch: str) -> bool:
    if ch in "\n\r\t" or " " <= ch <= "~":
        return True
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u206f"


def reject_binary_text(text: str) -> None:
    if not text:
        return
    if "\x00" in text or codepoints.count_controls(text) / len(text) > MAX_CONTROL_SHARE:
        raise RejectedInput("二进制文件，不是文本")
