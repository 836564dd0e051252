"""A whole document: its paragraphs walked in order, tables read, restatements merged.

The text is walked paragraph by paragraph; headings and cue sentences move the section
(``sections``), each sentence gets its context (``periods``) and its facts (``facts``);
table rows are read apart (``tables``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

import pandas as pd

from pipeline.extract.facts import FACT_COLUMNS, extract_sentence
from pipeline.extract.kinds import DocContext, effective_kind, own_suffix
from pipeline.extract.periods import join_basis, sentence_context
from pipeline.extract.sections import (
    SECTION_NUMBER, Section, classify_heading, glued_heading, is_heading, is_list_item, iter_paragraphs,
    iter_sentences, update_section,
)
from pipeline.extract.tables import table_facts
from pipeline.extract.vocabulary import find_aliases, load_vocabulary


def extract_indicators(text: str, identity) -> pd.DataFrame:
    """All indicator facts of one normalised document (see the module docstring)."""
    return rows_frame(*extract_rows(text, identity))


def extract_rows(text: str, identity) -> tuple[list[dict], DocContext]:
    """The facts of ``extract_indicators`` as the rows the sentences gave, before ``rows_frame``
    merges repeated keys and restatements (and the document context that decides how)."""
    vocab = load_vocabulary()
    several = bool(getattr(identity, "counties", ()))
    county = None if several else getattr(identity, "county", None)
    doc = DocContext(identity.report_year, effective_kind(identity.doc_type, text),
                     getattr(identity, "delivered_year", None), several, own_suffix(county),
                     county if county and ";" not in county else None)
    section = Section(doc.opening_part, doc.opening_year, basis=doc.basis)
    rows, table_lines = table_facts(text, doc, vocab)
    for p_start, p_end in iter_paragraphs(text):
        if p_start in table_lines:
            continue
        paragraph = text[p_start:p_end].strip()
        if is_heading(paragraph) and not is_list_item(paragraph):
            section = classify_heading(paragraph, doc, section)
            continue
        carried = False  # 预计全县…增长6%。一般公共预算收入增长4%。…: the run of figures is all estimates
        for s_start, s_end in iter_sentences(text, p_start, p_end):
            sentence = text[s_start:s_end]
            if SECTION_NUMBER.match(sentence):
                # Exported documents glue a heading to its first sentence (二、今后五年目标全县…).
                section = classify_heading(glued_heading(sentence), doc, section)
            # Cues can sit anywhere: exported documents often run a whole page into one line.
            section = update_section(sentence, section, doc)
            hits = None
            if not carried and not ESTIMATE_LEAD.search(sentence):
                hits = find_aliases(text, s_start, s_end, vocab)
                if not hits:
                    continue  # names no indicator and starts no run of estimates: its context decides nothing
            ctx = sentence_context(sentence, section, doc)
            carried = _estimate_carries(sentence, ctx, carried)
            if ctx is not None and carried and not ctx.estimated:
                ctx = replace(ctx, estimated=True, basis=join_basis([ctx.basis, "cue:预计"]))
            if ctx is not None:
                rows.extend(extract_sentence(text, s_start, s_end, ctx, vocab, doc, hits))
    return rows, doc


def rows_frame(rows: list[dict], doc: DocContext) -> pd.DataFrame:
    """``extract_rows``'s rows as the facts frame: one row per key, restatements merged."""
    frame = _without_table_restatements(_to_frame(rows))
    if doc.doc_type in RESTATING_KINDS and not doc.several:  # several counties: merged per county by attribution
        return _without_restatements(frame).reset_index(drop=True)
    return frame


def rows_are_facts(rows: list[dict], doc: DocContext) -> bool:
    """Whether ``rows_frame`` would keep every row as it is (the usual case: no key repeated,
    no table row, not a news summary), so the rows are the facts without a frame."""
    return (doc.doc_type not in RESTATING_KINDS and not _may_repeat_key(rows)
            and not any(isinstance(row.get("basis"), str) and row["basis"].startswith("table:") for row in rows))


ESTIMATE_LEAD = re.compile(r"^[^，,。]{0,4}预计")
OWN_TIME_CUE = re.compile(r"(?:19|20)\d\d年|今年|去年|明年|上半年|前三季度|目标|计划|力争")


def _estimate_carries(sentence: str, ctx, carried: bool) -> bool:
    """Whether the sentence's outcomes are estimates because its paragraph opened with 预计:
    a sentence that opens with 预计 starts the run, one with a time or plan cue of its own ends it."""
    if ctx is None or ctx.kind != "actual":
        return False
    if ESTIMATE_LEAD.search(sentence):
        return True
    return carried and not OWN_TIME_CUE.search(sentence)


def _without_table_restatements(frame: pd.DataFrame) -> pd.DataFrame:
    """A bulletin's table repeats the figures its text gives (增长6.0% above, 6.0 in the table):
    a table value equal to one stated in the text is that fact again."""
    if not any(isinstance(basis, str) and basis.startswith("table:") for basis in frame["basis"]):
        return frame  # most documents have no table facts: skip the pandas string pass
    from_table = frame["basis"].fillna("").str.startswith("table:")
    stated = set(map(tuple, frame.loc[~from_table, TABLE_KEY].astype(str).values))
    again = from_table & frame[TABLE_KEY].astype(str).apply(tuple, axis=1).isin(stated)
    return frame[~again].reset_index(drop=True)


TABLE_KEY = ["indicator", "measure", "kind", "period", "value"]


DEDUP_KEY = ("indicator", "measure", "value_start")


def _to_frame(rows: Iterable[dict]) -> pd.DataFrame:
    rows = list(rows)
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS)  # built from every row: the same dtypes either way
    if _may_repeat_key(rows):
        frame = frame.drop_duplicates(subset=list(DEDUP_KEY), keep="first")
    return frame.reset_index(drop=True)


def _may_repeat_key(rows: list[dict]) -> bool:
    """Whether drop_duplicates could drop a row, decided in Python (pandas' check costs a
    millisecond a document, and most documents repeat no key). Keys other than str, int
    and None (a NaN, which pandas counts equal to another NaN) leave the check to pandas."""
    seen: set[tuple] = set()
    for row in rows:
        key = tuple(row.get(column) for column in DEDUP_KEY)
        if key in seen or any(part is not None and type(part) not in (str, int) for part in key):
            return True
        seen.add(key)
    return False


# A news summary restates the report's figures in its headline and body; a report itself
# states a figure again where it means something else (the five-year review's last year
# beside the year's review), and each statement is kept.
RESTATING_KINDS = frozenset({"报告摘要"})
RESTATEMENT_KEY = ["indicator", "measure", "kind", "period", "period_start", "period_end", "scope", "value", "unit",
                   "qualifier", "estimated"]


def _without_restatements(frame: pd.DataFrame) -> pd.DataFrame:
    """济南市某区：2022年地区生产总值增长8%以上 (the headline) and, below, 主要预期目标是：地区生产
    总值增长8%以上: one fact, from its first statement. Masked values are never merged: two
    unknowns need not be the same number."""
    valued = frame["value"].notna()
    repeated = frame[valued].duplicated(subset=RESTATEMENT_KEY, keep="first")
    return frame.drop(index=repeated[repeated].index)
