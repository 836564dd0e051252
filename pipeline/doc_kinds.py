"""What kind of document a text is (``doc_type``), and what each kind says about years.

The kinds officials actually drop in, and how the year logic of extraction differs:

| kind | what it is | its years |
|---|---|---|
| 政府工作报告 | the government work report itself, or a mirror of it | review of N−1 (预计 figures), targets for N |
| 报告摘要 | a news summary of a report ("县长X作政府工作报告", "今年主要预期目标…") | as the report it summarises |
| 统计公报 | the statistical bulletin for year N | every value is the final outcome for N |
| 计划执行情况 | the plan-execution report: N−1 executed, plan for N (one naming only the year executed is for the year after) | outcomes N−1, targets N |
| 目标任务分解 | a notice handing the year's targets down (下达/分解) | targets for N |
| 工作汇报 | a part-year progress briefing to superiors, or a part-year plan-execution report (上半年计划执行情况) | the year it is written in |
| 其他 | yearbook pages, articles covering several counties, blogs, anything else | figures for the year they describe |

``report_year`` is always N, the year the document is *for* (see ``pipeline.identify``).
Classification reads the title and the head of the text only through general signs
(what a title calls itself, who speaks, news mastheads), never one document's phrasing.
"""

from __future__ import annotations

import re

GOVERNMENT_REPORT = "政府工作报告"
REPORT_SUMMARY = "报告摘要"
STATISTICAL_BULLETIN = "统计公报"
PLAN_EXECUTION = "计划执行情况"
TARGET_BREAKDOWN = "目标任务分解"
WORK_BRIEFING = "工作汇报"
OTHER = "其他"

DOC_KINDS = (GOVERNMENT_REPORT, REPORT_SUMMARY, STATISTICAL_BULLETIN, PLAN_EXECUTION,
             TARGET_BREAKDOWN, WORK_BRIEFING, OTHER)
# Documents of state organs (PRC Copyright Law art. 5): the kinds that may be bundled as samples.
OFFICIAL_KINDS = (GOVERNMENT_REPORT, STATISTICAL_BULLETIN, PLAN_EXECUTION, TARGET_BREAKDOWN)
# Which source of an outcome is the better evidence, best first: a bulletin's final figure
# over a plan report's, over a work report's (often 预计), over a news summary's.
OUTCOME_EVIDENCE = (STATISTICAL_BULLETIN, PLAN_EXECUTION, GOVERNMENT_REPORT, TARGET_BREAKDOWN, WORK_BRIEFING,
                    REPORT_SUMMARY, OTHER)
# Kinds whose every figure is a final outcome for the document's own year.
OUTCOME_KINDS = (STATISTICAL_BULLETIN,)

# How far into the text the signs of a kind are looked for: titles, mastheads, first paragraphs.
HEAD_CHARS = 1500

_BULLETIN = re.compile(r"统计公报")
_BREAKDOWN = re.compile(r"(?:下达|分解|印发)[^。\n]{0,40}(?:计划|目标|任务)[^。\n]{0,20}(?:的)?通知"
                        r"|目标任务分解|任务分解(?:方案|表)")
_PLAN = re.compile(r"计划(?:\s*)执行情况|计划(?:\s*)[(（]?草案[)）]?(?:的)?报告|发展计划(?:的)?报告"
                   r"|发展计划(?:初步)?安排|计划草案")
_PART_YEAR_TITLE = re.compile(r"上半年|前三季度|一季度|[1一][-—至~到][0-9一二三四五六七八九十]{1,2}月")
_BRIEFING = re.compile(r"汇报如下|简要汇报|汇报完毕|工作汇报|情况汇报|作(?:一|个)?汇报")
_YEARBOOK = re.compile(r"年鉴")
# The report speaking for itself: the speaker addresses the deputies in the first person.
_FIRST_PERSON = re.compile(r"各位代表|我代表[^。\n]{0,12}(?:人民)?政府|向大会(?:作)?(?:政府工作)?报告(?:工作|政府工作)"
                           r"|今年政府工作的总体要求|政府工作的总体要求")
# Someone else telling what the report said.
_REPORTED = re.compile(
    r"(?:县长|区长|市长|旗长|书记)[^。，,\n]{0,6}(?:代表[^。\n]{0,10})?(?:向大会)?作(?:了)?《?政府工作报告》?"
    r"|所作的?(?:政府)?工作报告|政府工作报告(?:中|时)(?:提到|指出|介绍|表示)"
    r"|报告(?:指出|提出|显示|称|强调|介绍)|在作政府工作报告时|听取了?[^。\n]{0,16}工作报告"
    r"|(?:会议|大会)[^。\n]{0,6}(?:隆重)?开幕|两会|会议(?:指出|强调|提出)")
