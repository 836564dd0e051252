"""Reviewed corrections to extracted facts: correct, hide or add a value.

Officials who find a wrong, missing or spurious figure record a correction from the
app; it is appended to ``data/reference/corrections.csv`` (a reviewed file under
version control), survives rebuilds, and is applied by the build after extraction.
The functions here are pure apart from ``load_corrections`` / ``append_correction``:
``apply_corrections`` takes and returns DataFrames and never touches the disk.

Actions
-------
``correct``  sets value / unit / qualifier of the fact with ``fact_id``; ``corrected="corrected"``.
``hide``     drops the fact with ``fact_id``.
``add``      appends a fact ``manual:<n>`` (n = the correction's 1-based row in the file) for
             ``doc_id``; ``corrected="added"``; the note becomes the sentence when none is known.
``choose``   of several different documents of one kind for one county and year, use ``doc_id``
             for pairing (``pipeline/conflicts.py``); it changes no fact, so ``apply_corrections``
             skips it and ``chosen_documents`` reads it.

``apply_corrections`` returns ``(indicators, problems)``: the corrected frame (conforming to
the indicators contract) and one Chinese sentence per correction that could not be applied
(its fact no longer exists after a rebuild, or its document is gone). Problems are
reported, never fatal; the build adds them to its warnings. (This is the shape the build
orchestrator on main unpacks.)

Applying is idempotent: applying the same corrections to an already corrected frame gives
the same frame, so the app may apply them on top of tables a build already corrected.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import os
import tempfile
from pathlib import Path

import pandas as pd

from pipeline import contracts

log = logging.getLogger(__name__)

COLUMNS = (
    "action",
    "fact_id",
    "doc_id",
    "indicator",
    "measure",
    "kind",
    "period",
    "scope",
    "value",
    "unit",
    "qualifier",
    "note",
    "author",
    "created_at",
)
ACTIONS = ("correct", "hide", "add", "choose")
QUALIFIERS = ("about", "at_least", "at_most", "range", "exact")


class CorrectionError(ValueError):
    """A correction record cannot be stored (unknown action, missing field)."""


def empty_corrections() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})


def file_digest(path: Path) -> str:
    """sha256 of the corrections file's bytes (``"absent"`` when there is none): the build records
    the digest of the corrections it applied, so the app can tell whether the pairs it reads
    from the build are still current (``dashboard.data.load_targets_vs_outcomes``)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return "absent"


def load_corrections(path: Path) -> pd.DataFrame:
    """Read the corrections file; a missing file means no corrections.

    Lines starting with ``#`` are comments. Every column is read as text; ``value`` and
    ``period`` are parsed when applied. The row number (``n``, 1-based over data rows)
    names added facts and stays stable because the file is only ever appended to.
    """
    path = Path(path)
    if not path.exists():
        frame = empty_corrections()
        frame.insert(0, "n", pd.Series(dtype="Int64"))
        return frame
    frame = pd.read_csv(path, dtype="string", comment="#", keep_default_na=False, na_values=[""])
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise CorrectionError(f"{path.name}: missing columns {missing}")
    frame = frame[list(COLUMNS)].copy()
    frame.insert(0, "n", pd.array(range(1, len(frame) + 1), dtype="Int64"))
    frame["action"] = frame["action"].str.strip().str.lower()
    return frame


def _number(text) -> float | None:
    if text is None or pd.isna(text) or str(text).strip() == "":
        return None
    try:
        return float(str(text).strip())
    except ValueError:
        return None


def _integer(text) -> int | None:
    number = _number(text)
    return int(number) if number is not None else None


def _text(value) -> str | None:
    if value is None or pd.isna(value) or str(value).strip() == "":
        return None
    return str(value).strip()


