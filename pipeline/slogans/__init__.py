"""Slogans (提法): quoted phrases, formulas and numbered compounds, classified with a reason
and grouped in families.

The parts:

* ``phrases``   — a phrase as written, folded (simplified script) and as a family key;
* ``reference`` — the reviewed data: ``slogans.tsv`` and ``slogan_corrections.tsv``;
* ``find``      — where slogans occur in a text (quoted, mangled quotes, formulas, numbered);
* ``classify``  — slogan | plan_period | honour | project | brand | other, with the reason;
* ``lexicon``   — what a build learns from all its documents, and ``find_slogans``;
* ``trends``    — document frequency and the slogans new or dropped in a county's year.

Only slogans feed slogan clouds and trends; the other kinds stay queryable. Families group
variants: “六稳”“六保” and 六稳六保 are three slogans of the family 六稳六保; 六穩 is 六稳.
"""

from pipeline.slogans.classify import classify_phrase, classify_with_basis
from pipeline.slogans.find import Occurrence, adjacent_runs, find_formulas, find_numbered, find_phrases, find_quoted
from pipeline.slogans.lexicon import UNQUOTED_MIN_DOCUMENTS, Lexicon, build_lexicon, find_slogans, learn_lexicon
from pipeline.slogans.phrases import NUMERALS, family_key, fold_phrase, normalise_phrase, to_simplified
from pipeline.slogans.reference import (
    CORRECTIONS_FILE,
    KINDS,
    SLOGANS_FILE,
    SloganReference,
    append_correction,
    load_slogan_reference,
    read_corrections,
)
from pipeline.slogans.trends import new_and_dropped_slogans, slogan_cloud_weights, slogan_document_frequency

adjacent_families = adjacent_runs  # the name the vocabulary step used

__all__ = [
    "CORRECTIONS_FILE", "KINDS", "NUMERALS", "SLOGANS_FILE", "UNQUOTED_MIN_DOCUMENTS",
    "Lexicon", "Occurrence", "SloganReference",
    "adjacent_families", "adjacent_runs", "append_correction", "build_lexicon", "classify_phrase",
    "classify_with_basis", "family_key", "find_formulas", "find_numbered", "find_phrases",
    "find_quoted", "find_slogans", "fold_phrase", "learn_lexicon", "load_slogan_reference",
    "new_and_dropped_slogans", "normalise_phrase", "read_corrections", "slogan_cloud_weights",
    "slogan_document_frequency",
    "to_simplified",
]
