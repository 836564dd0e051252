"""What a build knows about slogans: every phrase's kind, reason and family, and which
phrases count where they are written without quotes.

A phrase is counted without quotes in a document when
* the reference knows it as a slogan (放管服改革 counts as 放管服), or
* that same document quotes it somewhere, or
* at least ``UNQUOTED_MIN_DOCUMENTS`` documents of the build quote it and the build usually
  quotes it: at least ``UNQUOTED_MIN_QUOTED_SHARE`` of the documents using it put it in quotes.
One document quoting 乡村振兴 once therefore no longer makes every unquoted mention of it in
every other report a slogan count, and a general term some reports happen to quote (高质量发展)
stays a general term; a county's own slogan, quoted wherever it appears, counts everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from pipeline.slogans.classify import Context, _dictionary_words, classify_with_basis
from pipeline.slogans.find import (
    Occurrence,
    adjacent_runs,
    find_formulas,
    find_numbered,
    find_phrases,
    find_quoted,
    mask_spans,
)
from pipeline.slogans.phrases import NUMERALS, SEPARATORS, family_key, fold_phrase, is_masked
from pipeline.slogans.reference import SloganReference, load_slogan_reference

UNQUOTED_MIN_DOCUMENTS = 2
UNQUOTED_MIN_QUOTED_SHARE = 1 / 3


@dataclass
class Lexicon:
    kinds: dict[str, str] = field(default_factory=dict)
    bases: dict[str, str] = field(default_factory=dict)  # phrase -> why it has its kind
    families: dict[str, str] = field(default_factory=dict)
    unquoted: frozenset[str] = frozenset()  # counted without quotes in every document
    reference: SloganReference | None = None

    def kind_of(self, phrase: str) -> tuple[str, str]:
        if phrase not in self.kinds:
            kind, basis = classify_with_basis(phrase, self.reference)
            self.kinds[phrase], self.bases[phrase] = kind, basis
        return self.kinds[phrase], self.bases[phrase]

    def family_of(self, phrase: str) -> str:
        return self.families.get(phrase) or family_key(phrase) or phrase

    def classified_copy(self) -> "Lexicon":
        """Its kinds, reasons and families (not which phrases count unquoted), to extend."""
        return Lexicon(dict(self.kinds), dict(self.bases), dict(self.families), reference=self.reference)


def build_lexicon(
    quoted_phrases: Iterable[str],
    reference: SloganReference | None = None,
    contexts: Mapping[str, list[Context]] | None = None,
    documents: Mapping[str, int] | None = None,
    mentions: Mapping[str, int] | None = None,
    classified: Lexicon | None = None,
    classify: Callable[..., tuple[str, str]] = classify_with_basis,
) -> Lexicon:
    """Kinds, reasons and families from the reference and the build's own quotes.

    ``contexts``: the words around each quoted occurrence, per phrase; ``documents``: how many
    documents quote each phrase (None: as if every phrase were quoted widely); ``mentions``: how
    many documents use it at all, quoted or not (None: as many as quote it). ``classified``: a
    lexicon built from these very phrases, reference and contexts (the draft that decided
    which mentions to count), whose classification is reused instead of made again;
    ``classify``: ``classify_with_basis`` or a function giving the same answers (a store of them).
    """
    reference = reference or load_slogan_reference()
    lexicon = (classified.classified_copy() if classified is not None
               else _classify(quoted_phrases, reference, contexts or {}, classify))
    known = {p for p, kind in lexicon.kinds.items() if kind == "slogan" and fold_phrase(p) in reference.known}
    learned = set(unquoted_candidates(lexicon, documents)) - known
    if documents is not None and mentions is not None:
        learned = {p for p in learned if documents.get(p, 0) >= UNQUOTED_MIN_QUOTED_SHARE * max(mentions.get(p, 0), 1)}
    lexicon.unquoted = frozenset(known | learned)
    return lexicon


def _classify(quoted_phrases: Iterable[str], reference: SloganReference, contexts: Mapping[str, list[Context]],
              classify: Callable[..., tuple[str, str]]) -> Lexicon:
    lexicon = Lexicon(reference=reference)
    for phrase, (_kind, family) in reference.known.items():
        # classify_with_basis: a reviewer's correction still wins over the known row.
        lexicon.kinds[phrase], lexicon.bases[phrase] = classify(phrase, reference)
        lexicon.families[phrase] = family
    for phrase in sorted(set(quoted_phrases)):
        kind, basis = classify(phrase, reference, contexts.get(phrase, ()))
        lexicon.kinds[phrase], lexicon.bases[phrase] = kind, basis
    _merge_families(lexicon, reference)
    return lexicon


def unquoted_candidates(lexicon: Lexicon, documents: Mapping[str, int] | None) -> list[str]:
    """Learned slogans that may count without quotes: quoted by enough documents, countable."""
    return sorted(
        p for p, kind in lexicon.kinds.items()
        if kind == "slogan" and _countable_unquoted(p) and not _is_short_generic(p, lexicon.reference)
        and (documents is None or documents.get(p, 0) >= UNQUOTED_MIN_DOCUMENTS)
    )


def _countable_unquoted(phrase: str) -> bool:
    return not is_masked(phrase) and SEPARATORS.search(phrase) is None and len(phrase) >= 2


def _is_short_generic(phrase: str, reference: SloganReference) -> bool:
    """Two-character phrases (and three-character ones not led by a numeral) are too often
    plain words to count without quotes, unless the reference knows them."""
    if fold_phrase(phrase) in reference.known:
        return False
    return len(phrase) < 3 or (len(phrase) == 3 and phrase[0] not in NUMERALS)


def _merge_families(lexicon: Lexicon, reference: SloganReference) -> None:
    """六稳 + 六保 = 六稳六保: parts of a compound slogan join its family; corrections may name one."""
    slogans_by_key: dict[str, str] = {}
    for phrase, kind in sorted(lexicon.kinds.items()):
        if kind == "slogan":
            slogans_by_key.setdefault(family_key(phrase), phrase)
    for key in sorted(slogans_by_key, key=lambda k: (-len(k), k)):
        if len(key) < 4:
            continue
        for parts in _splits(key, slogans_by_key):
            family = lexicon.families.get(slogans_by_key[key], key)
            for part in parts:
                phrase = slogans_by_key[part]
                if phrase not in lexicon.families or lexicon.families[phrase] == family_key(phrase):
                    lexicon.families[phrase] = family
    for phrase in lexicon.kinds:
        key = family_key(phrase)
        correction = reference.corrections.get(key)
        if correction and correction.family:
            lexicon.families[phrase] = correction.family
        elif key in slogans_by_key and lexicon.kinds[phrase] == "slogan":
            # 六穩 takes the family of 六稳: one key, one family, whatever the script.
            lexicon.families[phrase] = lexicon.families.get(slogans_by_key[key], key)
        lexicon.families.setdefault(phrase, key or phrase)


def _splits(key: str, known: dict[str, str]) -> list[tuple[str, ...]]:
    """Ways to write ``key`` as two or three known slogan keys."""
    out = []
    for i in range(2, len(key) - 1):
        a, b = key[:i], key[i:]
        if a in known and b in known:
            out.append((a, b))
        elif a in known:
            for j in range(2, len(b) - 1):
                if b[:j] in known and b[j:] in known:
                    out.append((a, b[:j], b[j:]))
    return out


def learn_lexicon(texts: Iterable[str], reference: SloganReference | None = None) -> Lexicon:
    """The lexicon of a build: every document's quotes, their contexts, how many documents
    quote each phrase and how many use it at all."""
    texts = list(texts)
    contexts: dict[str, list[Context]] = defaultdict(list)
    documents: dict[str, int] = defaultdict(int)
    phrases: list[str] = []
    for text in texts:
        found = find_quoted(text)
        seen = set()
        for occ in found:
            contexts[occ.slogan].append(occ.context(text))
            seen.add(occ.slogan)
        for joined in adjacent_runs(text, found):
            seen.add(joined)
        for phrase in seen:
            documents[phrase] += 1
        phrases += sorted(seen)
    draft = build_lexicon(phrases, reference, contexts, documents)
    candidates = frozenset(unquoted_candidates(draft, documents))
    mentions: dict[str, int] = defaultdict(int)
    for text in texts:
        for phrase in {o.slogan for o in find_phrases(text, candidates)}:
            mentions[phrase] += 1
    return build_lexicon(phrases, reference, contexts, documents, mentions, classified=draft)


def find_slogans(text: str, lexicon: Lexicon, boundaries: frozenset[int] | None = None) -> list[Occurrence]:
    """All occurrences in one document: quoted, then formulas, phrases counted unquoted
    (the lexicon's and this document's own quoted slogans), then numbered compounds."""
    quoted = find_quoted(text)
    masked = mask_spans(text, [(o.start, o.end) for o in quoted])
    formulas = find_formulas(masked)
    masked = mask_spans(masked, [(o.start, o.end) for o in formulas])
    own = frozenset(
        o.slogan for o in quoted
        if lexicon.kind_of(o.slogan)[0] == "slogan" and _countable_unquoted(o.slogan)
    )
    known = find_phrases(masked, lexicon.unquoted, boundaries, also=own - lexicon.unquoted)
    masked = mask_spans(masked, [(o.start, o.end) for o in known])
    numbered = [
        o for o in find_numbered(masked, _dictionary_words(), boundaries)
        if lexicon.kind_of(o.slogan)[0] == "slogan"
    ]
    return sorted(quoted + formulas + known + numbered, key=lambda o: (o.start, o.end))
