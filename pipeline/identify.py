"""Normalised text → which county, which year, what kind of document.

``identify_document`` reads the title, the meeting line ("——2021年3月12日在浚县第十五届
人民代表大会第六次会议上") and the body, and names the county with the offline
administrative-division table shipped with cpca. A web page's own posting date is
never evidence: only years written as 年 in titles, meeting lines and section headings
count.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from pipeline.normalise import fold_width, join_spaced_han, to_simplified_if_traditional

GOVERNMENT_REPORT = "政府工作报告"
WORK_BRIEFING = "工作汇报"
OTHER = "其他"

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
# The first lines of a document that may hold its title.
TITLE_SEARCH_LINES = 15
MAX_TITLE_CHARS = 60
# A county needs at least this much evidence (see _score_counties) to be named.
MIN_COUNTY_SCORE = 3
STRONG_CONTEXT_SCORE = 5
TITLE_SCORE = 20
# Masked tokens (X县, XX, *) at least this often mark an anonymised template.
MIN_MASKED_TOKENS = 3


@dataclass(frozen=True)
class DocumentIdentity:
    county: str | None
    city: str | None
    province: str | None
    report_year: int | None
    doc_type: str  # 政府工作报告 | 工作汇报 | 其他
    anonymised: bool
    title: str | None
    delivered_year: int | None
    delivered_month: int | None


def identify_document(text: str, source_file: str, html_title: str | None = None) -> DocumentIdentity:
    """Identify a document from its (normalised) text; ``source_file`` is never parsed for facts."""
    del source_file  # file names are arbitrary: what a user called the file is not evidence
    text = to_simplified_if_traditional(fold_width(text))
    title = find_title(text, html_title)
    meeting = find_meeting_line(text)
    delivered = find_delivery_date(meeting, title)
    county, anonymised = find_county(text, title, meeting)
    return DocumentIdentity(
        county=county.name if county else None,
        city=county.city if county else None,
        province=county.province if county else None,
        report_year=find_report_year(text, title, delivered),
        doc_type=classify_document(text, title, meeting),
        anonymised=anonymised,
        title=title,
        delivered_year=delivered[0] if delivered else None,
        delivered_month=delivered[1] if delivered else None,
    )


# ---------------------------------------------------------------- title

_DOC_KEYWORD = re.compile(r"政府工作报告|工作报告|工作汇报|情况汇报|汇报|报告摘要")
_BOOK_TITLE = re.compile(r"《([^《》]{4,60})》")
_SENTENCE_PUNCTUATION = re.compile(r"[，,。；;！!？?]")
_FORUM_TAG = re.compile(r"^\s*(?:\[[^\]]{1,8}\]|#{1,6}\s|>\s)\s*")  # "[山东] …", markdown "# …"
_LEADING_DASHES = re.compile(r"^[—\-–―~～\s]+")
_FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|txt|html?|wps)\b", re.I)
_SITE_SEPARATOR = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")


def find_title(text: str, html_title: str | None) -> str | None:
    """The document's own title line, else the page title, cleaned."""
    candidates = [c for line in _head_lines(text) if (c := _title_candidate(line))]
    specific = [c for c in candidates if _is_specific_title(c)]
    if specific or candidates:
        return (specific or candidates)[0]
    return _clean_html_title(html_title)


def _head_lines(text: str) -> list[str]:
    lines = (join_spaced_han(line.strip()) for line in text.split("\n"))
    return [line for line in lines if line][:TITLE_SEARCH_LINES]


def _title_candidate(line: str) -> str | None:
    for inner in _BOOK_TITLE.findall(line):
        if _DOC_KEYWORD.search(inner):
            return clean_title(inner)
    if len(line) > MAX_TITLE_CHARS * 2 or not _DOC_KEYWORD.search(line):
        return None
    if _SENTENCE_PUNCTUATION.search(line):
        return None  # "我代表县人民政府向大会作政府工作报告，请予审议" is prose
    cleaned = clean_title(line)
    return cleaned if cleaned and len(cleaned) <= MAX_TITLE_CHARS else None


def clean_title(line: str) -> str:
    line = _FORUM_TAG.sub("", line)
    line = _LEADING_DASHES.sub("", line)
    line = _FILE_SUFFIX.sub("", line)
    line = join_spaced_han(re.sub(r"\s+", " ", line))
    return line.strip(" 《》")


def _is_specific_title(title: str) -> bool:
    """More than a bare "政府工作报告" or a section label like "工作报告"."""
    return len(_DOC_KEYWORD.sub("", title).strip(" ()（）")) >= 2


