"""Synthetic corpora of N county reports, recombined from the sample reports, for benchmarks.

    python -m bench.corpus --reports 1000 --out /tmp/corpus-1000 [--seed 11]

Each report takes one sample report of ``data/raw`` as its base and moves it to another
place and time:

- a real county-level division (county, 旗 or county-level city, from cpca's offline
  table), with its city and province, replaces the sample's own county, city and province;
- every year in the text is shifted by the same amount, so report years spread over
  2010-2025 and a report's targets still pair with the next year's outcomes;
- a few contiguous paragraphs of another sample (moved the same way) are spliced into the
  second half, so no two reports are equal and lengths vary;
- about one report in ten is masked (county as X县, a third of its numbers as X), besides the
  samples that are masked already;
- formats: UTF-8 text, GBK text, an HTML page with navigation chrome, a .docx.

Same (N, seed), same bytes: ``corpus_digest`` is the check the unit test makes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from random import Random

from pipeline import settings

SEED = 11
SAMPLE_FOLDERS = ("samples", "seeds")
SAMPLES_DIR = settings.PROJECT_ROOT / "data" / "raw"
YEARS = range(2010, 2026)
MASKED_SHARE = 0.1
# Share of each format, in the order a report's draw falls into them.
FORMATS = (("txt", 0.6), ("gbk.txt", 0.1), ("html", 0.2), ("docx", 0.1))
FILES_PER_DIR = 500

# The places the sample reports are about; each is replaced by the drawn one.
SAMPLE_PLACES = (("浚县", "鹤壁市", "河南省"), ("利津县", "东营市", "山东省"))

_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-3]\d)(?!\d)")
_NUMBER = re.compile(r"(?<![\dA-Za-z])\d+(?:\.\d+)?(?=\s*(?:%|亿|万|个|家|人|元|公里|亩|吨|项))")
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$")


@dataclass(frozen=True)
class Place:
    county: str
    city: str
    province: str


@dataclass(frozen=True)
class Report:
    index: int
    relative_path: str
    content: bytes
    county: str  # "" when masked
    report_year: int


@lru_cache(maxsize=1)
def real_places() -> tuple[Place, ...]:
    """County-level divisions whose name is unique in the country, with city and province."""
    source = resources.files("cpca").joinpath("resources", "adcodes.csv")
    with source.open(encoding="utf-8") as handle:
        rows = [(r["adcode"], r["name"]) for r in csv.DictReader(handle) if r["name"]]
    names = dict(rows)
    counts: dict[str, int] = {}
    for _code, name in rows:
        counts[name] = counts.get(name, 0) + 1
    places = []
    for code, name in sorted(rows):
        if code[4:6] == "00" or code[6:] != "000000" or not name.endswith(("县", "旗")) or counts[name] > 1:
            continue
        province = names.get(code[:2] + "0" * 10, "")
        city = names.get(code[:4] + "0" * 8, "")
        if province and city and city not in ("县", "市辖区", "省直辖县级行政区划"):
            places.append(Place(name, city, province))
    return tuple(places)


@lru_cache(maxsize=1)
def sample_texts() -> tuple[tuple[str, str], ...]:
    """(name, text) of each sample report, in name order.

    Only the original samples and seeds (``SAMPLE_FOLDERS``): their places are the ones
    ``SAMPLE_PLACES`` knows how to move, so the figures stay comparable across runs now that
    ``data/raw`` also bundles the real corpus.
    """
    paths = sorted(p for folder in SAMPLE_FOLDERS for p in (SAMPLES_DIR / folder).rglob("*.txt"))
    return tuple((p.relative_to(SAMPLES_DIR).as_posix(), p.read_text(encoding="utf-8")) for p in paths)


def generate_report(index: int, seed: int = SEED) -> Report:
    """The ``index``-th report of the corpus for ``seed`` (independent of N)."""
    rng = Random(f"{seed}:{index}")
    samples = sample_texts()
    _, base = samples[rng.randrange(len(samples))]
    _, donor = samples[rng.randrange(len(samples))]
    place = rng.choice(real_places())
    year_shift = rng.choice(YEARS) - _main_year(base)
    text = _move(base, place, year_shift)
    text = _splice(text, _move(donor, place, year_shift), rng)
    masked = rng.random() < MASKED_SHARE
    if masked:
        text = _mask(text, place, rng)
    text = f"{text}\n（编号 {seed}-{index}）\n"  # two draws never yield equal files
    fmt = _draw_format(rng)
    content = _encode(text, fmt, place, rng)
    suffix = ".txt" if fmt == "gbk.txt" else f".{fmt}"
    relative = f"part{index // FILES_PER_DIR:03d}/r{index:06d}{suffix}"
    is_real = any(p[0] in base for p in SAMPLE_PLACES)
    return Report(index, relative, content, "" if masked or not is_real else place.county,
                  _main_year(base) + year_shift)


def write_corpus(target: Path, n_reports: int, seed: int = SEED, start: int = 0) -> list[Report]:
    """Write reports ``start .. start + n_reports - 1`` under ``target``."""
    reports = [generate_report(i, seed) for i in range(start, start + n_reports)]
    for report in reports:
        path = Path(target) / report.relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(report.content)
    return reports


def corpus_digest(reports: list[Report]) -> str:
    digest = hashlib.sha256()
    for report in reports:
        digest.update(report.relative_path.encode())
        digest.update(hashlib.sha256(report.content).digest())
    return digest.hexdigest()


# --- moving a report to another place and time ----------------------------------------


def _main_year(text: str) -> int:
    """The most frequent year of a text (the year it reviews or plans for)."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(set(years), key=lambda y: (years.count(y), y)) if years else 2020


