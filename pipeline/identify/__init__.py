"""Normalised text → which county, which year, what kind of document, and why.

``identify_document`` reads the title, the meeting line ("——2021年3月12日在浚县第十五届
人民代表大会第六次会议上"), the body, the page's HTML title and masthead, and last the
file's name and folders; it names the county with the offline administrative-division
data (``divisions``) and records which evidence decided county and year
(``county_source``, ``year_source``) so that a reviewer sees why.

Parts: ``text`` (what identification reads), ``title``, ``dates`` (meeting line and
delivery date), ``year``, ``county``, ``divisions``; the document kinds live in
``pipeline.doc_kinds``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline import doc_kinds
from pipeline.identify.county import CountyFinding, find_county
from pipeline.identify.dates import MeetingLine, find_delivery_date, find_meeting_line
from pipeline.identify.divisions import County, admin_divisions, current_unit, find_places
from pipeline.identify.text import prepare
from pipeline.identify.title import clean_title, find_title
from pipeline.identify.year import find_report_year

__all__ = ["DocumentIdentity", "identify_document", "admin_divisions", "County", "MeetingLine",
           "find_title", "clean_title", "find_meeting_line", "find_places", "current_unit"]

SEVERAL_SEPARATOR = ";"


@dataclass(frozen=True)
class DocumentIdentity:
    county: str | None  # several counties (an article covering them) are joined by ";"
    city: str | None
    province: str | None
    report_year: int | None
    doc_type: str  # one of pipeline.doc_kinds.DOC_KINDS
    anonymised: bool
    title: str | None
    delivered_year: int | None
    delivered_month: int | None
    county_source: str | None = None  # title | meeting_line | body | html_title | masthead | several | folder | file_name
    year_source: str | None = None  # delivery_date | title | html_title | plan_term | sections | body | file_name | folder | masked
    county_as_written: str | None = None  # a former name (綦江县) or short form (晋江) the text used
    counties: tuple[str, ...] = ()  # the counties of an article covering several


def identify_document(text: str, source_file: str, html_title: str | None = None) -> DocumentIdentity:
    """Identify a document from its (normalised) text; ``source_file`` is the weakest evidence."""
    text = prepare(text)
    html_title = prepare(html_title) if html_title else None
    own_title = find_title(text, None)
    title = own_title or find_title(text, html_title)  # the page title is chrome: weaker than the body
    meeting = find_meeting_line(text)
    delivered = find_delivery_date(text, meeting, title)
    found = find_county(text, own_title, meeting, html_title, source_file)
    several = bool(found.several)
    kind = doc_kinds.classify_kind(text, title, meeting is not None, several)
    year_kind = doc_kinds.OTHER if several else kind
    year, year_source = find_report_year(text, title, delivered, year_kind, source_file)
    if year_source == "title" and not own_title:
        year_source = "html_title"
    county, city, province = _place_columns(found)
    return DocumentIdentity(
        county=county, city=city, province=province,
        report_year=year,
        doc_type=kind,
        anonymised=found.anonymised,
        title=title,
        delivered_year=delivered[0] if delivered else None,
        delivered_month=delivered[1] if delivered else None,
        county_source=found.source,
        year_source=year_source if year is not None or year_source == "masked" else None,
        county_as_written=found.written if found.county and found.written != found.county.name else None,
        counties=tuple(c.name for c in found.several),
    )


def _place_columns(found: CountyFinding) -> tuple[str | None, str | None, str | None]:
    if found.several:
        cities = {c.city for c in found.several}
        provinces = {c.province for c in found.several}
        return (SEVERAL_SEPARATOR.join(c.name for c in found.several),
                cities.pop() if len(cities) == 1 else None,
                provinces.pop() if len(provinces) == 1 else None)
    if found.county is None:
        return None, None, None
    return found.county.name, found.county.city, found.county.province
