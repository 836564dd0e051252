"""Indicator statements: normalised report text in, one row per fact out.

How a fact is read (see DOMAIN.md for the phrasing it follows):

1. The text is walked paragraph by paragraph. Headings and cue sentences tell which
   part of the report we are in: the review of the past year (outcomes), a five-year
   review, the year's plan (targets) or a five-year plan. That decides ``kind`` and
   the default ``period``.
2. In each sentence the spellings of indicator families are found (longest first, from
   ``data/reference/indicator_aliases.tsv``), skipping contexts listed in
   ``indicator_blocks.tsv`` (万元生产总值能耗 is not GDP).
3. The words right after a spelling are read for value mentions: a level
   (221.46亿元), a growth (同比增长7.9%, 下降2.1%), a change in points (提高1个百分点),
   a rate (控制在3.5%以内). Only the clause of the spelling and clauses that continue it
   (,同比增长…) are read, so a number further on is never attached to it.
4. Coordinated spellings (A、B分别增长x%、y%; 城乡居民… = urban, rural) share the
   values that follow, in order; a qualifier written once after the list applies to
   every item.

Masked values (X, x.x, *, blanks) become ``value`` null with ``masked`` true. Wrong
numbers are worse than missing ones: anything ambiguous is left out.

The parts, one module each:

- ``sections``: paragraphs and sentences, headings and cue sentences that move between
  review and plan;
- ``cues``: the words that say what a sentence reports (预计, 过去一年, 上半年, 力争全年);
- ``periods``: the kind, period, scope and ``basis`` a sentence's facts get;
- ``kinds``: document kinds and the years their parts speak of by default;
- ``grammar``: the number / unit / qualifier grammar of value mentions; ``numerals``: percentages
  in Chinese numerals; ``windows``: the clauses a spelling's values are read from;
- ``tables``: rows of 统计公报 and yearbook tables, read by their header's columns;
- ``rankings``: ranking lists of several-county articles (甲区…亿元，乙区…亿元);
- ``vocabulary``: indicator families, their spellings and blocked contexts;
- ``facts``: assembling a sentence's rows; ``document``: walking a whole document.
"""

from pipeline.extract.document import extract_indicators
from pipeline.extract.facts import FACT_COLUMNS
from pipeline.extract.vocabulary import Family, Vocabulary, load_vocabulary

__all__ = ["FACT_COLUMNS", "Family", "Vocabulary", "extract_indicators", "load_vocabulary"]
