"""The document's own title line, else the page's HTML title, cleaned."""

from __future__ import annotations

import re

from pipeline.identify.text import head_lines
from pipeline.normalise import join_spaced_han

# What a title calls the document: every kind of pipeline.doc_kinds.
DOC_KEYWORD = re.compile(r"政府工作报告|工作报告|工作汇报|情况汇报|汇报|报告摘要|统计公报|计划执行情况|计划草案"
                         r"|发展计划|目标任务|经济运行情况")
MAX_TITLE_CHARS = 60
_BOOK_TITLE = re.compile(r"《([^《》]{4,60})》")
_SENTENCE_PUNCTUATION = re.compile(r"[，,。；;！!？?]")
_FORUM_TAG = re.compile(r"^\s*(?:\[[^\]]{1,8}\]|#{1,6}\s|>\s)\s*")  # "[山东] …", markdown "# …"
_LEADING_DASHES = re.compile(r"^[—\-–―~～\s]+")
_FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|txt|html?|wps)\b", re.I)
_SITE_SEPARATOR = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")
# Site navigation: "当前位置: 首页 > 政务公开 > 政府工作报告", "首页 >> 统计公报".
_BREADCRUMB = re.compile(r"当前位置|您的位置|现在的位置|首页\s*[>＞»]|[>＞»]{1,2}\s*[^>＞»]+\s*[>＞»]")


def find_title(text: str, html_title: str | None) -> str | None:
    candidates = [c for line in head_lines(text) if (c := _title_candidate(line))]
    specific = [c for c in candidates if _is_specific_title(c)]
    if specific or candidates:
        return (specific or candidates)[0]
    return clean_html_title(html_title)


def _title_candidate(line: str) -> str | None:
    if _BREADCRUMB.search(line):
        return None
    prose = bool(_SENTENCE_PUNCTUATION.search(line))
    for match in _BOOK_TITLE.finditer(line):
        # A book title inside a sentence is a document the text cites, not its own title.
        rest = line[match.end():]
        cited = match.start() > 2 or bool(re.match(r"\s*[、和及与]", rest))  # 审查了《…》、《…》
        if DOC_KEYWORD.search(match.group(1)) and (not prose or not cited):
            return clean_title(match.group(1))
    if prose:
        return _title_run_into_body(line)
    if len(line) > MAX_TITLE_CHARS * 2 or not DOC_KEYWORD.search(line):
        return None
    cleaned = clean_title(line)
    return cleaned if cleaned and len(cleaned) <= MAX_TITLE_CHARS else None


# A page whose line breaks were lost: "2022年X区国民经济和社会发展统计公报2022年,面对…".
_RUN_IN_TITLE = re.compile(r"^[^，,。；;！!？?：:“”\"]{4,%d}?(?:统计公报|政府工作报告|计划执行情况[^，,。]{0,30}?报告|经济运行情况)"
                           % MAX_TITLE_CHARS)
# Words of a sentence about a report, not of its title: "我代表县政府向大会作政府工作报告".
_SPEECH = re.compile(r"代表|向大会|作(?:了)?(?:政府)?工作报告|审议|听取|发布|出炉|显示")


def _title_run_into_body(line: str) -> str | None:
    match = _RUN_IN_TITLE.match(line)
    if line.startswith("《") or not match or _SPEECH.search(match.group(0)):
        return None
    return clean_title(match.group(0))


def clean_title(line: str) -> str:
    line = _FORUM_TAG.sub("", line)
    line = _LEADING_DASHES.sub("", line)
    line = _FILE_SUFFIX.sub("", line)
    line = join_spaced_han(re.sub(r"\s+", " ", line))
    return line.strip(" 《》")


def _is_specific_title(title: str) -> bool:
    """More than a bare "政府工作报告" or a section label like "工作报告"."""
    return len(DOC_KEYWORD.sub("", title).strip(" ()（）")) >= 2


def clean_html_title(html_title: str | None) -> str | None:
    if not html_title:
        return None
    parts = [clean_title(p) for p in _SITE_SEPARATOR.split(html_title) if p.strip()]
    parts = [p for p in parts if p]
    if not parts:
        return None
    return next((p for p in parts if DOC_KEYWORD.search(p)), parts[0])
