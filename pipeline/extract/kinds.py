"""Document kinds and the years their parts speak of by default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocContext:
    report_year: int | None
    doc_type: str
    delivered_year: int | None

    @property
    def review_year(self) -> int | None:
        """The year a review section reports on by default."""
        if self.report_year is None:
            return None
        if self.doc_type == "工作汇报":
            return self.report_year
        return self.report_year - 1

    @property
    def this_year(self) -> int | None:
        """The year 今年 means in the text."""
        if self.delivered_year is not None:
            return self.delivered_year
        return self.report_year