def _short(name: str) -> str:
    short = _PROVINCE_SUFFIX.sub("", name)
    return short if len(short) >= 2 else name


def _move(text: str, place: Place, year_shift: int) -> str:
    for county, city, province in SAMPLE_PLACES:
        if county not in text:
            continue
        for old, new in ((county, place.county), (city, place.city), (province, place.province),
                         (_short(city), _short(place.city)), (_short(province), _short(place.province))):
            text = text.replace(old, new)
    return _YEAR.sub(lambda m: str(int(m.group(0)) + year_shift), text)


def _splice(text: str, donor: str, rng: Random) -> str:
    """A few contiguous paragraphs of ``donor`` inserted into the second half of ``text``."""
    paragraphs = [p for p in text.split("\n")]
    donated = [p for p in donor.split("\n") if len(p.strip()) > 20]
    if not donated or len(paragraphs) < 4:
        return text
    count = rng.randint(2, 8)
    first = rng.randrange(max(1, len(donated) - count))
    at = rng.randrange(len(paragraphs) // 2, len(paragraphs))
    return "\n".join(paragraphs[:at] + donated[first : first + count] + paragraphs[at:])


def _mask(text: str, place: Place, rng: Random) -> str:
    text = text.replace(place.county, "X县")
    return _NUMBER.sub(lambda m: "X" if rng.random() < 0.33 else m.group(0), text)


def _draw_format(rng: Random) -> str:
    draw, total = rng.random(), 0.0
    for fmt, share in FORMATS:
        total += share
        if draw < total:
            return fmt
    return FORMATS[-1][0]


def _encode(text: str, fmt: str, place: Place, rng: Random) -> bytes:
    if fmt == "txt":
        return text.encode("utf-8")
    if fmt == "gbk.txt":
        return text.encode("gb18030")
    if fmt == "html":
        return _html_page(text, place).encode("utf-8")
    return _docx(text)


def _html_page(text: str, place: Place) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = html.escape(lines[0] if lines else place.county)
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}_{html.escape(place.county)}人民政府</title></head>"
        "<body><div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/zwgk\">政务公开</a> | <a href=\"/bsfw\">办事服务</a></div>"
        f"<div class=\"article\"><h1>{title}</h1>\n{body}\n</div>"
        "<div class=\"footer\">主办单位：县人民政府办公室 版权所有 ICP备案号</div></body></html>\n"
    )


def _docx(text: str) -> bytes:
    from docx import Document

    document = Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line.strip())
    # python-docx stamps the creation time: fix it so the bytes depend on the text only.
    from datetime import datetime

    fixed = datetime(2020, 1, 1)
    document.core_properties.created = fixed
    document.core_properties.modified = fixed
    document.core_properties.last_printed = fixed
    buffer = io.BytesIO()
    document.save(buffer)
    return _zip_without_times(buffer.getvalue())


def _zip_without_times(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps (python-docx stamps the current time)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    reports = write_corpus(args.out, args.reports, args.seed)
    size = sum(len(r.content) for r in reports)
    print(f"{len(reports)} reports, {size / 1e6:.1f} MB -> {args.out} (digest {corpus_digest(reports)[:16]})")


if __name__ == "__main__":
    main()
