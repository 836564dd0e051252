"""Which county a document is about, from every piece of evidence, and which one decided.

``county_source``, strongest first: ``title``, ``meeting_line``, ``body`` (government
context and frequency), ``html_title``, ``masthead`` (XX县融媒体中心, XX新闻网: page chrome,
weaker than the body), ``body`` again for a single weak mention that agrees with how the
text says "we" (全县, 我区), then ``folder`` and ``file_name`` (what a user typed: weakest).
An article giving figures for several counties of one city is ``several``: its facts are
attributed sentence by sentence (``pipeline.attribution``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.identify.dates import MeetingLine
from pipeline.identify.divisions import GENERIC_NAMES, County, Mention, admin_divisions, find_places, former_names
from pipeline.identify.divisions import short_form as short_form_of
from pipeline.identify.text import HAN

# A county needs at least this much body evidence (see score_counties) to be named from it.
MIN_COUNTY_SCORE = 3
STRONG_CONTEXT_SCORE = 5
# Counties with figures of their own that make an article a several-county one.
MIN_SEVERAL_COUNTIES = 3
# Counties of several cities with figures of their own that make an article a provincial ranking.
MIN_RANKING_COUNTIES = 4
# How a county's own text says "we"; 我市 is left out: a city's media say it of the city in a roundup.
_WE = re.compile(r"(?:我|本)(?:县|区|旗)")
_WHOLE_COUNTY = re.compile(r"全(?:县|区|旗)")
MAX_WHOLE_COUNTY_IN_ROUNDUP = 2
# Masked tokens (X县, XX, *) at least this often mark an anonymised template.
MIN_MASKED_TOKENS = 3

# Not after a Latin letter; each branch opens with its mask character before that lookbehind,
# so the regex engine skips ahead to the next mask character instead of trying every position.
_MASKED_COUNTY = re.compile(r"(?:[Xx](?<![A-Za-z][Xx])[Xx]{0,3}|\*(?<![A-Za-z]\*)\*{0,3}|×(?<![A-Za-z]×)×{0,3}"
                            r"|某(?<![A-Za-z]某)|□(?<![A-Za-z]□)□{0,3}|○(?<![A-Za-z]○)○{1,3})(?:县|区|旗)")
_MASK_TOKEN = re.compile(rf"(?:[Xx](?<![A-Za-z][Xx])[Xx]{{0,3}}|\*(?<![A-Za-z]\*)\*{{0,3}}|×(?<![A-Za-z]×)×{{1,3}})(?=[{HAN}%.:])")
_STRONG_AFTER = re.compile(r"(?:人民政府|人民代表大会|人大|县委|区委|市委|旗委|县长|区长|市长|旗长|政府|委员会|委[、，,])")
# A two-character name (浚县, 和县, 高县) inside a word is not a place: 提高县域, 乡镇和县直.
_SHORT_NAME_BEFORE_OK = set("在于是对向省市州和与及的为把将")
_SHORT_NAME_AFTER_BAD = set("域级直")
_SELF_REFERENCE = re.compile(r"(?:我|全|本)(县|区|旗|市)")
# Page chrome that names its site's county: 武义新闻网, 长丰县融媒体中心, 宁陕县人民政府 >>.
_MASTHEAD = re.compile(rf"([{HAN}]{{2,10}}?)(?:县|区|市|旗)?(?:融媒体中心|融媒|新闻网|新闻中心|发布|电视台|广播电视台|日报|报社"
                       r"|人民政府网|政府网|人民政府\s*[>＞»])")
_FIGURE = re.compile(r"\d[\d.,]*\s*(?:亿|万|%|％|个百分点)")


@dataclass(frozen=True)
class CountyFinding:
    county: County | None
    source: str | None
    anonymised: bool
    written: str | None = None  # the name as the document writes it (a former name, a short form)
    several: tuple[County, ...] = ()


def find_county(text: str, title: str | None, meeting: MeetingLine | None,
                html_title: str | None = None, source_file: str = "") -> CountyFinding:
    """The county the document is about, and whether its name is masked."""
    if _MASKED_COUNTY.search(title or "") or (meeting and _MASKED_COUNTY.search(meeting.place)):
        return CountyFinding(None, None, True)
    suffix = _self_reference_suffix(text)
    for source, part in (("title", title or ""), ("meeting_line", meeting.place if meeting else "")):
        found = _named_in(part, text, suffix, allow_generic=True)  # a title's 城关区 is the county
        if found:
            return CountyFinding(found[0], source, False, found[1])
    several = several_counties(text)
    if several:
        return CountyFinding(None, "several", False, several=several)
    scores, written = score_counties(text)
    masked_mentions = len(_MASKED_COUNTY.findall(text))
    best = _best_county(scores, suffix) if scores else None
    if best and scores[best] >= MIN_COUNTY_SCORE and scores[best] > masked_mentions:
        return CountyFinding(_resolve_ambiguous(best, text), "body", False, written.get(best))
    masked = masked_mentions > 0 or len(_MASK_TOKEN.findall(text)) >= MIN_MASKED_TOKENS
    if masked:
        return CountyFinding(None, None, True)
    for source, part in (("html_title", html_title or ""), ("masthead", _masthead_text(text))):
        found = _named_in(part, text, suffix, allow_short=True)
        if found:
            return CountyFinding(found[0], source, False, found[1])
    if best and _agrees_with_self_reference(best, scores, suffix):
        return CountyFinding(_resolve_ambiguous(best, text), "body", False, written.get(best))
    unlisted = _unlisted_county(title, meeting, text)
    if unlisted:
        return CountyFinding(County(unlisted[0], "", None, _province_hint(title, text)), unlisted[1], False)
    from_path = _from_path(source_file, text)
    if from_path.county is None:
        return _short_form_in_a_slogan(text, suffix) or from_path
    return from_path


def _short_form_in_a_slogan(text: str, suffix: str | None) -> CountyFinding | None:
    """建设新大兴, 凝聚正定力量: a page (a later page of a report) that names its county only inside
    a slogan. The weakest body evidence, taken only when nothing else names a county: one county
    alone, of the kind the text calls itself (全区, 全县), whose city or province the text names too."""
    if not suffix:
        return None
    found = {m.place.counties[0] for m in find_places(text)
             if m.place.kind == "short" and len(m.place.counties) == 1}
    found = {county for county in found if county.name.endswith(suffix) and _context_named(county, text)}
    if len(found) != 1:
        return None  # none, or several (和安 inside 发展和安全 is no place): nothing to go by
    county = found.pop()
    return CountyFinding(county, "body", False, short_form_of(county.name))


def _context_named(county: County, text: str) -> bool:
    return any(_short(name) in text for name in (county.city, county.province) if name)


def _named_in(part: str, text: str, suffix: str | None, allow_short: bool = False,
              allow_generic: bool = False) -> tuple[County, str] | None:
    """The county a title-like snippet names (the most specific one)."""
    mentions = [m for m in find_places(part) if m.place.kind in ("county", "former")
                or (allow_short and m.place.kind == "short")]
    if not mentions and not allow_short:
        mentions = [m for m in find_places(part) if m.place.kind == "short" and _title_short_ok(part, m)]
    mentions = [m for m in mentions if _is_standalone_mention(part, m) and (allow_generic or m.name not in GENERIC_NAMES)
                or m.place.kind != "short" and _strong_after(part, m)]
    if not mentions:
        return None
    mention = mentions[0]
    county = _resolve(mention, text)
    return county, mention.name


def _title_short_ok(part: str, mention: Mention) -> bool:
    """"延庆2024年…", "【海淀区】"-less headings: a short form followed by a year or the county's words."""
    return bool(re.match(r"\s*(?:(?:19|20)\d\d|[:：]|县|区|市|旗)", part[mention.end:]))