# A news item: a byline or a dateline ("本报讯", "记者", "通讯员"), not a mirror's "来源:" line.
_NEWS = re.compile(r"记者|[^\s，。,]{1,8}\d{0,2}月?\d{0,2}日?讯|通讯员|责任编辑|编辑[:：]|供图|人民网|新华网")
# Every match of _NEWS holds one of these: a substring test spares most texts the scan.
_NEWS_WORDS = ("记者", "讯", "编辑", "供图", "人民网", "新华网")
_TARGETS = re.compile(r"(?:主要)?预期目标|主要目标")
_WE = re.compile(r"我们|我县|我区|我市|我旗")
_SESSION = re.compile(r"人民代表大会|人大[^。\n]{0,6}会议|政府工作报告|两会")
_GOVERNMENT_SIGNS = re.compile(r"政府工作报告")


def classify_kind(text: str, title: str | None, has_meeting_line: bool,
                  several_counties: bool = False) -> str:
    """The ``doc_type`` of a (normalised, simplified) text, from its title and head."""
    head = text[:HEAD_CHARS]
    title = title or ""
    news = any(word in head for word in _NEWS_WORDS) and bool(_NEWS.search(head))
    reported = bool(_REPORTED.search(head)) or bool(_REPORTED.search(title))
    first_person = bool(_FIRST_PERSON.search(head))
    summary = (news or reported) and not (first_person and not reported) and bool(_SESSION.search(head + title))
    kind = _kind_from_title(title)
    if kind in (STATISTICAL_BULLETIN, PLAN_EXECUTION, TARGET_BREAKDOWN):
        return REPORT_SUMMARY if news and kind == STATISTICAL_BULLETIN else kind
    if kind == WORK_BRIEFING:
        return kind
    if several_counties:
        return REPORT_SUMMARY if reported else OTHER
    if kind == GOVERNMENT_REPORT:
        return REPORT_SUMMARY if summary or _summary_title(title) else GOVERNMENT_REPORT
    return _kind_from_body(head, text, first_person, summary or (news and _BULLETIN.search(head[:300]) is not None),
                           has_meeting_line)


def _kind_from_title(title: str) -> str | None:
    if _BREAKDOWN.search(title):
        return TARGET_BREAKDOWN
    if _BULLETIN.search(title):
        return STATISTICAL_BULLETIN
    if _PLAN.search(title):
        # 上半年计划执行情况: a part-year progress report on the year under way, not a plan report
        return WORK_BRIEFING if _PART_YEAR_TITLE.search(title) else PLAN_EXECUTION
    if "政府工作报告" in title or "工作报告" in title:
        return GOVERNMENT_REPORT
    if "汇报" in title:
        return WORK_BRIEFING
    return None


def _summary_title(title: str) -> bool:
    """"…政府工作报告摘要", "…会议开幕 X作政府工作报告": a title that reports on the report."""
    return bool(re.search(r"报告摘要|摘要$|解读|要点|一图读懂", title)) or bool(_REPORTED.search(title))


def _kind_from_body(head: str, text: str, first_person: bool, summary: bool, has_meeting_line: bool) -> str:
    if _BREAKDOWN.search(head):
        return TARGET_BREAKDOWN
    if _BULLETIN.search(head[:300]) or _looks_like_bulletin(head):
        return REPORT_SUMMARY if summary else STATISTICAL_BULLETIN
    if summary:  # before the plan signs: news of a session cites the plan report too
        return REPORT_SUMMARY
    if _PLAN.search(head):
        return PLAN_EXECUTION
    if _BRIEFING.search(text):
        return WORK_BRIEFING
    if _targets_told_of(head, first_person):
        return REPORT_SUMMARY
    if _YEARBOOK.search(head[:200]):
        return OTHER
    if first_person or has_meeting_line or _GOVERNMENT_SIGNS.search(head):
        return GOVERNMENT_REPORT
    return OTHER


def _targets_told_of(head: str, first_person: bool) -> bool:
    """Targets set out about the county in the third person, with nobody saying "we"."""
    return bool(_TARGETS.search(head)) and not first_person and not _WE.search(head)


# A bulletin without its title line: numbered sections 一、综合 and 初步核算 figures.
_BULLETIN_SECTION = re.compile(r"(?:^|\n|[。\s])一、?\s*综合")
_BULLETIN_WORDS = re.compile(r"初步核算|按可比价格?计算|按不变价格?计算|年末[^。]{0,10}常住人口")


def _looks_like_bulletin(head: str) -> bool:
    return bool(_BULLETIN_SECTION.search(head)) and bool(_BULLETIN_WORDS.search(head))
