"""The year a document is *for*, and which evidence decided it (``year_source``).

Evidence, strongest first (a web page's own posting date is never evidence: only years
written with 年 in titles, meeting lines and the text's own sections count):

- ``delivery_date``: a report delivered in October–December is for the next year;
- ``title``: the latest year its title names (关于2021年…执行情况与2022年…计划 → 2022);
- ``delivery_date`` again, for a date earlier in the year;
- ``plan_term``: 今年是“十四五”开局之年 → 2021, 收官之年 → the term's last year; likewise the
  anniversaries a report opens its plan with (今年是新中国成立75周年 → 2024, 党的二十大召开之年 → 2022);
- ``targets_section`` / ``review_section``: 2024年主要预期目标 → 2024, 2023年工作回顾 → 2024;
- ``body``: for kinds that describe a year's figures (统计公报, 其他), the year the text
  is about;
- ``file_name`` / ``folder``: a year in what the user called the file, the weakest.
A masked year (20XX年, XX年) in the title, or a text whose years are masked, gives None.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline import doc_kinds
from pipeline.numerals import chinese_number

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(?:度)?")
_MASKED_YEAR = re.compile(r"(?:19|20)?(?:[Xx×*＊]{2})\s*年|(?:19|20)[Xx×*]{2}")
_YEAR_FOR_PLAN = re.compile(
    r"((?:19|20)\d{2})\s*年(?:全县|全区|全市|全旗|县政府|区政府|政府)?(?:经济社会发展|经济和社会发展|国民经济和社会发展)?"
    r"(?:工作)?的?(?:主要预期目标|预期目标|主要目标|发展目标|总体要求|重点工作|主要工作|工作安排|主要任务|目标任务"
    r"|工作任务|计划(?:初步)?安排|计划草案)"
)
_PLAN_AFTER_REVIEW = re.compile(r"提出((?:19|20)\d{2})年")
_YEAR_REVIEWED = re.compile(r"((?:19|20)\d{2})\s*年(?:政府)?工作回顾|回顾(?:总结)?了?((?:19|20)\d{2})\s*年"
                            r"|((?:19|20)\d{2})\s*年[,，]?[^。,，]{0,12}?预计(?:全年)?(?:实现|完成)?")
# "(今年|YYYY年)是“十四五”规划开局之年": the term's first or last year.
_PLAN_TERM = re.compile(r"今年[,，]?\s*(?:是|为)[^。；]{0,30}?[“\"']?十([一二三四五六七八九])五[”\"']?(?:规划)?(?:的)?"
                        r"(开局|起步|收官|决胜|最后一)(?:之)?年")
_PLAN_TERM_START = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026, "六": 2031}
_BODY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(?!代)")
_FILE_YEAR = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d{2})(?![0-9A-Za-z]|\s*[-./]\s*\d)")
# Months in which a report for the next year may already be delivered.
LATE_DELIVERY_MONTHS = range(10, 13)
# Kinds delivered before the year they plan for (a December session is for the next year).
_PLANS_AHEAD = (doc_kinds.GOVERNMENT_REPORT, doc_kinds.REPORT_SUMMARY, doc_kinds.PLAN_EXECUTION)
# Kinds whose figures are all for the year the document describes.
_DESCRIBES_A_YEAR = (doc_kinds.STATISTICAL_BULLETIN, doc_kinds.OTHER)


def find_report_year(text: str, title: str | None, delivered: tuple[int, int] | None,
                     kind: str, source_file: str = "") -> tuple[int | None, str | None]:
    title = title or ""
    title_years = [int(y) for y in _TITLE_YEAR.findall(title)]
    if not title_years and _MASKED_YEAR.search(title):
        return None, "masked"
    if delivered and delivered[1] in LATE_DELIVERY_MONTHS and kind in _PLANS_AHEAD:
        if not title_years or max(title_years) <= delivered[0] + 1:
            return delivered[0] + 1, "delivery_date"
    if title_years:
        return max(title_years) + _executed_only(title, kind), "title"
    if delivered:
        return delivered[0], "delivery_date"
    if _years_masked(text):
        return None, "masked"
    finders = [(_plan_term_year, "plan_term"), (_anniversary_year, "plan_term"), (_section_year, "sections")]
    if kind in _DESCRIBES_A_YEAR:  # a bulletin or an article: the year its figures are for
        position = 0 if kind in doc_kinds.OUTCOME_KINDS else len(finders)  # an article may reproduce a report
        finders.insert(position, (_described_year, "body"))
    for finder, source in finders:
        year = finder(text)
        if year:
            return year, source
    return _file_year(source_file)


# 关于2010年国民经济和社会发展计划执行情况的报告: a plan-execution report that names only the year
# executed is for the year after it (its plan year), like one that names both; a part-year one
# (上半年计划执行情况) stays in its year.
_EXECUTED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年[^。\n]{0,30}?执行情况")
_PART_YEAR = re.compile(r"上半年|前三季度|一季度|[1一][-—至~到][0-9一二三四五六七八九十]{1,2}月|半年")


def _executed_only(title: str, kind: str) -> int:
    if kind != doc_kinds.PLAN_EXECUTION or _PART_YEAR.search(title):
        return 0
    executed = [int(y) for y in _EXECUTED_YEAR.findall(title)]
    years = [int(y) for y in _TITLE_YEAR.findall(title)]
    return 1 if executed and max(years) == max(executed) else 0


def _years_masked(text: str) -> bool:
    """A template whose years are masked (XX年工作回顾): no year may be guessed from it."""
    return len(_MASKED_YEAR.findall(text)) >= 2


def _plan_term_year(text: str) -> int | None:
    match = _PLAN_TERM.search(text)
    if not match:
        return None
    start = _PLAN_TERM_START[match.group(1)] if match.group(1) in _PLAN_TERM_START else None
    if start is None:
        return None
    return start if match.group(2) in ("开局", "起步") else start + 4


# 今年是新中国成立75周年, 今年是中国共产党成立100周年, 今年是党的二十大召开之年: the year spoken of.
_ANNIVERSARY = re.compile(
    r"今年[,，]?\s*(?:是|恰逢|正值)[^。；]{0,20}?(?P<what>新中国成立|中华人民共和国成立|中国共产党成立|建党|改革开放)"
    r"(?P<n>\d{1,3}|[一二三四五六七八九十百]{1,4})周年")
_CONGRESS = re.compile(r"今年[,，]?\s*(?:是|恰逢|正值)[^。；]{0,20}?党的(?P<n>十九|二十|二十一)大(?:召开|胜利召开)?之年")
_ANNIVERSARY_BASE = {"新中国成立": 1949, "中华人民共和国成立": 1949, "中国共产党成立": 1921, "建党": 1921, "改革开放": 1978}
_CONGRESS_YEAR = {"十九": 2017, "二十": 2022, "二十一": 2027}


def _anniversary_year(text: str) -> int | None:
    match = _ANNIVERSARY.search(text)
    if match:
        n = match["n"]
        count = int(n) if n.isdigit() else (100 if n == "一百" else chinese_number(n))
        if count:
            return _ANNIVERSARY_BASE[match["what"]] + int(count)
    congress = _CONGRESS.search(text)
    return _CONGRESS_YEAR[congress["n"]] if congress else None


def _section_year(text: str) -> int | None:
    """Years of the targets section, and of the review section plus one."""
    votes: Counter[int] = Counter()
    votes.update(int(y) for y in _YEAR_FOR_PLAN.findall(text))
    votes.update(int(y) for y in _PLAN_AFTER_REVIEW.findall(text))
    for reviewed in _YEAR_REVIEWED.findall(text):
        votes.update(int(y) + 1 for y in reviewed if y)
    if not votes:
        return None
    return max(votes, key=lambda year: (votes[year], year))


def _described_year(text: str) -> int | None:
    """The year the figures are about: the most named year, the later on a tie."""
    votes = Counter(int(y) for y in _BODY_YEAR.findall(text))
    if not votes:
        return None
    return max(votes, key=lambda year: (votes[year], year))


def _file_year(source_file: str) -> tuple[int | None, str | None]:
    parts = [p for p in re.split(r"[\\/]", source_file or "") if p]
    for source, part in (("file_name", parts[-1] if parts else ""), ("folder", "/".join(parts[:-1]))):
        years = [int(y) for y in _FILE_YEAR.findall(part)]
        if years:
            return max(years), source
    return None, None