def _resolve(mention: Mention, text: str) -> County:
    counties = mention.place.counties
    if len(counties) == 1:
        return counties[0]
    return _pick_by_context(counties, mention.name, text)


# ---------------------------------------------------------------- body evidence


def score_counties(text: str) -> tuple[Counter[str], dict[str, str]]:
    """Evidence per current county name: government context, then frequency; short forms weakly."""
    scores: Counter[str] = Counter()
    written: dict[str, str] = {}
    short_counts: Counter[str] = Counter()
    for mention in find_places(text):
        kind = mention.place.kind
        if kind == "higher" or not _is_standalone_mention(text, mention):
            continue
        name = _current_name(mention)
        if name is None:
            continue
        if mention.name != name:
            written.setdefault(name, mention.name)
        if kind == "short":
            short_counts[name] += 1
        elif _strong_after(text, mention) or _is_heading(text, mention):
            scores[name] += STRONG_CONTEXT_SCORE
        elif mention.name not in GENERIC_NAMES:
            scores[name] += 1
    for name, count in short_counts.items():
        scores[name] += (count + 1) // 2  # 晋江 … 晋江: short forms weigh half a full name
    return +scores, written


def _is_heading(text: str, mention: Mention) -> bool:
    """A line that is the county's name alone, "【延庆区】": the heading of its section."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    return line.strip(" 【】[]()（）<>《》") == mention.name


def _current_name(mention: Mention) -> str | None:
    counties = mention.place.counties
    names = {c.name for c in counties}
    return next(iter(names)) if len(names) == 1 else None


def _strong_after(text: str, mention: Mention) -> bool:
    return bool(_STRONG_AFTER.match(text, mention.end))


def _agrees_with_self_reference(best: str, scores: Counter[str], suffix: str | None) -> bool:
    """One weak candidate, of the kind the text calls itself (全县 … 黄陵县)."""
    others = [n for n in scores if n != best and scores[n] > 0]
    return bool(suffix) and best.endswith(suffix) and scores[best] >= 1 and not others


def _best_county(scores: Counter[str], self_suffix: str | None) -> str:
    """Highest score; on a tie, the one whose kind matches how the text says "we" (全县, 全区)."""

    def rank(item: tuple[str, int]) -> tuple[int, bool, str]:
        name, score = item
        return score, bool(self_suffix and name.endswith(self_suffix)), name

    return max(scores.items(), key=rank)[0]


def _is_standalone_mention(text: str, mention: Mention) -> bool:
    if len(mention.name) > 2:
        return True
    before = text[mention.start - 1] if mention.start else ""
    after = text[mention.end] if mention.end < len(text) else ""
    if after in _SHORT_NAME_AFTER_BAD:
        return False
    if before == "年":  # "2023年浚县…" is a title; "千年古县" is an honour
        return mention.start >= 2 and text[mention.start - 2].isdigit()
    return not re.match(rf"[{HAN}]", before) or before in _SHORT_NAME_BEFORE_OK


def _self_reference_suffix(text: str) -> str | None:
    counts = Counter(_SELF_REFERENCE.findall(text))
    if any(counts.get(kind) for kind in ("县", "区", "旗")):
        counts.pop("市", None)  # beside 全县, 全市 is the city above
    return counts.most_common(1)[0][0] if counts else None


def _masthead_text(text: str) -> str:
    return " ".join(m.group(0) for m in _MASTHEAD.finditer(text[:3000]))


# ---------------------------------------------------------------- several counties


def several_counties(text: str) -> tuple[County, ...]:
    """The counties of one city an article gives figures for, in order of first mention.

    A text that speaks as one county (我区, 本县, 全区 … twice) is that county's own, however
    many neighbours it compares itself with: a roundup speaks of each county by name."""
    if _WE.search(text) or len(_WHOLE_COUNTY.findall(text)) >= MAX_WHOLE_COUNTY_IN_ROUNDUP:
        return ()
    with_figures: dict[str, tuple[County, ...]] = {}
    for _, sentence in _sentences(text):
        if not _FIGURE.search(sentence):
            continue
        for mention in find_places(sentence):
            kind = mention.place.kind
            if kind == "higher" or (kind != "short" and not _is_standalone_mention(sentence, mention)):
                continue
            with_figures.setdefault(_current_name(mention) or mention.name, mention.place.counties)
    if len(with_figures) < MIN_SEVERAL_COUNTIES:
        return ()
    cities = Counter(city for found in with_figures.values() for city in {c.city for c in found})
    city, count = cities.most_common(1)[0]
    if city is not None and count >= MIN_SEVERAL_COUNTIES:
        return tuple(next(c for c in found if c.city == city)
                     for found in with_figures.values() if any(c.city == city for c in found))
    # Counties of many cities: a provincial ranking, when nobody in it speaks for a county of
    # their own (a county's report compares itself with its neighbours, and says 我县).
    unique = tuple(found[0] for found in with_figures.values() if len(found) == 1)
    if len(unique) >= MIN_RANKING_COUNTIES:
        return unique
    return ()


_SENTENCE_END = re.compile(r"[。！？!?\n；;]")


def _sentences(text: str):
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, text[start:match.end()]
        start = match.end()
    if start < len(text):
        yield start, text[start:]


# ---------------------------------------------------------------- names the table lacks


# A county named by the report's own title, meeting line or signature is kept even when the
# division data lacks it, with city and province unknown.
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


def _unlisted_county(title: str | None, meeting: MeetingLine | None, text: str) -> tuple[str, str] | None:
    sources = [("meeting_line", meeting.text if meeting else ""), ("title", title or ""), ("body", text[:2000])]
    candidates = [(pattern, source) for pattern in _UNLISTED_PATTERNS for source in sources]
    candidates += [(_TITLE_ONLY_PATTERN, ("title", title or ""))]
    for pattern, (label, source) in candidates:
        for match in pattern.finditer(source):
            found = next(g for g in match.groups() if g)
            name = _NOT_IN_NAME.split(found)[-1]
            if len(name) >= 2 and name not in GENERIC_NAMES and name not in _SELF_NAMES:
                return name, label
    return None


def _province_hint(title: str | None, text: str) -> str | None:
    """湖南省澄溪县…, [河北] 2020年…: a province named at the head of the document."""
    head = f"{title or ''}\n{text[:300]}"
    for province in _province_names():
        if province in head or f"[{_short(province)}]" in head or f"({_short(province)}" in head:
            return province
    return None


def _province_names() -> tuple[str, ...]:
    return tuple(sorted({c.province for found in admin_divisions().values() for c in found if c.province}))


# ---------------------------------------------------------------- file name and folders


def _from_path(source_file: str, text: str) -> CountyFinding:
    """霸州市/2022年政府工作报告.docx: a full county name in the folders, then in the file name."""
    parts = [p for p in re.split(r"[\\/]", source_file or "") if p]
    for source, part in (("folder", "/".join(parts[:-1])), ("file_name", parts[-1] if parts else "")):
        mentions = [m for m in find_places(part) if m.place.kind in ("county", "former")
                    and m.name not in GENERIC_NAMES]
        if mentions:
            return CountyFinding(_resolve(mentions[-1], text), source, False, mentions[-1].name)
    return CountyFinding(None, None, False)


# ---------------------------------------------------------------- shared names


def _resolve_ambiguous(name: str, text: str) -> County:
    """Several counties share a name (南山区, 和平区): the one whose city or province is mentioned."""
    candidates = admin_divisions().get(name) or former_names().get(name) or ()
    if len(candidates) == 1:
        return candidates[0]
    return _pick_by_context(candidates, name, text)


def _pick_by_context(candidates: tuple[County, ...], name: str, text: str) -> County:
    def context_mentions(county: County) -> int:
        return sum(text.count(_short(n)) for n in (county.city, county.province) if n)

    ranked = sorted(candidates, key=context_mentions, reverse=True)
    if len(ranked) > 1 and context_mentions(ranked[0]) > context_mentions(ranked[1]):
        return ranked[0]
    if len({c.name for c in ranked}) == 1:
        return County(ranked[0].name, "", None, None)
    return ranked[0] if ranked else County(name, "", None, None)


_ADMIN_SUFFIX = re.compile(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|盟)$")


def _short(name: str) -> str:
    """鹤壁市 → 鹤壁, 广西壮族自治区 → 广西: the form reports use in running text."""
    if name.endswith("自治州"):
        return name[:2]  # 甘孜藏族自治州 → 甘孜
    short = _ADMIN_SUFFIX.sub("", name)
    return short if len(short) >= 2 else name