def _clean_html_title(html_title: str | None) -> str | None:
    if not html_title:
        return None
    parts = [clean_title(p) for p in _SITE_SEPARATOR.split(html_title) if p.strip()]
    parts = [p for p in parts if p]
    if not parts:
        return None
    return next((p for p in parts if _DOC_KEYWORD.search(p)), parts[0])


# ---------------------------------------------------------------- meeting line and dates

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR = r"(\d{4}|[〇零○一二三四五六七八九]{4})"
_MONTH = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_MEETING = re.compile(
    rf"(?:{_YEAR}\s*年\s*{_MONTH}\s*月[^在于。，,]{{0,12}})?[在于]\s*([^\n，,。在]{{0,30}}?)\s*"
    rf"第\s*[一二三四五六七八九十\d]+\s*届\s*人民代表大会"
)
_DATE = re.compile(rf"{_YEAR}\s*年\s*{_MONTH}\s*月")


@dataclass(frozen=True)
class MeetingLine:
    text: str
    place: str
    year: int | None
    month: int | None


def find_meeting_line(text: str) -> MeetingLine | None:
    """"——2021年3月12日在浚县第十五届人民代表大会…", the dated one first."""
    matches = list(_MEETING.finditer(text))
    if not matches:
        return None
    dated = [m for m in matches if m.group(1)]
    match = (dated or matches)[0]
    year = _parse_number(match.group(1)) if match.group(1) else None
    month = _parse_number(match.group(2)) if match.group(2) else None
    return MeetingLine(match.group(0), match.group(3).strip(), year, month)


def find_delivery_date(meeting: MeetingLine | None, title: str | None) -> tuple[int, int] | None:
    if meeting and meeting.year and meeting.month and _plausible_date(meeting.year, meeting.month):
        return meeting.year, meeting.month
    for match in _DATE.finditer(title or ""):
        year, month = _parse_number(match.group(1)), _parse_number(match.group(2))
        if _plausible_date(year, month):
            return year, month
    return None


def _plausible_date(year: int, month: int) -> bool:
    return 1949 <= year <= 2100 and 1 <= month <= 12


def _parse_number(token: str) -> int:
    """Arabic or Chinese numerals: 2021, 二〇二一, 十二."""
    if token.isdigit():
        return int(token)
    if "十" in token:  # month numerals: 十, 十一, 二十
        tens, _, units = token.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
    return int("".join(str(_CN_DIGITS[ch]) for ch in token))


# ---------------------------------------------------------------- report year

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(?:度)?")
_YEAR_FOR_PLAN = re.compile(
    r"((?:19|20)\d{2})年(?:全县|全区|全市|全旗|县政府|政府)?(?:经济社会发展|经济和社会发展)?的?"
    r"(?:主要预期目标|预期目标|主要目标|总体要求|重点工作|主要工作|工作安排|主要任务|目标任务|工作任务)"
)
_PLAN_AFTER_REVIEW = re.compile(r"提出((?:19|20)\d{2})年")
_YEAR_REVIEWED = re.compile(r"((?:19|20)\d{2})年(?:政府)?工作回顾|回顾(?:总结)?了?((?:19|20)\d{2})年")
# Months in which a report for the next year may already be delivered.
LATE_DELIVERY_MONTHS = range(10, 13)


def find_report_year(text: str, title: str | None, delivered: tuple[int, int] | None) -> int | None:
    """The year the report is for: title year, then delivery date, then section headings."""
    title_years = [int(y) for y in _TITLE_YEAR.findall(title or "")]
    if title_years:
        return max(title_years)
    if delivered:
        year, month = delivered
        return year + 1 if month in LATE_DELIVERY_MONTHS else year
    return _year_from_body(text)


def _year_from_body(text: str) -> int | None:
    votes: Counter[int] = Counter()
    votes.update(int(y) for y in _YEAR_FOR_PLAN.findall(text))
    votes.update(int(y) for y in _PLAN_AFTER_REVIEW.findall(text))
    for reviewed in _YEAR_REVIEWED.findall(text):
        votes.update(int(y) + 1 for y in reviewed if y)
    if not votes:
        return None
    return max(votes, key=lambda year: (votes[year], year))


# ---------------------------------------------------------------- document type

_GOVERNMENT_SIGNS = re.compile(r"向大会(?:作)?(?:政府工作)?报告工作|向大会作政府工作报告|政府工作报告")
_BRIEFING_SIGNS = re.compile(r"汇报如下|简要汇报|汇报完毕|工作汇报|情况汇报|作(?:一|个)?汇报")


def classify_document(text: str, title: str | None, meeting: MeetingLine | None) -> str:
    if title:
        if "政府工作报告" in title:
            return GOVERNMENT_REPORT
        if "汇报" in title:
            return WORK_BRIEFING
    if _BRIEFING_SIGNS.search(text):
        return WORK_BRIEFING
    if meeting or _GOVERNMENT_SIGNS.search(text):
        return GOVERNMENT_REPORT
    return OTHER


# ---------------------------------------------------------------- county


@dataclass(frozen=True)
class County:
    name: str
    code: str
    city: str | None
    province: str | None


_PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# County-level names that are also everyday nouns: they count only with strong context.
_GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区", "新城区", "老城区", "城关区", "市中区",
                            "城中区", "城东区", "城西区", "城南区", "城北区", "新华区", "长安区"})


@functools.lru_cache(maxsize=1)
def admin_divisions() -> dict[str, tuple[County, ...]]:
    """County-level divisions by full name (县, 区, 县级市, 旗), from cpca's offline table."""
    rows = _read_adcodes()
    names = {code: name for code, name in rows}
    by_name: dict[str, list[County]] = {}
    for code, name in rows:
        if code[4:6] == "00" or code[6:] != "000000" or name in _PLACEHOLDER_NAMES:
            continue
        province = names.get(code[:2] + "0" * 10, "")
        city = names.get(code[:4] + "0" * 8)
        if city in _PLACEHOLDER_NAMES or city is None:
            city = province if province.endswith("市") else None  # municipalities: 重庆市 忠县
        by_name.setdefault(name, []).append(County(name, code, city, province))
    return {name: tuple(sorted(found, key=lambda c: c.code)) for name, found in by_name.items()}


def _read_adcodes() -> list[tuple[str, str]]:
    source = resources.files("cpca").joinpath("resources", "adcodes.csv")
    with source.open(encoding="utf-8") as handle:
        return [(row["adcode"], row["name"]) for row in csv.DictReader(handle) if row["name"]]


@functools.lru_cache(maxsize=1)
def _higher_level_names() -> frozenset[str]:
    """Province and city names, matched too so that 天津市 is not read as 津市."""
    names = set()
    for code, name in _read_adcodes():
        if code[4:] == "0" * 8 and name not in _PLACEHOLDER_NAMES:
            names.add(name)
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern[str]:
    names = set(admin_divisions()) | _higher_level_names()
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(alternation)


_MASKED_COUNTY = re.compile(r"(?<![A-Za-z])(?:[Xx]{1,4}|\*{1,4}|×{1,4}|某|□{1,4}|○{2,4})(?:县|区|旗)")
_MASK_TOKEN = re.compile(rf"(?<![A-Za-z])(?:[Xx]{{1,4}}|\*{{1,4}}|×{{2,4}})(?=[{HAN}%.:])")
_STRONG_AFTER = re.compile(r"(?:人民政府|人民代表大会|县委|区委|市委|旗委|县长|区长|市长|旗长|政府|委员会)")
# A two-character name (浚县, 和县, 高县) inside a word is not a place: 提高县域, 乡镇和县直.
_SHORT_NAME_BEFORE_OK = set("在于是对向省市州和与及的为把将")
_SHORT_NAME_AFTER_BAD = set("域级直")
_SELF_REFERENCE = re.compile(r"(?:我|全|本)(县|区|旗)")


def find_county(text: str, title: str | None, meeting: MeetingLine | None) -> tuple[County | None, bool]:
    """The county the document is about, and whether its name is masked."""
    if _MASKED_COUNTY.search(title or "") or (meeting and _MASKED_COUNTY.search(meeting.place)):
        return None, True
    scores = _score_counties(text, title, meeting)
    masked_mentions = len(_MASKED_COUNTY.findall(text))
    if scores:
        name = _best_county(scores, _self_reference_suffix(text))
        if scores[name] >= MIN_COUNTY_SCORE and scores[name] > masked_mentions:
            return _resolve_ambiguous(name, text), False
    masked = masked_mentions > 0 or len(_MASK_TOKEN.findall(text)) >= MIN_MASKED_TOKENS
    if not masked:
        unlisted = _unlisted_county(title, meeting, text)
        if unlisted:
            return County(unlisted, "", None, _province_hint(title, text)), False
    return None, masked


# The division data predates recent renamings (撤县设区, 撤县设市): a county named by the
# report's own title, meeting line or signature is kept, with city and province unknown.
_NAME = rf"[{HAN}]{{1,8}}(?:县|区|旗)"
_UNLISTED_PATTERNS = (
    re.compile(rf"({_NAME})第[{HAN}0-9]{{1,4}}届人民代表大会"),
    re.compile(rf"({_NAME})(?:人民政府)?(?:政府工作报告|工作汇报|情况汇报)"),
    re.compile(rf"({_NAME})(?:人民政府)?(?:代)?(?:县长|区长|旗长)"),
)
# Words that end a run of characters before a place name: 在示例县, 2022年示例县.
_NOT_IN_NAME = re.compile(r"[在于的和及与是年届次全我该某各日月会上向对省市]|自治区")
_TITLE_ONLY_PATTERN = re.compile(rf"({_NAME})(?:19|20)\d\d年|(?:19|20)\d\d年({_NAME})")
_SELF_NAMES = frozenset({"本县", "全县", "我县", "本区", "全区", "我区", "本旗", "全旗"})


