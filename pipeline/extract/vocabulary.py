"""Indicator spellings: the reviewed families, their aliases and blocked contexts.

``data/reference/indicator_families.tsv`` names the families, ``indicator_aliases.tsv``
their spellings (longest first; ``re:`` rows are patterns), ``indicator_blocks.tsv`` the
contexts where a spelling does not name the family (万元生产总值能耗 is not GDP).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline import settings


@dataclass(frozen=True)
class Family:
    name: str
    headline: bool
    direction: str
    level_unit: str
    kind: str  # amount | rate | count
    flow: bool


@dataclass(frozen=True)
class Vocabulary:
    families: dict[str, Family]
    aliases: dict[str, tuple[str, ...]]
    qualitative_only: frozenset[str]
    alias_pattern: re.Pattern
    blocks_before: tuple[re.Pattern, ...]
    blocks_after: tuple[re.Pattern, ...]
    # A spelling that names several series in order (城乡居民… = urban, rural) but is given
    # one figure, with no 分别 or 均, speaks of the series that covers them all.
    combined: dict[tuple[str, ...], str] = field(default_factory=lambda: dict(COMBINED_SERIES))


COMBINED_SERIES = {("城镇居民人均可支配收入", "农村居民人均可支配收入"): "居民人均可支配收入"}


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_vocabulary(reference_dir: Path | None = None) -> Vocabulary:
    """Read the reviewed indicator vocabulary (cached per directory)."""
    return _load_vocabulary(reference_dir or settings.reference_dir())


@lru_cache(maxsize=4)
def _load_vocabulary(ref: Path) -> Vocabulary:
    families = {
        row["indicator"]: Family(
            row["indicator"], row["headline"] == "true", row["direction"], row["level_unit"], row["kind"],
            row["flow"] == "true",
        )
        for row in _read_tsv(ref / "indicator_families.tsv")
    }
    aliases: dict[str, tuple[str, ...]] = {}
    qualitative: set[str] = set()
    for row in _read_tsv(ref / "indicator_aliases.tsv"):
        targets = tuple(row["indicator"].split(";"))
        unknown = [t for t in targets if t not in families]
        if unknown:
            raise ValueError(f"indicator_aliases.tsv: {row['alias']} names unknown families {unknown}")
        aliases[row["alias"]] = targets
        if row["qualitative_only"] == "true":
            qualitative.add(row["alias"])
    # Spellings written as "re:…" are patterns (城镇、农村居民… and its variants);
    # all others are literal and the longest wins.
    literal = sorted((a for a in aliases if not a.startswith("re:")), key=len, reverse=True)
    patterns = [a[3:] for a in aliases if a.startswith("re:")]
    pattern = re.compile("|".join([f"(?:{p})" for p in patterns] + [re.escape(a) for a in literal]))
    blocks = _read_tsv(ref / "indicator_blocks.tsv")
    return Vocabulary(
        families=families,
        aliases=aliases,
        qualitative_only=frozenset(qualitative),
        alias_pattern=pattern,
        blocks_before=tuple(re.compile(b["pattern"]) for b in blocks if b["side"] == "before"),
        blocks_after=tuple(re.compile(b["pattern"]) for b in blocks if b["side"] == "after"),
    )


@dataclass
class AliasHit:
    alias: str
    indicators: tuple[str, ...]
    start: int
    end: int


def find_aliases(text: str, start: int, end: int, vocab: Vocabulary) -> list[AliasHit]:
    hits = []
    for match in vocab.alias_pattern.finditer(text, start, end):
        before = text[max(start, match.start() - 8):match.start()]
        after = text[match.end():min(end, match.end() + 16)]
        if any(p.search(before) for p in vocab.blocks_before) or any(p.search(after) for p in vocab.blocks_after):
            continue
        hits.append(AliasHit(match.group(0), _alias_targets(match.group(0), vocab), match.start(), match.end()))
    return sorted(hits + _value_added_after_output(text, start, end, hits, vocab), key=lambda hit: hit.start)


# 规上工业总产值增长12%，增加值增长13.5%: a bare 增加值 right after the output of industry
# above scale is that industry's value added.
VALUE_ADDED_AFTER_OUTPUT = re.compile(
    r"(?:规模以上|规上)工业(?:总产值|产值)[^。；;]{0,40}?[，,]\s*(增加值)(?=\s*(?:同比|比上年)?(?:增长|下降|增速))")
INDUSTRY_VALUE_ADDED = "规模以上工业增加值"


def _value_added_after_output(text: str, start: int, end: int, hits: list[AliasHit], vocab: Vocabulary) -> list[AliasHit]:
    if INDUSTRY_VALUE_ADDED not in vocab.families:
        return []
    found = []
    for match in VALUE_ADDED_AFTER_OUTPUT.finditer(text, start, end):
        a, b = match.span(1)
        if not any(hit.start < b and a < hit.end for hit in hits):
            found.append(AliasHit(match.group(1), (INDUSTRY_VALUE_ADDED,), a, b))
    return found


def _alias_targets(spelling: str, vocab: Vocabulary) -> tuple[str, ...]:
    if spelling in vocab.aliases:
        return vocab.aliases[spelling]
    for alias, targets in vocab.aliases.items():
        if alias.startswith("re:") and re.fullmatch(alias[3:], spelling):
            return targets
    raise KeyError(spelling)


LIST_JOINER = re.compile(r"^(?:、|和|与|及|以及|、以及)$")


def group_hits(text: str, hits: list[AliasHit]) -> list[list[AliasHit]]:
    """Coordinated spellings (A、B分别…) form one group that shares the values after it."""
    groups: list[list[AliasHit]] = []
    for hit in hits:
        if groups and LIST_JOINER.match(text[groups[-1][-1].end:hit.start]):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups
