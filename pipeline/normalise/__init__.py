"""Raw text → normalised text: the text every later offset points into.

``normalise_text`` is deterministic: the same input always gives the same output, so
sentence and value offsets stay valid across rebuilds. (It is not idempotent: a second
pass no longer sees the blank lines of the raw text, so offsets always refer to one
pass over the raw text.) It
folds full-width digits and letters (not Chinese punctuation), converts predominantly
traditional text to simplified, drops web-page chrome, removes the page numbers paged
.docx viewers insert, re-joins spaced-out titles and lines wrapped mid-sentence, and
repairs a few OCR slips. Masking tokens (X, XX, x.x, *) are left as they are.

The parts: ``characters`` (newlines, spaces, widths, script), ``mirrors`` (radical code
points, inline pinyin, injected tokens), ``chrome`` (page chrome and page markers),
``lines`` (spaced titles, wrapped lines, spaces, OCR slips).
"""

from __future__ import annotations

from pipeline.normalise.characters import (
    HAN, TRADITIONAL_SHARE, clean_characters, fold_chinese_years, fold_width, to_simplified_if_traditional,
    traditional_share,
)
from pipeline.normalise.chrome import (
    CHROME_PATTERNS_FILE, chrome_patterns, drop_chrome_lines, is_chrome_line, load_chrome_patterns,
    remove_page_markers,
)
from pipeline.normalise.lines import (
    collapse_spaces, ends_sentence, fix_ocr_slips, hard_wrap_width, is_heading, join_layer_spaces,
    join_spaced_han, join_wrapped_lines, should_join, starts_new_block, unpipe_table_row,
)
from pipeline.normalise.mirrors import (
    drop_injected_tokens, fold_radicals, join_punctuation_spaces, strip_inline_pinyin,
)

__all__ = [
    "CHROME_PATTERNS_FILE", "HAN", "TRADITIONAL_SHARE", "chrome_patterns", "clean_characters", "collapse_spaces",
    "drop_chrome_lines", "drop_injected_tokens", "ends_sentence", "fix_ocr_slips", "fold_chinese_years", "fold_radicals", "fold_width",
    "hard_wrap_width", "is_chrome_line", "is_heading", "join_layer_spaces", "join_punctuation_spaces", "join_spaced_han", "join_wrapped_lines",
    "load_chrome_patterns", "normalise_text", "remove_page_markers", "should_join", "starts_new_block",
    "strip_inline_pinyin", "to_simplified_if_traditional", "traditional_share", "unpipe_table_row",
]


def normalise_text(text: str) -> str:
    """Clean raw extracted text; paragraphs are separated by a single '\\n'."""
    text = clean_characters(text)
    # Widths first: the mirror repairs read ASCII letters (a converter that writes everything
    # full-width gives 增（ｚēｎｇ）长 and ｐｂＹ tokens too).
    text = fold_width(fold_radicals(text))
    spaced = join_punctuation_spaces(text)
    text = strip_inline_pinyin(spaced)
    annotated = len(text) != len(spaced)
    text = drop_injected_tokens(text)
    text = fold_chinese_years(text)
    text = to_simplified_if_traditional(text)
    lines = [line.strip(" ") for line in text.split("\n")]
    lines = drop_chrome_lines(lines)
    lines = remove_page_markers(lines)
    lines = [join_spaced_han(unpipe_table_row(line)) for line in lines]
    paragraphs = join_wrapped_lines(lines)
    paragraphs = [fix_ocr_slips(collapse_spaces(p)) for p in paragraphs]
    text = "\n".join(p for p in paragraphs if p)
    # A mirror's annotation that a hard wrap cut from its character (增\n(zēng)长) is found
    # once the lines are joined.
    return strip_inline_pinyin(text) if annotated else text