def _unlisted_county(title: str | None, meeting: MeetingLine | None, text: str) -> str | None:
    sources = [meeting.text if meeting else "", title or "", text[:2000]]
    candidates = [(pattern, source) for pattern in _UNLISTED_PATTERNS for source in sources]
    candidates += [(_TITLE_ONLY_PATTERN, title or "")]
    for pattern, source in candidates:
        for match in pattern.finditer(source):
            found = next(g for g in match.groups() if g)
            name = _NOT_IN_NAME.split(found)[-1]
            if len(name) >= 2 and name not in _GENERIC_NAMES and name not in _SELF_NAMES:
                return name
    return None


def _province_hint(title: str | None, text: str) -> str | None:
    """湖南省澄溪县…, [河北] 2020年…: a province named at the head of the document."""
    head = f"{title or ''}\n{text[:300]}"
    for province in _province_names():
        if province in head or f"[{_short(province)}]" in head or f"({_short(province)}" in head:
            return province
    return None


@functools.lru_cache(maxsize=1)
def _province_names() -> tuple[str, ...]:
    return tuple(sorted(name for code, name in _read_adcodes() if code[2:] == "0" * 10))


def _score_counties(text: str, title: str | None, meeting: MeetingLine | None) -> Counter[str]:
    """Evidence per county name: title and meeting line, government context, then frequency."""
    scores: Counter[str] = Counter()
    for name in _county_mentions(title or ""):
        scores[name] += TITLE_SCORE
    for name in _county_mentions(meeting.place if meeting else ""):
        scores[name] += TITLE_SCORE
    for match in _county_matches(text):
        name = match.group(0)
        if _STRONG_AFTER.match(text, match.end()):
            scores[name] += STRONG_CONTEXT_SCORE
        elif name not in _GENERIC_NAMES:
            scores[name] += 1
    return scores


def _best_county(scores: Counter[str], self_suffix: str | None) -> str:
    """Highest score; on a tie, the one whose kind matches how the text says "we" (全县, 全区)."""

    def rank(item: tuple[str, int]) -> tuple[int, bool, str]:
        name, score = item
        return score, bool(self_suffix and name.endswith(self_suffix)), name

    return max(scores.items(), key=rank)[0]


def _county_mentions(text: str) -> list[str]:
    return [m.group(0) for m in _county_matches(text)]


def _county_matches(text: str) -> list[re.Match[str]]:
    divisions = admin_divisions()
    found = []
    for match in _place_pattern().finditer(text):
        name = match.group(0)
        if name in divisions and _is_standalone_mention(text, match):
            found.append(match)
    return found


def _is_standalone_mention(text: str, match: re.Match[str]) -> bool:
    if len(match.group(0)) > 2:
        return True
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if after in _SHORT_NAME_AFTER_BAD:
        return False
    if before == "年":  # "2023年浚县…" is a title; "千年古县" is an honour
        return match.start() >= 2 and text[match.start() - 2].isdigit()
    return not re.match(rf"[{HAN}]", before) or before in _SHORT_NAME_BEFORE_OK


def _self_reference_suffix(text: str) -> str | None:
    counts = Counter(_SELF_REFERENCE.findall(text))
    return counts.most_common(1)[0][0] if counts else None


def _resolve_ambiguous(name: str, text: str) -> County:
    """Several counties share a name (南山区, 和平区): the one whose city or province is mentioned."""
    candidates = admin_divisions()[name]
    if len(candidates) == 1:
        return candidates[0]

    def context_mentions(county: County) -> int:
        return sum(text.count(_short(n)) for n in (county.city, county.province) if n)

    ranked = sorted(candidates, key=context_mentions, reverse=True)
    if context_mentions(ranked[0]) > context_mentions(ranked[1]):
        return ranked[0]
    return County(name, "", None, None)


_ADMIN_SUFFIX = re.compile(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|盟)$")


def _short(name: str) -> str:
    """鹤壁市 → 鹤壁, 广西壮族自治区 → 广西: the form reports use in running text."""
    if name.endswith("自治州"):
        return name[:2]  # 甘孜藏族自治州 → 甘孜
    short = _ADMIN_SUFFIX.sub("", name)
    return short if len(short) >= 2 else name
