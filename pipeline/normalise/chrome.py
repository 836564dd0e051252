"""Web-page chrome and the page numbers paged .docx viewers insert."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pipeline import settings
from pipeline.normalise.characters import HAN
from pipeline.normalise.lines import ends_sentence, is_heading

CHROME_PATTERNS_FILE = "chrome_patterns.txt"
# A chrome pattern never removes a line longer than this: report paragraphs are safe.
MAX_CHROME_LINE_CHARS = 200
# Page-marker runs: at least this many consecutive numbers, most breaking a sentence.
MIN_PAGE_MARKER_RUN = 3
# A page of a paged viewer is long; a line this short before "N、" is a list item.
MIN_PAGE_CHARS = 50


@functools.lru_cache(maxsize=4)
def load_chrome_patterns(path: Path) -> tuple[re.Pattern[str], ...]:
    """The reviewed chrome patterns: one regex per line, '#' comments and blanks ignored."""
    patterns = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            patterns.append(re.compile(line))
    return tuple(patterns)


def chrome_patterns() -> tuple[re.Pattern[str], ...]:
    return load_chrome_patterns(settings.reference_file(CHROME_PATTERNS_FILE))


_LEADING_BULLETS = re.compile(r"^[•·▪◦‧∙]\s*")
_BARE_NUMBER = re.compile(r"^\d+$")
_HAS_CONTENT = re.compile(rf"[{HAN}0-9A-Za-z*%。，、；：！？”’）)】》]")


def drop_chrome_lines(lines: list[str]) -> list[str]:
    """Replace chrome lines by blank lines (a blank line still ends a paragraph)."""
    patterns = chrome_patterns()
    return ["" if is_chrome_line(line, patterns) else line for line in lines]


def is_chrome_line(line: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    core = _LEADING_BULLETS.sub("", line).strip()
    if not core:
        return False
    if not _HAS_CONTENT.search(core):
        return True  # separators and bullets: no Han, digits, letters, masks or Chinese punctuation
    if _BARE_NUMBER.match(core):
        return True  # forum counters and page numbers
    if len(core) > MAX_CHROME_LINE_CHARS:
        return False
    return any(pattern.search(core) for pattern in patterns)


# ---------------------------------------------------------------- paged-viewer page markers

_PAGE_MARKER = re.compile(r"^(\d{1,4})、")


def remove_page_markers(lines: list[str]) -> list[str]:
    """Drop the "N、" page numbers a paged .docx viewer puts at the start of each page.

    They form a run of consecutive numbers whose breaks mostly fall mid-sentence
    ("…会议确" / "2、定的目标任务"). A genuine numbered list breaks after a full
    sentence or a short item, so it is left alone. A lone marker (an excerpt of one
    page break) counts only when it breaks a sentence and does not start at 1.
    """
    markers = {i: int(m.group(1)) for i, line in enumerate(lines) if (m := _PAGE_MARKER.match(line))}
    page_lines: set[int] = set()
    for run in _consecutive_runs(markers):
        if _is_page_marker_run(run, lines, markers):
            page_lines.update(run)
    return _strip_markers_and_join(lines, page_lines)


def _is_page_marker_run(run: list[int], lines: list[str], markers: dict[int, int]) -> bool:
    mid_sentence = sum(1 for i in run if _breaks_mid_sentence(lines, i))
    if len(run) >= MIN_PAGE_MARKER_RUN:
        return mid_sentence * 2 > len(run)
    return mid_sentence == len(run) and markers[run[0]] >= 2


def _consecutive_runs(markers: dict[int, int]) -> list[list[int]]:
    """Group marker lines whose numbers go up by one, in line order."""
    runs: list[list[int]] = []
    for index in sorted(markers):
        number = markers[index]
        for run in runs:
            if markers[run[-1]] == number - 1:
                run.append(index)
                break
        else:
            runs.append([index])
    return runs


def _breaks_mid_sentence(lines: list[str], index: int) -> bool:
    previous = _previous_text_line(lines, index)
    if previous is None or ends_sentence(previous) or is_heading(previous):
        return False
    # A short numbered line before "N、" is the previous item of a genuine list.
    return not (_PAGE_MARKER.match(previous) and len(previous) < MIN_PAGE_CHARS)


def _previous_text_line(lines: list[str], index: int) -> str | None:
    for line in reversed(lines[:index]):
        if line:
            return line
    return None


def _strip_markers_and_join(lines: list[str], page_lines: set[int]) -> list[str]:
    result: list[str] = []
    for index, line in enumerate(lines):
        if index not in page_lines:
            result.append(line)
            continue
        body = _PAGE_MARKER.sub("", line, count=1)
        previous = _last_text_index(result)
        if previous is not None and not ends_sentence(result[previous]):
            result[previous] = result[previous] + body  # the page broke a sentence
            del result[previous + 1:]
        else:
            result.append(body)
    return result


def _last_text_index(lines: list[str]) -> int | None:
    for index in range(len(lines) - 1, -1, -1):
        if lines[index]:
            return index
    return None
