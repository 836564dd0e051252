"""A person's review of a document's county, year or kind (待补充 on the 数据 page).

When identification leaves county or year unknown (or gets one wrong), an official sets
them on the 数据 page; the choice is appended to ``data/reference/document_reviews.csv``
(reviewed under version control, like value corrections) and applied to the document's
identity before extraction on every later build, so it survives rebuilds. Rows are keyed
by ``doc_id`` (the file's content), so renaming or moving the file keeps its review; the
last row for a document wins; an empty field leaves what identification found.
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

from pipeline import doc_kinds, settings
from pipeline.corrections import append_csv_row
from pipeline.identify.divisions import current_unit

REVIEWS_FILE = "document_reviews.csv"
COLUMNS = ("doc_id", "county", "report_year", "doc_type", "note", "author", "created_at")
SOURCE = "review"


class ReviewError(ValueError):
    """A review that cannot be recorded (the message is Chinese, for the app)."""


def reviews_path() -> Path:
    return settings.reference_file(REVIEWS_FILE)


def load_reviews(path: Path | None = None) -> dict[str, dict]:
    """doc_id → the last review recorded for it."""
    path = Path(path or reviews_path())
    if not path.exists():
        return {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    out: dict[str, dict] = {}
    for row in csv.DictReader(lines):
        if row.get("doc_id"):
            out[row["doc_id"]] = {k: (row.get(k) or "").strip() for k in COLUMNS}
    return out


def apply_review(identity, review: dict | None):
    """The identity with the reviewed fields set (sources ``review``); unchanged without a review."""
    if not review:
        return identity
    changes: dict = {}
    if review.get("county"):
        unit = current_unit(review["county"])
        changes.update(county=unit.name if unit else review["county"], city=unit.city if unit else None,
                       province=unit.province if unit else None, county_source=SOURCE, counties=(),
                       anonymised=False)
    if review.get("report_year"):
        changes.update(report_year=int(review["report_year"]), year_source=SOURCE)
    if review.get("doc_type"):
        changes.update(doc_type=review["doc_type"])
    return dataclasses.replace(identity, **changes)


def validate_review(record: dict) -> dict:
    clean = {k: str(record.get(k) or "").strip() for k in COLUMNS}
    if not clean["doc_id"]:
        raise ReviewError("缺少文档编号")
    if not (clean["county"] or clean["report_year"] or clean["doc_type"]):
        raise ReviewError("请至少填写县、年份或文档类型之一")
    if clean["report_year"] and not (clean["report_year"].isdigit() and 1949 <= int(clean["report_year"]) <= 2100):
        raise ReviewError(f"年份“{clean['report_year']}”不是 1949–2100 之间的年份")
    if clean["doc_type"] and clean["doc_type"] not in doc_kinds.DOC_KINDS:
        raise ReviewError(f"文档类型“{clean['doc_type']}”不在 {'、'.join(doc_kinds.DOC_KINDS)} 之中")
    if clean["county"] and not clean["county"].endswith(("县", "区", "市", "旗")):
        raise ReviewError(f"“{clean['county']}”不像县级行政区名称（应以县、区、市或旗结尾）")
    return clean


def append_review(record: dict, path: Path | None = None) -> dict:
    """Append one review atomically (temporary file renamed over the original); return it cleaned."""
    path = Path(path or reviews_path())
    clean = validate_review(record)
    append_csv_row(path, COLUMNS, clean)
    return clean