def unmatched_corrections(indicators: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """Corrections that cannot be applied: their fact is gone, or an ``add`` names no document."""
    if corrections.empty:
        return corrections.iloc[0:0]
    facts = set(indicators["fact_id"].dropna())
    bad = []
    for _, row in corrections.iterrows():
        action = row["action"]
        if action in ("correct", "hide"):
            bad.append(_text(row["fact_id"]) not in facts)
        elif action in ("add", "choose"):
            bad.append(_text(row["doc_id"]) is None)
        else:
            bad.append(True)
    return corrections[pd.Series(bad, index=corrections.index, dtype=bool)]


def apply_corrections(
    indicators: pd.DataFrame,
    corrections: pd.DataFrame,
    documents: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Return ``(indicators with the corrections applied, problems)``.

    The frame conforms to the indicators contract. ``documents`` (optional) supplies
    county/province/year/source for facts added to a document that has no extracted fact
    yet. ``problems`` holds one sentence per correction that could not be applied.
    """
    if corrections is None or corrections.empty:
        return contracts.conform(indicators.copy(), "indicators"), []
    if "n" not in corrections.columns:
        corrections = corrections.copy()
        corrections.insert(0, "n", range(1, len(corrections) + 1))
    frame = indicators.copy()
    unmatched: list[dict] = []
    added_rows: list[dict] = []
    for _, row in corrections.iterrows():
        action = _text(row["action"])
        fact_id = _text(row["fact_id"])
        if action in ("correct", "hide"):
            hit = frame["fact_id"] == fact_id
            if not hit.any():
                unmatched.append({"n": int(row["n"]), "action": action, "fact_id": fact_id})
                continue
            if action == "hide":
                frame = frame[~hit]
                continue
            value = _number(row["value"])
            if value is not None:
                frame.loc[hit, "value"] = value
                frame.loc[hit, "masked"] = False
            for column in ("unit", "qualifier"):
                text = _text(row[column])
                if text is not None:
                    frame.loc[hit, column] = text
            frame.loc[hit, "corrected"] = "corrected"
        elif action == "add":
            new = _added_fact(row, frame, documents)
            if new is None:
                unmatched.append({"n": int(row["n"]), "action": action, "fact_id": fact_id})
                continue
            frame = frame[frame["fact_id"] != new["fact_id"]]
            added_rows.append(new)
        elif action == "choose":
            continue  # a choice between documents, read by chosen_documents()
        else:
            unmatched.append({"n": int(row["n"]), "action": action, "fact_id": fact_id})
    if added_rows:
        added = pd.DataFrame(added_rows, columns=contracts.INDICATORS.column_names)
        frame = pd.concat([frame, contracts.conform(added, "indicators")], ignore_index=True)
    problems = []
    for item in unmatched:
        log.warning("correction %(n)s (%(action)s %(fact_id)s) matches no fact", item)
        problems.append(
            f"更正第 {item['n']} 条（{item['action']} {item['fact_id'] or ''}）没有找到对应的数值或文档，未应用"
        )
    return contracts.conform(frame.reset_index(drop=True), "indicators"), problems


def _added_fact(row: pd.Series, indicators: pd.DataFrame, documents: pd.DataFrame | None) -> dict | None:
    doc_id = _text(row["doc_id"])
    if doc_id is None:
        return None
    context: dict = {}
    same_doc = indicators[indicators["doc_id"] == doc_id]
    if not same_doc.empty:
        first = same_doc.iloc[0]
        context = {k: first[k] for k in ("source_file", "county", "province", "report_year")}
    elif documents is not None and not documents.empty:
        doc = documents[documents["doc_id"] == doc_id]
        if not doc.empty:
            first = doc.iloc[0]
            context = {k: first[k] for k in ("source_file", "county", "province", "report_year")}
    if not context:
        return None
    period = _integer(row["period"])
    if period is None and context.get("report_year") is not None and not pd.isna(context["report_year"]):
        period = int(context["report_year"])
    note = _text(row["note"])
    value = _number(row["value"])
    return {
        "fact_id": f"manual:{int(row['n'])}",
        "doc_id": doc_id,
        "source_file": context.get("source_file"),
        "county": context.get("county"),
        "province": context.get("province"),
        "report_year": context.get("report_year"),
        "indicator": _text(row["indicator"]),
        "measure": _text(row["measure"]) or "level",
        "kind": _text(row["kind"]) or "actual",
        "estimated": False,
        "period": period,
        "period_start": period,
        "period_end": period,
        "scope": _text(row["scope"]) or "annual",
        "value": value,
        "unit": _text(row["unit"]),
        "qualifier": _text(row["qualifier"]) or "exact",
        "qualifier_text": None,
        "masked": False,
        "sentence": note or "（人工补录）",
        "start": None,
        "end": None,
        "value_text": None,
        "value_start": None,
        "value_end": None,
        "basis": None,
        "corrected": "added",
    }


def chosen_documents(corrections: pd.DataFrame | None) -> list[str]:
    """doc_ids a person chose among conflicting documents, oldest first (so when a choice is
    changed, ``find_conflicts`` takes the latest of each group)."""
    if corrections is None or corrections.empty:
        return []
    rows = corrections[corrections["action"] == "choose"]
    return [d for d in (_text(v) for v in rows["doc_id"]) if d]


def validate_record(record: dict) -> dict:
    """Check one correction before it is stored; return it with every column present."""
    clean = {c: ("" if record.get(c) is None else str(record.get(c)).strip()) for c in COLUMNS}
    for c in COLUMNS:
        # One record, one line: newlines and commas are quoted by csv, control chars are not wanted.
        clean[c] = " ".join(clean[c].split())
    if clean["action"] not in ACTIONS:
        raise CorrectionError(f"unknown action {clean['action']!r}; expected one of {ACTIONS}")
    if clean["action"] in ("correct", "hide") and not clean["fact_id"]:
        raise CorrectionError(f"{clean['action']} needs a fact_id")
    if clean["action"] == "choose" and not clean["doc_id"]:
        raise CorrectionError("choose needs a doc_id")
    if clean["action"] == "add" and not (clean["doc_id"] and clean["indicator"]):
        raise CorrectionError("add needs a doc_id and an indicator")
    if clean["action"] in ("correct", "add") and clean["value"] and _number(clean["value"]) is None:
        raise CorrectionError(f"value {clean['value']!r} is not a number")
    if clean["action"] == "correct" and not (clean["value"] or clean["unit"] or clean["qualifier"]):
        raise CorrectionError("correct needs a value, unit or qualifier")
    if clean["qualifier"] and clean["qualifier"] not in QUALIFIERS:
        raise CorrectionError(f"unknown qualifier {clean['qualifier']!r}")
    return clean


def append_correction(path: Path, record: dict) -> int:
    """Append one correction atomically; return its row number ``n``.

    The whole file is rewritten to a temporary file in the same directory and renamed
    over the original, so a reader never sees half a line and a crash loses nothing.
    """
    path = Path(path)
    clean = validate_record(record)
    append_csv_row(path, COLUMNS, clean)
    return len(load_corrections(path))


def append_csv_row(path: Path, columns: tuple[str, ...] | list[str], row: dict) -> None:
    """Append ``row`` to a reviewed CSV file atomically (header written when the file is new).

    The whole file is rewritten to a temporary file in the same directory and renamed over
    the original, so a reader never sees half a line and a crash loses nothing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if not existing.strip():
        existing = ",".join(columns) + "\n"
    elif not existing.endswith("\n"):
        existing += "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([row[c] for c in columns])
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(existing + buffer.getvalue())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
