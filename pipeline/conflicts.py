"""Two different documents of one kind for one county and year: say so, and let a person choose.

Two 政府工作报告 for 浚县 2023 with different content (a draft and the final text, a
mirror with edits) would each give targets and outcomes; pairing would silently keep
whichever sorts first. Instead the build lists every such group in its summary and
notes it on each document's ``conflicts`` field; a person picks the document to use on
the 数据 page, recorded as a ``choose`` correction (``pipeline/corrections.py``) that
survives rebuilds. Until then pairing uses the first by file name, and says so.
Different kinds (a report and the 统计公报 of the same year) are not a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

GROUP = ("county", "province", "report_year", "doc_type")


@dataclass(frozen=True)
class Conflict:
    county: str
    report_year: int
    doc_type: str
    doc_ids: tuple[str, ...]  # sorted by source file
    files: tuple[str, ...]
    chosen: str | None  # the doc_id a person chose, if any

    @property
    def used(self) -> str:
        """The document pairing uses: the chosen one, else the first by file name."""
        return self.chosen or self.doc_ids[0]

    def describe(self) -> str:
        how = "人工选定" if self.chosen else "尚未选定，暂用文件名靠前者"
        used = self.files[self.doc_ids.index(self.used)]
        return (f"{self.county} {self.report_year} 年有 {len(self.doc_ids)} 份内容不同的{self.doc_type}："
                f"{'、'.join(self.files)}；配对采用 {used}（{how}）")


def find_conflicts(documents: pd.DataFrame, chosen: list[str] | tuple[str, ...] = ()) -> list[Conflict]:
    """Groups of accepted documents sharing county, province, year and kind, with different
    content. ``chosen``: doc_ids picked by a person, oldest first (the latest pick wins)."""
    order = {doc_id: i for i, doc_id in enumerate(chosen)}
    ok = documents[(documents["status"] == "ok") & documents["county"].notna() & documents["report_year"].notna()
                   & documents["doc_type"].notna()]
    # Only groups of two documents or more can conflict: found at once, not group by group.
    ok = ok.drop_duplicates("doc_id")
    ok = ok[ok.duplicated(list(GROUP), keep=False)]
    conflicts = []
    for key, group in ok.groupby(list(GROUP), dropna=False, sort=True):
        group = group.drop_duplicates("doc_id").sort_values("source_file")
        if len(group) < 2:
            continue
        ids = tuple(group["doc_id"])
        picked = [d for d in ids if d in order]
        conflicts.append(Conflict(
            county=key[0], report_year=int(key[2]), doc_type=key[3], doc_ids=ids, files=tuple(group["source_file"]),
            chosen=max(picked, key=order.__getitem__) if picked else None,
        ))
    return conflicts


def not_used(conflicts: list[Conflict]) -> set[str]:
    """Documents whose facts pairing leaves out: in each group, every one but the one used."""
    return {d for c in conflicts for d in c.doc_ids if d != c.used}


def notes(conflicts: list[Conflict]) -> dict[str, str]:
    """doc_id -> the note for its ``conflicts`` field."""
    out = {}
    for conflict in conflicts:
        for doc_id in conflict.doc_ids:
            role = "本文档被采用" if doc_id == conflict.used else "本文档未用于配对"
            out[doc_id] = f"{role}。{conflict.describe()}"
    return out


def annotate(documents: pd.DataFrame, conflicts: list[Conflict]) -> pd.DataFrame:
    by_doc = notes(conflicts)
    ok = documents["status"] == "ok"
    return documents.assign(conflicts=documents["doc_id"].map(by_doc).where(ok, None))
